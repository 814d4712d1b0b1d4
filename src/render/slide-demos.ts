import type { DemoBlockData } from '../deck/demo-types.ts';
import { h } from './dom.ts';

/**
 * A slide's demos as hidden data in its `<section>`, beside the notes: the exporter reads the
 * speaker script from the rendered deck, so `notes.pdf` lists what the deck was built with.
 * `hidden`: never on the slide, in print, or for screen readers.
 */
export function renderSlideDemos(demos: readonly DemoBlockData[]): HTMLElement[] {
  return demos.map((demo) =>
    h(
      'div',
      { class: 'slide-demo', hidden: true, 'data-demo': demo.id, 'data-status': demo.rehearsal.status },
      [
        h('p', { class: 'slide-demo-status' }, [demo.rehearsal.summary]),
        ...demo.commands.map((command) => h('pre', { class: 'slide-demo-command' }, [command.text])),
      ],
    ),
  );
}
