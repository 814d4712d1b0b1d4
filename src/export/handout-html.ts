import { cutOutput, NOT_REHEARSED, PROMPT } from '../cast/screen-text.ts';
import { formatDuration, type DeckOutline, type DemoOutline, type SlideOutline } from './deck-outline.ts';
import {
  handoutNotesBox,
  handoutSlideBox,
  PAPER_SIZES,
  SHEET_MARGIN,
  SLIDES_PER_3UP_SHEET,
  threeUpBoxes,
  type Box,
} from './layout.ts';
import type { Paper } from './options.ts';
import { shortAddress } from '../deck/public-address.ts';

/**
 * The slides' public address on a handout sheet: its QR code (an SVG from the `qrcode` package,
 * drawn without a quiet zone: the margin's blank paper is one) and the short address, one link.
 */
export interface SheetAddress {
  url: string;
  qrSvg: string;
}

/** The QR code's side on paper, in the sheet's top margin, right: 16 mm, 0.5 mm a module. */
const QR_MM = 16;
const MM_PX = 96 / 25.4;

/**
 * The text pages of the handouts and the speaker script, as HTML that Chromium prints. Slide
 * images are not in it: empty frames mark where the exporter places each slide's vector page
 * afterwards. Every sheet is a fixed-size block, so page N of the PDF is sheet N.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function box(b: Box): string {
  return `left:${b.left.toFixed(2)}px;top:${b.top.toFixed(2)}px;width:${b.width.toFixed(2)}px;height:${b.height.toFixed(2)}px`;
}

/**
 * Lines of output printed per command: the speaker script has a page per slide to spare, a
 * handout's notes box less, a three-up row least. Longer output is cut with a visible "…".
 */
export const OUTPUT_LINES = { notes: 8, handout: 6, 'handout-3up': 3 } as const;

/**
 * A demo's commands with what the engine printed, as the recording has it, and where and when it
 * was recorded; without a recording, the commands and "not rehearsed yet". Text stays text.
 */
export function demoOutputHtml(demo: DemoOutline, maxLines: number): string {
  const source = demo.recording
    ? `recorded on ${escapeHtml(demo.recording)}`
    : `<span class="demo-unrecorded">${NOT_REHEARSED}</span>`;
  const steps = demo.commands
    .map((command, index) => {
      const output = demo.recording && maxLines >= 2 ? (demo.outputs?.[index] ?? null) : null;
      return (
        `<pre class="demo-cmd">${escapeHtml(`${PROMPT}${command}`)}</pre>` +
        (output ? `<pre class="demo-out">${escapeHtml(cutOutput(output, maxLines))}</pre>` : '')
      );
    })
    .join('');
  const count = `${demo.commands.length} command${demo.commands.length === 1 ? '' : 's'}`;
  return (
    `<div class="demo-output" data-demo="${escapeHtml(demo.id)}"><p class="demo-source">Demo · ${source}</p>${steps}` +
    // Shown only where the box is too small for the output (see fitNotes): says where it is.
    `<p class="demo-elsewhere">${demo.recording ? `${count}; their output is in handout.pdf and notes.pdf` : count}</p></div>`
  );
}

/**
 * At most `DEMO_LINES_PER_PAGE` lines of output for a whole block, shared by its commands, so a
 * long block (slide 19 runs 20 commands) still fits its slide's page; a command left with fewer
 * than 2 lines prints none (handout.pdf has it).
 */
const DEMO_LINES_PER_PAGE = 24;
function linesPerCommand(demo: DemoOutline, maxLines: number): number {
  return Math.min(maxLines, Math.floor(DEMO_LINES_PER_PAGE / Math.max(1, demo.commands.length)));
}

function notesHtml(slide: SlideOutline, index: number, outputLines: number | null = null): string {
  const steps = slide.stepNotes
    .map((notes, step) =>
      notes ? `<li><span class="step">Step ${step + 2}</span> ${escapeHtml(notes)}</li>` : '',
    )
    .join('');
  const timing = slide.timing ? ` <span class="timing">${formatDuration(slide.timing)}</span>` : '';
  // Paper cannot be clicked: each link's address is printed, and stays a link in the PDF too.
  const links = slide.links
    .map(
      ({ text, url }) =>
        `<li><a href="${escapeHtml(url)}">${escapeHtml(text)}</a>: <span class="url">${escapeHtml(url)}</span></li>`,
    )
    .join('');
  return [
    `<h2 data-slide="${index}">${index + 1}. ${escapeHtml(slide.title)}${timing}</h2>`,
    ...slide.notes.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    steps ? `<ul class="steps">${steps}</ul>` : '',
    links ? `<ul class="links">${links}</ul>` : '',
    outputLines === null
      ? ''
      : (slide.demos ?? []).map((demo) => demoOutputHtml(demo, linesPerCommand(demo, outputLines))).join(''),
  ].join('');
}

