import type { create as createPlayer } from 'asciinema-player';
import type { RevealApi } from 'reveal.js';
import { parseCast } from '../cast/asciicast.ts';
import { DEMO_TERMINAL } from '../cast/terminal.ts';
import type { DemoBlockData, DemoRecordingsModule } from '../deck/demo-types.ts';
import { fillDemoText } from '../render/demo-terminal.ts';
import { liveDriver, type LiveFeed } from './live-feed.ts';
import type { LiveDemos, PaneSourceKind } from './live-demos.ts';

/**
 * The demo pane's terminal: asciinema-player, behind this one module. Nothing else imports the
 * player; it is loaded (with its stylesheet and WebAssembly) only when a demo slide is near.
 *
 * One renderer for recorded and live demos. A source is either a recording (asciicast v3 text,
 * stepped by its `m` markers: step N is the screen at marker N, the end after the last command)
 * or a live feed (what the runner's terminal shows, as it arrives; the runner is asked for each
 * step by `live-demos.ts`, not by the terminal). Same fonts, size and steps either way.
 */
export type PaneSource =
  | {
      kind: 'recording';
      /** The asciicast v3 text (one `m` marker before each command). */
      load: () => Promise<string>;
    }
  | {
      kind: 'live';
      /** The block's stream from the runner (`live-demos.ts` asks it for the steps). */
      feed: LiveFeed;
    };

/**
 * The terminal as the slide shows it: the recorder's size, the bundled font, 21 px text at the
 * 1280x720 design size (reveal.js shows it at 0.96 of that in a 1280x720 window: 20 px).
 */
export interface PaneLook {
  cols: number;
  rows: number;
  /** CSS font size of the terminal text in slide pixels (the slide is 1280x720). */
  fontSize: string;
  lineHeight: number;
  fontFamily: string;
}

export const PANE_LOOK: PaneLook = {
  ...DEMO_TERMINAL,
  fontSize: '21px',
  lineHeight: 1.2,
  fontFamily: "'JetBrains Mono', monospace",
};

/** One terminal in a pane. */
export interface TerminalPane {
  readonly kind: PaneSource['kind'];
  /** Commands run so far, as shown. */
  readonly ran: number;
  /**
   * Shows the screen after `ran` commands. One more than shown plays the next command from its
   * marker (it stops at the following marker); anything else jumps there, paused.
   */
  showStep(ran: number): Promise<void>;
  dispose(): void;
}

interface PlayerModule {
  create: typeof createPlayer;
}

let playerModule: Promise<PlayerModule> | null = null;

/** The player's code and stylesheet, once. */
export function loadPlayer(): Promise<PlayerModule> {
  playerModule ??= Promise.all([import('asciinema-player'), import('../styles/demo-player.css')]).then(
    ([module]) => module,
  );
  return playerModule;
}

/**
 * Creates a terminal in `container`, which must be on a visible slide (a player sized in a
 * hidden slide comes out wrong), once the font is loaded. Sized by font size, never by a CSS
 * transform: reveal.js scales the slide around it.
 */
