import { describe, expect, it } from 'vitest';
import type { DeckOutline } from '../../../src/export/deck-outline.ts';
import { firstPages, formatDuration } from '../../../src/export/deck-outline.ts';
import {
  escapeHtml,
  renderHandoutHtml,
  renderScriptHtml,
  renderThreeUpHtml,
} from '../../../src/export/handout-html.ts';
import { handoutNotesBox, handoutSlideBox, PAPER_SIZES, threeUpBoxes } from '../../../src/export/layout.ts';

const outline: DeckOutline = {
  title: 'T <b>',
  author: 'A',
  subject: 'S',
  talkMinutes: 25,
  url: null,
  facts: [
    {
      claim: 'alpine:3.24 <moves>',
      source: { title: 'Alpine releases', url: 'https://alpinelinux.org/releases/' },
      checked: '2026-11-30',
    },
    {
      claim: 'BuildKit is the default',
      source: { title: 'BuildKit', url: 'https://docs.docker.com/build/buildkit/' },
      checked: '2026-12-01',
    },
  ],
  slides: [1, 2, 3, 4].map((n) => ({
    id: `s${n}`,
    title: `Slide <${n}>`,
    module: `slides/0${n}-s.ts`,
    timing: 60,
    notes: [`Say <script>${n}</script>.`],
    stepNotes: n === 2 ? [null, 'second step'] : [],
    fragments: n === 2 ? 2 : 0,
    links: n === 4 ? [{ text: 'Volumes <x>', url: 'https://docs.docker.com/engine/storage/volumes/' }] : [],
    demos:
      n === 3
        ? [
            {
              id: '02-builds/cache',
              status: 'rehearsed ✔ on Engine 20.10.24, 2026-12-01',
              commands: ['docker build -t hello-layers .', "docker run --rm \\\n  -e A='<x>' hello-layers"],
              recording: 'Engine 20.10.24 (overlay2), 2026-12-01',
              outputs: [
                Array.from({ length: 20 }, (_, line) => `#${line + 1} step <${line + 1}>`).join('\n'),
                'hello <x>',
              ],
            },
            {
              id: '02-builds/order',
              status: 'not rehearsed (no rehearsal report)',
              commands: ['docker image ls'],
            },
          ]
        : [],
  })),
};

