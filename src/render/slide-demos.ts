import type { DemoBlockData } from '../deck/demo-types.ts';
import { recordingLabel, type DemoOutputs } from './demo-terminal.ts';
import { h } from './dom.ts';

/**
 * A slide's demos as hidden data in its `<section>`, beside the notes: the exporter reads the
 * speaker script and the handouts' demo output from the rendered deck, so the PDFs list what the
 * deck was built with: each command, and, where the block was recorded and the recordings are
 * loaded (the print view loads them first), what it printed and its exit code.
 * `hidden`: never on the slide, in print, or for screen readers.
 */
export function renderSlideDemos(demos: readonly DemoBlockData[], outputs?: DemoOutputs): HTMLElement[] {
  return demos.map((demo) => {
    const recorded = demo.recording ? outputs?.[demo.id] : undefined;
    return h(
      'div',
      {
        class: 'slide-demo',
        hidden: true,
        'data-demo': demo.id,
        'data-status': demo.rehearsal.status,
        'data-recording': demo.recording ? recordingLabel(demo) : undefined,
      },
      [
        h('p', { class: 'slide-demo-status' }, [demo.rehearsal.summary]),
        ...demo.commands.map((command, index) => {
          const step = recorded?.[index];
          return h('div', { class: 'slide-demo-step', 'data-exit-code': step ? step.exitCode : undefined }, [
            h('pre', { class: 'slide-demo-command' }, [command.text]),
            step ? h('pre', { class: 'slide-demo-output' }, [step.screen]) : null,
          ]);
        }),
      ],
    );
  });
}
