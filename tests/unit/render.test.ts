// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderSlide } from '../../src/render/render-slide.ts';
import { splitHighlightedLines } from '../../src/render/highlight.ts';
import type { SlideInput } from '../../src/deck/types.ts';

const attack = '<script>alert(1)</script>';
const assets = {
  examples: new Map([['Dockerfile', 'FROM alpine\nRUN echo "<b>hi</b>"\nCMD ["sh"]\n']]),
  imageUrls: new Map([['x.svg', '/assets/x.svg']]),
};

function render(slide: SlideInput): HTMLElement {
  return renderSlide({ slide, module: 'slides/test.ts' }, assets);
}

describe('renderSlide', () => {
  const hostile: SlideInput = {
    id: 'hostile',
    title: attack,
    subtitle: attack,
    blocks: [
      { kind: 'text', text: attack },
      { kind: 'bullets', items: [attack, { text: `**${attack}**`, fragment: true, notes: attack }] },
      { kind: 'table', head: [attack], rows: [[attack]], caption: attack },
      { kind: 'image', file: 'x.svg', alt: attack, caption: attack },
    ],
    notes: attack,
  };

  it('escapes every author string: markup shows as text and no element is created', () => {
    const section = render(hostile);
    expect(section.querySelector('script')).toBeNull();
    expect(section.querySelector('h2')?.textContent).toBe(attack);
    expect(section.querySelector('.block-text')?.textContent).toBe(attack);
    expect(section.querySelector('strong')?.textContent).toBe(attack);
    expect(section.querySelector('td')?.textContent).toBe(attack);
    expect(section.querySelector('img')?.getAttribute('alt')).toBe(attack);
    expect(section.querySelector(':scope > aside.notes')?.textContent).toBe(attack);
    expect(section.innerHTML).toContain('&lt;script&gt;');
  });

  it('renders a linked bullet as an anchor that opens in a new tab, its text escaped', () => {
    const section = render({
      id: 'links',
      title: 'Reading',
      blocks: [
        { kind: 'bullets', items: [{ text: attack, link: 'https://docs.docker.com/build/cache/' }, 'plain'] },
      ],
      notes: 'Sources.',
    });
    const anchors = section.querySelectorAll('li > a');
    expect(anchors).toHaveLength(1);
    expect(anchors[0]!.getAttribute('href')).toBe('https://docs.docker.com/build/cache/');
    expect(anchors[0]!.getAttribute('target')).toBe('_blank');
    expect(anchors[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(anchors[0]!.textContent).toBe(attack);
    expect(section.querySelector('script')).toBeNull();
  });

  it('gives the section the slide id, the timing and the notes aside reveal.js reads', () => {
    const section = render({ ...hostile, timing: 75 });
    expect(section.id).toBe('hostile');
    expect(section.dataset.timing).toBe('75');
    expect(section.querySelectorAll(':scope > aside.notes')).toHaveLength(1);
  });

  it('numbers fragments in order and puts per-step notes inside them', () => {
    const section = render({
      id: 'steps',
      title: 'Steps',
      blocks: [
        {
          kind: 'bullets',
          items: [
            'shown',
            { text: 'one', fragment: true, notes: 'say one' },
            { text: 'two', fragment: true },
          ],
        },
      ],
      notes: 'slide notes',
    });
    const fragments = [...section.querySelectorAll('.fragment')];
    expect(fragments.map((f) => f.getAttribute('data-fragment-index'))).toEqual(['0', '1']);
    expect(fragments[0]?.querySelector('aside.notes')?.textContent).toBe('say one');
    expect(fragments[1]?.querySelector('aside.notes')).toBeNull();
  });

  it('highlights code from the file, escaped, one span per line, emphasised lines marked', () => {
    const section = render({
      id: 'code',
      title: 'Code',
      blocks: [{ kind: 'code', file: 'Dockerfile', language: 'dockerfile', highlight: '2' }],
      notes: 'n',
    });
    const lines = [...section.querySelectorAll('.code-line')];
    expect(lines.map((line) => line.textContent)).toEqual([
      'FROM alpine',
      'RUN echo "<b>hi</b>"',
      'CMD ["sh"]',
    ]);
    expect(lines.map((line) => line.classList.contains('is-emphasised'))).toEqual([false, true, false]);
    expect(section.querySelector('pre b')).toBeNull();
    expect(section.querySelector('.hljs-keyword')?.textContent).toBe('FROM');
  });

  it('makes one marker fragment per diagram step after the first, carrying that step’s notes', () => {
    const section = render({
      id: 'diagram',
      title: 'Diagram',
      blocks: [
        {
          kind: 'diagram',
          id: 'abc',
          source: 'flowchart LR\n A --> B --> C',
          steps: [{ show: ['A'] }, { show: ['B'], notes: 'now B' }, { show: ['C'] }],
          title: 't',
          description: 'd',
        },
      ],
      notes: 'n',
    });
    const markers = [...section.querySelectorAll('.diagram-steps > .fragment')];
    expect(markers).toHaveLength(2);
    expect(markers[0]?.querySelector('aside.notes')?.textContent).toBe('now B');
  });
});

describe('splitHighlightedLines', () => {
  it('closes spans at a line end and reopens them on the next line', () => {
    expect(splitHighlightedLines('<span class="c">a\nb</span>\nc')).toEqual([
      '<span class="c">a</span>',
      '<span class="c">b</span>',
      'c',
    ]);
  });
});