/** The speaker script's demos under the notes: rehearsal status, commands and what they printed. */
function demosHtml(slide: SlideOutline): string {
  return (slide.demos ?? [])
    .map(
      (demo) =>
        `<div class="demo" data-demo="${escapeHtml(demo.id)}"><h3>Demo <span class="demo-status">${escapeHtml(demo.status)}</span></h3>` +
        demoOutputHtml(demo, linesPerCommand(demo, OUTPUT_LINES.notes)) +
        `</div>`,
    )
    .join('');
}

function document(
  outline: DeckOutline,
  paper: Paper,
  stylesheets: readonly string[],
  kind: string,
  sheets: string[],
): string {
  const { width, height, css } = PAPER_SIZES[paper];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(outline.title)}</title>
${stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')}
<style>
@page { size: ${css}; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; color: #16202a; font-family: var(--font-sans, sans-serif); }
body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { position: relative; width: ${width.toFixed(2)}px; height: ${(height - 1).toFixed(2)}px; overflow: hidden; break-after: page; }
.sheet:last-child { break-after: auto; }
.header { position: absolute; left: ${SHEET_MARGIN}px; right: ${SHEET_MARGIN}px; top: ${SHEET_MARGIN - 16}px; display: flex; justify-content: space-between; gap: 12px; font-size: 9pt; color: #46535f; }
.header.has-address { right: ${(SHEET_MARGIN + (QR_MM + 3) * MM_PX).toFixed(2)}px; }
.header .address { margin-left: auto; color: #16202a; text-decoration: none; }
.qr { position: absolute; right: ${SHEET_MARGIN}px; top: ${(4 * MM_PX).toFixed(2)}px; width: ${(QR_MM * MM_PX).toFixed(2)}px; height: ${(QR_MM * MM_PX).toFixed(2)}px; display: block; }
.qr svg { display: block; width: 100%; height: 100%; }
.frame { position: absolute; box-sizing: border-box; border: 0.75px solid #9aa7b4; }
.notes { position: absolute; overflow: hidden; font-size: var(--notes-size, 11pt); line-height: 1.4; }
.notes h2 { font-size: 1.25em; margin: 0 0 0.4em; }
.notes p { margin: 0 0 0.5em; }
.notes .timing { font-weight: 400; font-size: 0.8em; color: #46535f; margin-left: 0.5em; }
.notes .steps { margin: 0.3em 0 0; padding-left: 1.2em; }
.notes .steps li { margin-bottom: 0.3em; }
.notes .step { font-weight: 700; color: #0b5cbf; }
.notes .links { margin: 0.3em 0 0; padding-left: 1.2em; font-size: 0.9em; }
.notes .links a { color: #0b5cbf; }
.notes .links .url { color: #46535f; word-break: break-all; }
.script { position: absolute; left: ${SHEET_MARGIN}px; right: ${SHEET_MARGIN}px; top: ${SHEET_MARGIN}px; bottom: ${SHEET_MARGIN}px; overflow: hidden; font-size: 11pt; line-height: 1.45; }
.script section { break-inside: avoid; padding-bottom: 10px; margin-bottom: 12px; border-bottom: 0.75px solid #c5ced8; }
.script h1 { font-size: 18pt; margin: 0 0 4px; }
.script .meta { color: #46535f; margin: 0 0 14px; }
.script h2 { font-size: 13pt; margin: 0 0 4px; }
.script .facts { border-bottom: 0; font-size: 10pt; }
.script .facts li { margin-bottom: 3px; }
.script .facts a { color: #0b5cbf; }
.script .facts .url { color: #46535f; word-break: break-all; }
.script .demo h3 { font-size: 10pt; margin: 6px 0 3px; }
.script .demo .demo-status { font-weight: 400; color: #46535f; margin-left: 0.4em; }
.demo-output { margin: 0.4em 0 0; }
.demo-output .demo-source { margin: 0 0 0.2em; font-size: 0.85em; font-weight: 700; color: #46535f; }
.demo-output .demo-unrecorded { color: #8a4b00; }
.demo-output pre { font-family: var(--font-mono, monospace); font-size: 0.72em; line-height: 1.2; white-space: pre-wrap; overflow-wrap: anywhere; font-variant-ligatures: none; margin: 0; padding: 1px 6px; }
.demo-output .demo-cmd { background: #eef2f6; border-left: 2px solid #0b5cbf; font-weight: 700; margin-top: 1px; }
.demo-output .demo-out { background: #f7f8fa; border-left: 2px solid #9aa7b4; color: #16202a; }
.demo-output .demo-elsewhere { display: none; margin: 0; font-size: 0.85em; color: #46535f; }
.demo-no-output .demo-out, .demo-no-commands .demo-cmd { display: none; }
.demo-no-output .demo-elsewhere { display: block; }
.script .demo pre { font-size: 9pt; }
</style></head><body data-kind="${kind}">${sheets.join('\n')}</body></html>`;
}

function header(outline: DeckOutline, page: number, pages: number, address: SheetAddress | null): string {
  if (!address) {
    return `<div class="header"><span>${escapeHtml(outline.title)}</span><span>${page} / ${pages}</span></div>`;
  }
  const href = escapeHtml(address.url);
  // The address is printed (paper cannot be clicked) and, with the code, a link in the PDF.
  return (
    `<div class="header has-address"><span>${escapeHtml(outline.title)}</span>` +
    `<a class="address" href="${href}">${escapeHtml(shortAddress(address.url))}</a><span>${page} / ${pages}</span></div>` +
    `<a class="qr" href="${href}" aria-label="QR code of ${href}">${address.qrSvg}</a>`
  );
}

/** One slide per sheet: the slide on top, its notes below. */
export function renderHandoutHtml(
  outline: DeckOutline,
  paper: Paper,
  stylesheets: readonly string[],
  address: SheetAddress | null = null,
): string {
  const total = outline.slides.length;
  const sheets = outline.slides.map(
    (slide, index) =>
      `<div class="sheet">${header(outline, index + 1, total, address)}<div class="frame" style="${box(handoutSlideBox(paper))}"></div>` +
      `<div class="notes" style="${box(handoutNotesBox(paper))}">${notesHtml(slide, index, OUTPUT_LINES.handout)}</div></div>`,
  );
  return document(outline, paper, stylesheets, 'handout', sheets);
}

/** Three slides per sheet, notes beside each. */
export function renderThreeUpHtml(
  outline: DeckOutline,
  paper: Paper,
  stylesheets: readonly string[],
  address: SheetAddress | null = null,
): string {
  const sheets: string[] = [];
  const total = Math.ceil(outline.slides.length / SLIDES_PER_3UP_SHEET);
  for (let sheet = 0; sheet < total; sheet += 1) {
    const rows = outline.slides
      .slice(sheet * SLIDES_PER_3UP_SHEET, (sheet + 1) * SLIDES_PER_3UP_SHEET)
      .map((slide, row) => {
        const boxes = threeUpBoxes(paper, row);
        return (
          `<div class="frame" style="${box(boxes.slide)}"></div>` +
          `<div class="notes" style="${box(boxes.notes)};--notes-size:9pt">${notesHtml(slide, sheet * SLIDES_PER_3UP_SHEET + row, OUTPUT_LINES['handout-3up'])}</div>`
        );
      });
    sheets.push(`<div class="sheet">${header(outline, sheet + 1, total, address)}${rows.join('')}</div>`);
  }
  return document(outline, paper, stylesheets, 'handout-3up', sheets);
}

/**
 * The speaker script: every slide's title, timing and notes, with the time at which it should
 * start. Written as one sheet; the exporter's page script splits it into sheets that fit.
 */
export function renderScriptHtml(outline: DeckOutline, paper: Paper, stylesheets: readonly string[]): string {
  let elapsed = 0;
  const sections = outline.slides.map((slide, index) => {
    const startsAt = `starts at ${formatDuration(elapsed)}`;
    elapsed += slide.timing ?? 0;
    return `<section data-slide="${index}">${notesHtml(slide, index).replace('</h2>', ` <span class="timing">${startsAt}</span></h2>`)}${demosHtml(slide)}</section>`;
  });
  const planned = outline.slides.reduce((sum, slide) => sum + (slide.timing ?? 0), 0);
  const intro =
    `<h1>${escapeHtml(outline.title)}: speaker script</h1>` +
    `<p class="meta">${escapeHtml(outline.author)} · ${outline.slides.length} slides · planned ${formatDuration(planned)} of ${outline.talkMinutes} minutes</p>`;
  return document(outline, paper, stylesheets, 'notes', [
    `<div class="sheet"><div class="script">${intro}${sections.join('')}${factsHtml(outline)}</div></div>`,
  ]);
}

/** The script's last section: what may have changed since, with where to check it. */
function factsHtml(outline: DeckOutline): string {
  if (outline.facts.length === 0) return '';
  const checkedOn = outline.facts
    .map((fact) => fact.checked)
    .sort()
    .at(-1);
  const items = outline.facts
    .map(
      (fact) =>
        `<li>${escapeHtml(fact.claim)} (checked ${escapeHtml(fact.checked)}): <a href="${escapeHtml(fact.source.url)}">${escapeHtml(fact.source.title)}</a>, <span class="url">${escapeHtml(fact.source.url)}</span></li>`,
    )
    .join('');
  return `<section class="facts"><h2>Facts checked on ${escapeHtml(checkedOn ?? '')}</h2><ul>${items}</ul></section>`;
}
