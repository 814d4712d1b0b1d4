import { NOT_REHEARSED, PROMPT, terminalText } from '../cast/screen-text.ts';
import type { DemoBlockData, DemoStepOutput } from '../deck/demo-types.ts';
import type { DemoOutputBlock } from '../deck/types.ts';
import { h } from './dom.ts';

export { NOT_REHEARSED, PROMPT };

/** Outputs by block id, as `virtual:demo-recordings` has them (absent until it is loaded). */
export type DemoOutputs = Readonly<Record<string, readonly DemoStepOutput[]>>;

/** `Engine 20.10.24 (overlay2), 2026-12-01`: where a recording comes from, for people. */
export function recordingLabel(demo: Pick<DemoBlockData, 'recording'>): string {
  return demo.recording ? `${demo.recording.engine}, ${demo.recording.recordedAt.slice(0, 10)}` : '';
}

/** The pane's steps: one per command of the slide's demos, in the order typed. */
export interface PaneStep {
  block: string;
  /** 0-based command within its block. */
  command: number;
}

export function paneSteps(demos: readonly DemoBlockData[]): PaneStep[] {
  return demos.flatMap((demo) => demo.commands.map((_, command) => ({ block: demo.id, command })));
}

function staticScreen(demo: DemoBlockData, ran: number, outputs: DemoOutputs | undefined): string {
  const commands = demo.commands.map((command) => command.text);
  const recorded = outputs?.[demo.id];
  return terminalText(
    commands,
    commands.map((_, index) => recorded?.[index]?.screen ?? null),
    ran,
  );
}

/**
 * The terminal pane of a slide with demos: a bar naming the recording's engine and date (or "not
 * rehearsed yet"), the screen before any command, and one reveal.js fragment per command, each
 * holding the static screen after it. Which static screen shows is CSS over reveal's `.visible`
 * classes, as for diagrams: right in print, in the speaker view's frames and after a jump. The
 * player, where it runs, draws over them (`src/present/demo-pane.ts`).
 */
export function renderDemoPane(
  slideId: string,
  demos: readonly DemoBlockData[],
  firstFragment: number,
  outputs: DemoOutputs | undefined,
): HTMLElement {
  const steps = paneSteps(demos);
  const byId = new Map(demos.map((demo) => [demo.id, demo]));
  const [first] = demos;
  const screen = h('div', { class: 'demo-pane-screen' }, [
    first
      ? h('pre', { class: 'demo-static demo-state-0', 'data-demo': first.id, 'data-ran': 0 }, [
          staticScreen(first, 0, outputs),
        ])
      : null,
    h('div', { class: 'demo-player', 'aria-hidden': 'true' }),
    ...steps.flatMap((step, index) => {
      const demo = byId.get(step.block);
      if (!demo) return [];
      return h(
        'span',
        {
          class: 'fragment demo-step',
          'data-fragment-index': firstFragment + index,
          'data-demo': step.block,
          'data-command': step.command,
        },
        [
          h('pre', { class: 'demo-static', 'data-demo': step.block, 'data-ran': step.command + 1 }, [
            staticScreen(demo, step.command + 1, outputs),
          ]),
        ],
      );
    }),
  ]);
  const sources = demos.map((demo) =>
    h(
      'span',
      { class: 'demo-pane-source', 'data-demo': demo.id, 'data-recorded': demo.recording ? 'yes' : 'no' },
      [demo.recording ? `recorded on ${recordingLabel(demo)}` : NOT_REHEARSED],
    ),
  );
  return h(
    'figure',
    {
      class: 'demo-pane',
      'data-slide': slideId,
      'data-steps': steps.length,
      role: 'group',
      'aria-label': 'Demo terminal',
    },
    [
      h('figcaption', { class: 'demo-pane-bar' }, [
        h('span', { class: 'demo-pane-title' }, ['Terminal']),
        ...sources,
      ]),
      screen,
    ],
  );
}

/** The text a quoted command shows: the command after a prompt, then what it printed. */
export function quotedOutput(command: string, screen: string | null): string {
  return `${PROMPT}${command}\n${screen ?? NOT_REHEARSED}`;
}

/** A `demo-output` block: one command's output, from the recording. */
export function renderDemoOutputBlock(
  block: DemoOutputBlock,
  demo: DemoBlockData | undefined,
  outputs: DemoOutputs | undefined,
): HTMLElement {
  const index = demo?.commands.findIndex((command) => command.text === block.command) ?? -1;
  const screen = outputs?.[block.demo]?.[index]?.screen ?? null;
  const source = demo?.recording ? recordingLabel(demo) : '';
  return h(
    'figure',
    { class: 'block-code block-demo-output', 'data-demo': block.demo, 'data-command': index },
    [
      h('figcaption', {}, [`${block.caption ?? block.command}${demo?.recording ? ` · ${source}` : ''}`]),
      h('pre', {}, [
        h('code', { class: 'demo-output-text', 'data-recorded': demo?.recording ? 'yes' : 'no' }, [
          // Recorded but not loaded yet: the output follows when the recordings arrive.
          demo?.recording ? `${PROMPT}${block.command}\n${screen ?? '…'}` : quotedOutput(block.command, null),
        ]),
      ]),
    ],
  );
}

/**
 * Fills in what depends on the recordings once they are loaded: every static screen and every
 * quoted output under `root`. (Print and the speaker view's frames load them before rendering.)
 */
export function fillDemoText(
  root: ParentNode,
  demos: ReadonlyMap<string, DemoBlockData>,
  outputs: DemoOutputs,
): void {
  for (const pre of root.querySelectorAll<HTMLElement>('pre.demo-static')) {
    const demo = demos.get(pre.dataset.demo ?? '');
    if (demo) pre.textContent = staticScreen(demo, Number(pre.dataset.ran), outputs);
  }
  for (const figure of root.querySelectorAll<HTMLElement>('figure.block-demo-output')) {
    const demo = demos.get(figure.dataset.demo ?? '');
    const code = figure.querySelector('.demo-output-text');
    const step = outputs[figure.dataset.demo ?? '']?.[Number(figure.dataset.command)];
    if (demo?.recording && step && code) code.textContent = quotedOutput(step.command, step.screen);
  }
}