describe('handout pages', () => {
  it('ends the speaker script, and only it, with the dated facts and their sources', () => {
    const script = renderScriptHtml(outline, 'a4', []);
    expect(script).toContain('<h2>Facts checked on 2026-12-01</h2>');
    expect(script).toContain(
      '<li>alpine:3.24 &lt;moves&gt; (checked 2026-11-30): <a href="https://alpinelinux.org/releases/">Alpine releases</a>, <span class="url">https://alpinelinux.org/releases/</span></li>',
    );
    expect(script.indexOf('Facts checked on')).toBeGreaterThan(script.lastIndexOf('data-slide='));
    for (const handout of [renderHandoutHtml(outline, 'a4', []), renderThreeUpHtml(outline, 'a4', [])]) {
      expect(handout).not.toContain('Facts checked on');
    }
    expect(renderScriptHtml({ ...outline, facts: [] }, 'a4', [])).not.toContain('Facts checked on');
  });

  it("prints each link's address beside its title, as a link, in every handout and the script", () => {
    for (const html of [
      renderHandoutHtml(outline, 'a4', []),
      renderThreeUpHtml(outline, 'a4', []),
      renderScriptHtml(outline, 'a4', []),
    ]) {
      expect(html).toContain(
        '<ul class="links"><li><a href="https://docs.docker.com/engine/storage/volumes/">Volumes &lt;x&gt;</a>: <span class="url">https://docs.docker.com/engine/storage/volumes/</span></li></ul>',
      );
      expect(html.match(/class="links"/g)).toHaveLength(1);
    }
  });

  it('puts the address and its QR code, one link, on every handout sheet, when the deck has one', () => {
    const address = { url: 'https://example.org/talks/x/', qrSvg: '<svg class="test-qr"></svg>' };
    for (const html of [
      renderHandoutHtml(outline, 'a4', [], address),
      renderThreeUpHtml(outline, 'a4', [], address),
    ]) {
      const sheets = html.split('<div class="sheet">').slice(1);
      expect(sheets.length).toBeGreaterThan(0);
      for (const sheet of sheets) {
        expect(sheet).toContain(
          '<a class="address" href="https://example.org/talks/x/">example.org/talks/x</a>',
        );
        expect(sheet).toContain(
          '<a class="qr" href="https://example.org/talks/x/" aria-label="QR code of https://example.org/talks/x/"><svg class="test-qr"></svg></a>',
        );
      }
    }
    expect(renderHandoutHtml(outline, 'a4', [])).not.toContain('class="qr"');
  });

  it('escapes every deck string', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    for (const html of [
      renderHandoutHtml(outline, 'a4', []),
      renderThreeUpHtml(outline, 'a4', []),
      renderScriptHtml(outline, 'a4', []),
    ]) {
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;');
    }
  });

  it('makes one sheet per slide for the handout and one per three slides for the 3-up', () => {
    expect(renderHandoutHtml(outline, 'a4', []).match(/class="sheet"/g)).toHaveLength(4);
    expect(renderThreeUpHtml(outline, 'letter', []).match(/class="sheet"/g)).toHaveLength(2);
    expect(renderThreeUpHtml(outline, 'letter', [])).toContain('size: letter');
  });

  it('prints each demo command with what it printed, where and when, cut with a visible …', () => {
    const script = renderScriptHtml(outline, 'a4', []);
    expect(script).toContain('<pre class="demo-cmd">$ docker build -t hello-layers .</pre>');
    expect(script).toContain(
      '<pre class="demo-cmd">$ docker run --rm \\\n  -e A=&#39;&lt;x&gt;&#39; hello-layers</pre>',
    );
    expect(script).toContain('<pre class="demo-out">hello &lt;x&gt;</pre>');
    expect(script).toContain('rehearsed ✔ on Engine 20.10.24, 2026-12-01');
    expect(script).toContain('Demo · recorded on Engine 20.10.24 (overlay2), 2026-12-01');
    // The speaker script keeps 8 lines of output: 7, and the cut said.
    expect(script).toContain('#7 step &lt;7&gt;\n… (13 more lines)</pre>');
    expect(script).not.toContain('#8 step');
    // A block without a recording: its command, and what it lacks.
    expect(script).toContain('<pre class="demo-cmd">$ docker image ls</pre>');
    expect(script).toMatch(/Demo · <span class="demo-unrecorded">not rehearsed yet<\/span>/);
    // Under the notes of its own slide, before the next slide's section.
    const third = script.indexOf('<section data-slide="2">');
    const demo = script.indexOf('data-demo="02-builds/cache"');
    expect(demo).toBeGreaterThan(script.indexOf('Say &lt;script&gt;3', third));
    expect(demo).toBeLessThan(script.indexOf('<section data-slide="3">'));
    // The handouts print the output too, shorter; never the rehearsal status, which is the speaker's.
    const handout = renderHandoutHtml(outline, 'a4', []);
    expect(handout).toContain('Demo · recorded on Engine 20.10.24 (overlay2), 2026-12-01');
    expect(handout).toContain('#5 step &lt;5&gt;\n… (15 more lines)</pre>');
    expect(handout).not.toContain('#6 step');
    const threeUp = renderThreeUpHtml(outline, 'a4', []);
    expect(threeUp).toContain('#2 step &lt;2&gt;\n… (18 more lines)</pre>');
    for (const sheet of [handout, threeUp]) {
      expect(sheet).toContain('<pre class="demo-out">hello &lt;x&gt;</pre>');
      expect(sheet).not.toContain('rehearsed ✔');
    }
  });

  it('numbers the steps that have notes of their own', () => {
    expect(renderHandoutHtml(outline, 'a4', [])).toContain('<span class="step">Step 3</span> second step');
  });

  it('lays the slide out at 16:9 inside the sheet, with the notes below it', () => {
    const slide = handoutSlideBox('a4');
    const notes = handoutNotesBox('a4');
    expect(slide.width / slide.height).toBeCloseTo(16 / 9);
    expect(notes.top).toBeGreaterThan(slide.top + slide.height);
    expect(notes.top + notes.height).toBeLessThan(PAPER_SIZES.a4.height);
    const rows = [0, 1, 2].map((row) => threeUpBoxes('a4', row));
    expect(rows[1]!.slide.top).toBeGreaterThan(rows[0]!.slide.top + rows[0]!.slide.height);
    expect(rows[2]!.notes.top + rows[2]!.notes.height).toBeLessThan(PAPER_SIZES.a4.height);
  });

  it('finds the first page of each slide and formats durations', () => {
    expect(firstPages(outline.slides, (slide) => 1 + slide.fragments)).toEqual([0, 1, 4, 5]);
    expect(formatDuration(75)).toBe('1:15');
  });
});
