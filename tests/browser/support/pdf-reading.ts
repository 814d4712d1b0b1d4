import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import sirv from 'sirv';
import { preparePdfReader } from '../../../src/export/inspect-pdf.ts';

/**
 * Reads what a PDF draws, with pdf.js (which the exporter already uses) and the browser, so no
 * test needs PDF tools from the system: fonts and images from pdf.js's operator lists, text with
 * its position, and a page rasterised by pdf.js in Chromium for the pixel checks.
 */

const MM_PER_PT = 25.4 / 72;

export interface PdfDrawing {
  /** Every font the pages draw with (forms included), by pdf.js's id: its name and whether embedded. */
  fonts: { name: string; embedded: boolean }[];
  /** Raster images drawn, on every page. */
  images: number;
}

/** Fonts and images as drawn: what `pdffonts` and `pdfimages -list` would list. */
export async function readDrawing(bytes: Uint8Array): Promise<PdfDrawing> {
  const { getDocument, OPS } = await preparePdfReader();
  const imageOps = new Set(
    Object.entries(OPS)
      .filter(([name]) => /Image/.test(name))
      .map(([, code]) => code),
  );
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const fonts = new Map<string, { name: string; embedded: boolean }>();
    let images = 0;
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const { fnArray, argsArray } = await page.getOperatorList();
      fnArray.forEach((fn, index) => {
        if (imageOps.has(fn)) images += 1;
        if (fn !== OPS.setFont) return;
        const id = (argsArray[index] as [string])[0];
        const font = page.commonObjs.get(id) as { name: string; missingFile: boolean };
        fonts.set(id, { name: font.name, embedded: !font.missingFile });
      });
    }
    return { fonts: [...fonts.values()], images };
  } finally {
    await doc.destroy();
  }
}

/** The web addresses the last page's link annotations open: what a reader can click. */
export async function linksOnLastPage(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await preparePdfReader();
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(doc.numPages);
    const annotations = (await page.getAnnotations()) as { subtype: string; url?: string }[];
    return annotations
      .filter((annotation) => annotation.subtype === 'Link' && annotation.url)
      .map((a) => a.url!);
  } finally {
    await doc.destroy();
  }
}

/** A piece of text and where it starts, in millimetres from the page's top-left corner. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
}

/** The text of one page (1-based) with positions, forms' text included at its drawn place. */
export async function readPlacedText(
  bytes: Uint8Array,
  pageNumber: number,
): Promise<{ width: number; height: number; items: PlacedText[] }> {
  const { getDocument } = await preparePdfReader();
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(pageNumber);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) =>
      'str' in item && item.str.trim()
        ? [
            {
              text: item.str,
              x: (item.transform[4] - x0) * MM_PER_PT,
              y: (y1 - item.transform[5]) * MM_PER_PT,
            },
          ]
        : [],
    );
    return { width: (x1 - x0) * MM_PER_PT, height: (y1 - y0) * MM_PER_PT, items };
  } finally {
    await doc.destroy();
  }
}

/** A greyscale raster: one byte per pixel, 0 black to 255 white. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/**
 * The page that renders: pdf.js's browser build, loaded as a module from the server, drawing a
 * page onto a white canvas. Plain JavaScript in the page, so no test transpiler touches it.
 */
const RENDER_PAGE = `<!doctype html><meta charset="utf-8"><title>pdf.js render</title>
<script type="module">
import * as pdfjs from './pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = new URL('./pdf.worker.mjs', location.href).href;
window.renderPdfPage = async (base64, number, scale) => {
  const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const doc = await pdfjs.getDocument({ data }).promise;
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(viewport.width);
  canvas.height = Math.round(viewport.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  // intent 'print': pdf.js then draws at once, not in animation frames (a background tab gets none).
  await page.render({ canvas, canvasContext: context, viewport, intent: 'print' }).promise;
  const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let binary = '';
  for (let i = 0; i < rgba.length; i += 4)
    binary += String.fromCharCode(Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]));
  await doc.destroy();
  return { width: canvas.width, height: canvas.height, pixels: btoa(binary) };
};
window.renderReady = true;
</script>`;

/**
 * pdf.js's legacy build (the modern one needs Map.getOrInsertComputed, which the packaged
 * Chromium 143 lacks) and the render page, on a loopback port. Closing drops the browser's
 * keep-alive connections at once: the browser stays open for the next test and would otherwise
 * hold the server's close for a minute.
 */
async function servePdfJs(): Promise<{ url: string; close(): void }> {
  const files = sirv(resolve('node_modules/pdfjs-dist/legacy/build'), { dev: false });
  const server = createServer((request, response) => {
    if (request.url === '/render.html') {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(RENDER_PAGE);
      return;
    }
    files(request, response, () => {
      response.statusCode = 404;
      response.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

/** Rasterises one page (1-based) at `dpi` in Chromium, with pdf.js, as `pdftoppm -gray` would. */
export async function renderPage(
  browser: Browser,
  bytes: Uint8Array,
  pageNumber: number,
  dpi: number,
): Promise<GrayImage> {
  const server = await servePdfJs();
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}/render.html`);
    await page.waitForFunction('window.renderReady === true', { polling: 50 });
    const result = (await page.evaluate(
      `window.renderPdfPage(${JSON.stringify(Buffer.from(bytes).toString('base64'))}, ${pageNumber}, ${dpi / 72})`,
    )) as { width: number; height: number; pixels: string };
    return {
      width: result.width,
      height: result.height,
      pixels: new Uint8Array(Buffer.from(result.pixels, 'base64')),
    };
  } finally {
    await page.close();
    server.close();
  }
}

/** A box in millimetres from the page's top-left corner. */
export interface MmBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Share of pixels in a box (2 px in from its edges) darker than near-white: ink, where something was drawn. */
export function inkRatio(image: GrayImage, box: MmBox, dpi: number): number {
  const px = dpi / 25.4;
  let ink = 0;
  let total = 0;
  for (let y = Math.ceil(box.top * px + 2); y < Math.floor((box.top + box.height) * px - 2); y += 1) {
    for (let x = Math.ceil(box.left * px + 2); x < Math.floor((box.left + box.width) * px - 2); x += 1) {
      total += 1;
      if (image.pixels[y * image.width + x]! < 200) ink += 1;
    }
  }
  return ink / total;
}

/** The text starting inside a box (1 mm of slack each side), in the order the page draws it. */
export function textInBox(items: readonly PlacedText[], box: MmBox): string {
  const slack = 1;
  return items
    .filter(
      (item) =>
        item.x >= box.left - slack &&
        item.x <= box.left + box.width + slack &&
        item.y >= box.top - slack &&
        item.y <= box.top + box.height + slack,
    )
    .map((item) => item.text)
    .join(' ');
}
