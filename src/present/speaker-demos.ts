import type { RevealApi } from 'reveal.js';
import type { DemoBlockData } from '../deck/demo-types.ts';
import { h } from '../render/dom.ts';
import speakerDemoCss from '../styles/speaker-demo.css?url';
import { markNextCommand, MAX_DIGIT_COMMANDS, renderDemoPanel, showLiveStatus } from './demo-panel.ts';
import type { LiveStatus } from './live-demos.ts';
import { watchLiveStatus } from './live-status-channel.ts';

const PANEL_ID = 'demo-panel';
const MARK_ID = 'demo-next-mark';
const STYLESHEET_ID = 'demo-panel-css';

/**
 * The demo panel of reveal.js's speaker window, run by the deck inside the window's "current
 * slide" frame. That frame follows the main deck through every reload and reconnect (the notes
 * plugin keeps sending it the state), so the panel stays in step the way the notes do, without
 * a protocol of its own. The frame and the speaker window share the deck's origin, so it can
 * write into the window's page; the page itself stays reveal's.
 */
export function attachSpeakerDemos(reveal: RevealApi, demos: ReadonlyMap<string, DemoBlockData[]>): void {
  const frame = window.frameElement;
  if (!frame?.closest('#current-slide')) return;
  const speaker = window.parent;
  const page = speaker.document;
  const controls = page.querySelector('#speaker-controls');
  if (!controls) return;

  if (!page.getElementById(STYLESHEET_ID)) {
    // Absolute: the speaker window is about:blank, and a relative URL would resolve against nothing useful.
    const href = new URL(speakerDemoCss, location.href).href;
    // Made by the speaker page's own document: it belongs to that page, not to this frame.
    const link = page.createElement('link');
    Object.assign(link, { id: STYLESHEET_ID, rel: 'stylesheet', href });
    page.head.append(link);
  }
  page.getElementById(PANEL_ID)?.remove();
  page.getElementById(MARK_ID)?.remove();
  const holder = h('div', { id: PANEL_ID });
  const notes = controls.querySelector('.speaker-controls-notes');
  if (notes) notes.after(holder);
  else controls.append(holder);
  const mark = h('span', { id: MARK_ID, class: 'demo-next-mark', hidden: true }, ['demo next']);
  page.querySelector('#upcoming-slide')?.append(mark);

  let commands: string[] = [];
  let shownSlide: string | null = null;
  /** How the live deck's demos stand, once a live deck said so (never, when not presenting live). */
  let live: LiveStatus | undefined;
  const update = () => {
    const slide = reveal.getCurrentSlide();
    const id = slide?.id ?? '';
    if (id !== shownSlide) {
      shownSlide = id;
      const slideDemos = demos.get(id) ?? [];
      const rendered = renderDemoPanel(id, slideDemos);
      commands = rendered.commands;
      rendered.panel.hidden = slideDemos.length === 0;
      holder.replaceChildren(rendered.panel);
    }
    // The frame follows the main deck's steps: its visible demo steps are the commands shown.
    const panel = holder.querySelector<HTMLElement>('.demo-panel');
    if (panel && live) showLiveStatus(panel, live);
    if (panel && commands.length > 0)
      markNextCommand(panel, commands, slide?.querySelectorAll('.demo-pane .demo-step.visible').length ?? 0);
    // The upcoming frame shows the next step of this slide while it has one, else the next slide.
    const next = reveal.availableFragments().next
      ? null
      : reveal.getSlides()[reveal.getSlides().indexOf(slide) + 1];
    mark.hidden = !next || (demos.get(next.id) ?? []).length === 0;
  };

  const copy = async (index: number) => {
    const text = commands[index];
    const item = holder.querySelector<HTMLElement>(`[data-command="${index + 1}"]`);
    const status = holder.querySelector('.demo-copied');
    if (text === undefined || !item || !status) return;
    try {
      // The speaker window's clipboard: the click or key press happened there.
      await speaker.navigator.clipboard.writeText(text);
      holder.querySelectorAll('[data-copied]').forEach((other) => other.removeAttribute('data-copied'));
      item.setAttribute('data-copied', '');
      status.textContent = `Copied command ${index + 1}.`;
    } catch (error) {
      status.textContent = `Could not copy command ${index + 1} (${(error as Error).message}): select it by hand.`;
    }
  };

  holder.addEventListener('click', (event) => {
    const button = (event.target as Element).closest?.('.demo-copy');
    const number = Number(button?.closest('[data-command]')?.getAttribute('data-command'));
    if (number > 0) void copy(number - 1);
  });

  // Capture on the window runs before the speaker page's own key handler, which forwards every
  // key to the deck: a digit that copies, and Enter or Space on a copy button (which press it),
  // must not also reach reveal.js (Space would move the talk on).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as Element | null;
    if (target?.closest?.('.demo-copy') && (event.key === 'Enter' || event.key === ' ')) {
      event.stopImmediatePropagation();
      return;
    }
    if (target?.closest?.('input, select, textarea')) return;
    const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : 0;
    if (digit === 0 || digit > Math.min(commands.length, MAX_DIGIT_COMMANDS)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    void copy(digit - 1);
  };
  speaker.addEventListener('keydown', onKeyDown, true);
  // When the frame goes (a reload, or the speaker window closing), nothing in the speaker
  // window may keep pointing into this frame's page: a closed speaker window that reveal.js
  // still holds would keep the whole frame deck alive, one more for every window opened.
  window.addEventListener('pagehide', () => {
    speaker.removeEventListener('keydown', onKeyDown, true);
    holder.remove();
    mark.remove();
  });

  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) reveal.on(event, update);
  watchLiveStatus(reveal, (status) => {
    live = status;
    update();
  });
  update();
}