export async function createTerminalPane(
  container: HTMLElement,
  source: PaneSource,
  steps: number,
  look: PaneLook = PANE_LOOK,
): Promise<TerminalPane> {
  const [{ create }] = await Promise.all([
    loadPlayer(),
    document.fonts.load(`${look.fontSize} ${look.fontFamily}`),
  ]);
  const options = {
    cols: look.cols,
    rows: look.rows,
    fit: false as const,
    terminalFontSize: look.fontSize,
    terminalFontFamily: look.fontFamily,
    terminalLineHeight: look.lineHeight,
    controls: false,
    theme: 'deck',
  };
  if (source.kind === 'live') {
    // A function source is a driver (see live-feed.ts); the player's types name only URL and data.
    const player = create(liveDriver(source.feed, look) as never, container, { ...options, autoplay: true });
    let ran = 0;
    return {
      kind: 'live',
      get ran() {
        return ran;
      },
      // The runner plays each step as it runs it: the terminal only follows.
      async showStep(next) {
        ran = next;
      },
      dispose: () => player.dispose(),
    };
  }
  const cast = await source.load();
  // A marker's time is also the time of the first key typed after it (a recorder types at once):
  // a jump to the marker itself would show that key. Where the marker has a gap before it, a jump
  // lands just before it instead: the previous command's output and a bare prompt.
  const gapBefore = parseCast(cast)
    .events.filter(([, code]) => code === 'm')
    .map(([interval]) => interval >= 0.002);
  const player = create({ data: cast }, container, {
    ...options,
    preload: true,
    pauseOnMarkers: true,
  });
  const jump = async (next: number) => {
    if (next >= steps) return player.seek('100%');
    await player.seek({ marker: next });
    if (gapBefore[next]) await player.seek(Math.max(0, player.getCurrentTime() - 0.001));
  };
  let ran = -1;
  return {
    kind: 'recording',
    get ran() {
      return ran;
    },
    async showStep(next) {
      if (next === ran + 1 && next > 0) {
        // Play the next command from its marker; pauseOnMarkers stops at the one after it.
        await player.seek({ marker: next - 1 });
        await player.play();
      } else {
        await player.pause();
        await jump(next);
      }
      ran = next;
    },
    dispose: () => player.dispose(),
  };
}

/** What the panes need of the deck: its demos, and how to load the recordings. */
export interface DemoPanesOptions {
  /** The demo blocks of each slide, by slide id. */
  demos: ReadonlyMap<string, readonly DemoBlockData[]>;
  /** Every block by id. */
  blocks: ReadonlyMap<string, DemoBlockData>;
  /** `import('virtual:demo-recordings')`. */
  loadRecordings: () => Promise<DemoRecordingsModule>;
  /** Slides this close to the current one count as near (their recordings start loading). */
  near?: number;
  /** Live (`npm run present -- --live`): which blocks run on the presenter's engine. */
  live?: LiveDemos;
}

/** Which command of which block a slide's pane is at, from reveal's `.visible` classes. */
export function paneState(section: Element): { block: string | null; ran: number } {
  const steps = [...section.querySelectorAll<HTMLElement>('.demo-pane .demo-step')];
  const shown = steps.filter((step) => step.classList.contains('visible'));
  const last = shown.at(-1);
  if (!last) return { block: steps[0]?.dataset.demo ?? null, ran: 0 };
  return { block: last.dataset.demo ?? null, ran: Number(last.dataset.command) + 1 };
}

/**
 * Drives the panes of the presenting deck: loads the player and the recordings when a demo slide
 * is near, creates a block's terminal the first time its slide is current, and keeps it at the
 * slide's step (forward plays, back rewinds, a jump or a reload lands on the step in the URL).
 * Not in the print view nor the speaker view's frames: there the static screens show.
 */
