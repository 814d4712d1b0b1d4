import type { DemoBlockData } from '../deck/demo-types.ts';
import type { LiveStatus } from './live-demos.ts';
import { NOT_REHEARSED, recordingLabel } from '../render/demo-terminal.ts';
import { h } from '../render/dom.ts';

/** Digits 1–9 copy the first nine commands; more would need two keys. */
export const MAX_DIGIT_COMMANDS = 9;

/**
 * The demo panel of the speaker view: for each demo of the slide its rehearsal status and its
 * commands, numbered across the slide, each with a copy button. Text nodes only: the commands
 * are shown exactly as the script has them. Returns the panel and the commands in button order.
 */
export function renderDemoPanel(
  slideId: string,
  demos: readonly DemoBlockData[],
): { panel: HTMLElement; commands: string[] } {
  const commands: string[] = [];
  const blocks = demos.map((demo) =>
    h('div', { class: 'demo-block', 'data-demo': demo.id, 'data-status': demo.rehearsal.status }, [
      h('p', { class: 'demo-status' }, [demo.rehearsal.summary]),
      h('p', { class: 'demo-pane-shows', 'data-recorded': demo.recording ? 'yes' : 'no' }, [
        demo.recording
          ? `The pane replays the recording from ${recordingLabel(demo)}.`
          : `The pane has no recording (${NOT_REHEARSED}): it shows the commands only.`,
      ]),
      demo.description ? h('p', { class: 'demo-description' }, [demo.description]) : null,
      h(
        'ol',
        { class: 'demo-commands', start: commands.length + 1 },
        demo.commands.map((command) => {
          commands.push(command.text);
          const number = commands.length;
          const key = number <= MAX_DIGIT_COMMANDS ? ` (key ${number})` : '';
          return h('li', { class: 'demo-command', 'data-command': number }, [
            h(
              'button',
              { type: 'button', class: 'demo-copy', 'aria-label': `Copy command ${number}${key}` },
              [String(number)],
            ),
            h('pre', {}, [h('code', {}, [command.text])]),
            command.needsRegistry
              ? h('p', { class: 'demo-registry' }, ['needs a registry: not rehearsed offline'])
              : null,
          ]);
        }),
      ),
    ]),
  );
  const keys = Math.min(commands.length, MAX_DIGIT_COMMANDS);
  const hint = keys > 1 ? `keys 1–${keys} copy` : 'key 1 copies';
  const panel = h('section', { class: 'demo-panel', 'data-slide': slideId, 'aria-label': 'Demo' }, [
    h('h4', { class: 'label' }, ['Demo ', h('span', { class: 'demo-keys' }, [`${hint}, or click`])]),
    h('p', { class: 'demo-next', 'aria-live': 'polite' }, []),
    ...blocks,
    h('p', { class: 'demo-copied', role: 'status', 'aria-live': 'polite' }, []),
  ]);
  return { panel, commands };
}

/**
 * Marks the command the next press runs (`data-next` on its item) and says it in the panel's
 * first line; `ran` counts the commands the pane has shown, across the slide's demos.
 */
export function markNextCommand(panel: HTMLElement, commands: readonly string[], ran: number): void {
  panel.querySelectorAll('[data-next]').forEach((item) => item.removeAttribute('data-next'));
  panel.querySelector(`[data-command="${ran + 1}"]`)?.setAttribute('data-next', '');
  const line = panel.querySelector('.demo-next');
  if (!line) return;
  const next = commands[ran];
  line.textContent =
    next === undefined
      ? `All ${commands.length} commands shown.`
      : `Next press runs ${ran + 1} of ${commands.length}: ${next.split('\n')[0]}`;
}

/**
 * Says, for each demo of the panel, what the live deck's pane shows: live on the presenter's
 * engine, or the recording because the block fell back (and why) or the runner is gone. The
 * line that names the recording is kept and comes back with a recording.
 */
export function showLiveStatus(panel: HTMLElement, status: LiveStatus): void {
  for (const block of panel.querySelectorAll<HTMLElement>('.demo-block')) {
    const line = block.querySelector<HTMLElement>('.demo-pane-shows');
    if (!line) continue;
    line.dataset.recordingText ??= line.textContent ?? '';
    const fellBack = status.fellBack[block.dataset.demo ?? ''];
    const [live, text] =
      fellBack !== undefined
        ? ['fell-back', `Fell back: ${fellBack}. ${line.dataset.recordingText}`]
        : status.state === 'stopped'
          ? ['stopped', `Not live: ${status.stopped ?? 'the runner is gone'}. ${line.dataset.recordingText}`]
          : status.state === 'connecting'
            ? ['connecting', 'Live: connecting to the runner…']
            : ['on', `Live on ${status.engine ?? 'the presenter’s engine'}. R falls back to the recording.`];
    line.dataset.live = live;
    line.textContent = text;
  }
}