export function attachDemoPanes(reveal: RevealApi, options: DemoPanesOptions): void {
  const near = options.near ?? 1;
  let recordings: Promise<DemoRecordingsModule> | null = null;
  const terminals = new Map<string, Promise<TerminalPane | null>>();
  const slides = () => reveal.getSlides();
  const hasRecording = (slideId: string) =>
    (options.demos.get(slideId) ?? []).some((demo) => demo.recording !== null);

  const loadRecordings = () => {
    recordings ??= options.loadRecordings().then((module) => {
      fillDemoText(document, options.blocks, module.outputs);
      return module;
    });
    return recordings;
  };

  const newBox = (holder: HTMLElement, blockId: string, source: PaneSourceKind) => {
    const box = document.createElement('div');
    box.className = 'demo-terminal';
    box.dataset.demo = blockId;
    box.dataset.source = source;
    holder.append(box);
    return box;
  };

  const terminalFor = (
    section: HTMLElement,
    blockId: string,
    source: PaneSourceKind,
  ): Promise<TerminalPane | null> => {
    const key = `${source} ${blockId}`;
    let terminal = terminals.get(key);
    if (!terminal) {
      const demo = options.blocks.get(blockId);
      const holder = section.querySelector<HTMLElement>('.demo-player');
      if (!demo || !holder) terminal = Promise.resolve(null);
      else if (source === 'live' && options.live) {
        const feed = options.live.feed(blockId);
        terminal = createTerminalPane(
          newBox(holder, blockId, 'live'),
          { kind: 'live', feed },
          demo.commands.length,
        );
      } else if (!demo.recording) terminal = Promise.resolve(null);
      else {
        terminal = loadRecordings().then((module) => {
          const load = module.casts[blockId];
          if (!load) return null;
          return createTerminalPane(
            newBox(holder, blockId, 'recording'),
            { kind: 'recording', load },
            demo.commands.length,
          );
        });
      }
      terminal.catch((error: unknown) => console.error('docker-talk: the demo pane cannot play', error));
      terminals.set(key, terminal);
    }
    return terminal;
  };

  // One update at a time, each applying the deck's state as it is when it runs.
  let queue = Promise.resolve();
  const update = () => {
    queue = queue.then(sync).catch((error: unknown) => console.error('docker-talk: demo pane', error));
  };

  const sync = async () => {
    const current = reveal.getCurrentSlide() as HTMLElement | undefined;
    if (!current) return;
    const index = slides().indexOf(current);
    const nearby = slides().slice(Math.max(0, index - near), index + near + 1);
    if (nearby.some((section) => hasRecording(section.id))) void loadRecordings().catch(() => undefined);
    const pane = current.querySelector<HTMLElement>('.demo-pane');
    const { block, ran } = pane ? paneState(current) : { block: null, ran: 0 };
    if (!pane || !block) {
      options.live?.leave();
      return;
    }
    const source = options.live?.show(block, ran) ?? 'recording';
    const terminal = await terminalFor(current, block, source);
    for (const box of pane.querySelectorAll<HTMLElement>('.demo-terminal'))
      box.hidden = box.dataset.demo !== block || box.dataset.source !== source;
    if (options.live) showLiveLabel(pane, block, source, options.live);
    if (!terminal) {
      delete pane.dataset.player;
      delete pane.dataset.source;
      return;
    }
    await terminal.showStep(ran);
    pane.dataset.player = 'on';
    pane.dataset.source = source;
    pane.dataset.ran = String(ran);
  };

  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) reveal.on(event, update);
  // A fall back, or the runner answering after a reload, changes what the current step shows.
  options.live?.onChange(update);
  update();
}

/**
 * The pane's bar says where the terminal's output comes from: live on the presenter's engine,
 * or the recording (and, once a block fell back, that it did).
 */
function showLiveLabel(pane: HTMLElement, block: string, source: PaneSourceKind, live: LiveDemos): void {
  const label = pane.querySelector<HTMLElement>(`.demo-pane-source[data-demo="${CSS.escape(block)}"]`);
  if (!label) return;
  label.dataset.recordedText ??= label.textContent ?? '';
  const status = live.status();
  if (source === 'live') {
    label.dataset.live = 'on';
    label.textContent = `live${status.engine ? ` on ${status.engine.replace(/ at .*$/, '')}` : ''}`;
  } else {
    delete label.dataset.live;
    const fellBack = status.fellBack[block] !== undefined;
    label.textContent = `${label.dataset.recordedText}${fellBack ? ' (fell back from live)' : ''}`;
  }
}

/** The key that shows or hides the panes (named in reveal's `?` help). */
export const PANE_TOGGLE_KEY = { keyCode: 68, key: 'D', description: 'Show or hide the demo terminal' };

/** Binds the toggle: the panes go, the slides take their room back, and the steps stay. */
export function bindPaneToggle(reveal: RevealApi): void {
  reveal.addKeyBinding(PANE_TOGGLE_KEY, () => {
    const root = document.documentElement;
    root.toggleAttribute('data-demo-pane-hidden');
    reveal.layout();
  });
}
