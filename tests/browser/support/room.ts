import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { preparePdfReader } from '../../../src/export/inspect-pdf.ts';
import { deckFrame } from './speaker-frames.ts';

/**
 * Helpers for the room's features in either browser: which theme a deck page shows, the speaker
 * view's frames, and QR codes read back from pictures with jsQR (a decoder apart from the
 * `qrcode` package that draws them).
 */

export type Theme = 'light' | 'dark';

/** What a deck page (or frame) shows of its theme, read from the page as painted. */
export interface ThemeReading {
  theme: string | undefined;
  /** `theme=` of the page's URL query, or null. */
  query: string | null;
  /** The slide background, as computed. */
  background: string;
  /** Text colour and fill of the first diagram node that has a label: the diagrams follow too. */
  nodeLabel: string | null;
  nodeFill: string | null;
}

/** Passed to `evaluate`: uses nothing from Node's scope. */
export function readTheme(): ThemeReading {
  const node = document.querySelector(
    '.slides figure.diagram svg g.node:not(.accent):not(.muted):not(.writable):not(.config):not(.layer)',
  );
  const shape = node?.querySelector('rect, polygon, path');
  const label = node?.querySelector('.nodeLabel');
  return {
    theme: document.documentElement.dataset.theme,
    query: new URLSearchParams(location.search).get('theme'),
    background: getComputedStyle(document.querySelector('.reveal-viewport') ?? document.body).backgroundColor,
    nodeLabel: label ? getComputedStyle(label).color : null,
    nodeFill: shape ? getComputedStyle(shape).fill : null,
  };
}

/**
 * The colours each theme paints, written here from `src/styles/theme.css`'s palette (not read
 * from the page): the background, and a plain diagram node's label and fill.
 */
export const PAINTED: Record<Theme, { background: string; nodeLabel: string }> = {
  light: { background: 'rgb(251, 250, 247)', nodeLabel: 'rgb(22, 32, 42)' },
  dark: { background: 'rgb(15, 19, 24)', nodeLabel: 'rgb(232, 237, 242)' },
};

export async function waitForTheme(target: Page | Frame, theme: Theme, timeout = 10_000): Promise<void> {
  await target.waitForFunction(
    (expected) => document.documentElement.dataset.theme === expected,
    { timeout },
    theme,
  );
}

/** Waits for `theme`, then checks that it is painted: background and diagrams alike. */
export async function expectShows(target: Page | Frame, theme: Theme, label: string): Promise<void> {
  await waitForTheme(target, theme).catch(() => undefined);
  const reading = await target.evaluate(readTheme);
  expect(reading.theme, label).toBe(theme);
  expect(reading.background, `${label}: background`).toBe(PAINTED[theme].background);
  expect(reading.nodeLabel, `${label}: diagram label`).toBe(PAINTED[theme].nodeLabel);
}

/**
 * Presses S and returns the speaker window. Works in both browsers: Firefox over WebDriver
 * BiDi reports no `popup` event on the page, but both report the new target.
 */
export async function openSpeaker(browser: Browser, page: Page, timeout = 10_000): Promise<Page> {
  const before = new Set(browser.targets());
  const created = browser.waitForTarget((target) => target.type() === 'page' && !before.has(target), {
    timeout,
  });
  await page.keyboard.press('s');
  const speaker = await (await created).page();
  if (!speaker) throw new Error('pressing S opened no speaker window');
  return speaker;
}

/** Both of the speaker window's frames, once each has its deck ready. */
export async function speakerFrames(speaker: Page): Promise<Frame[]> {
  await speaker.waitForFunction(
    () =>
      [
        ...document.querySelectorAll<HTMLIFrameElement>('#current-slide iframe, #upcoming-slide iframe'),
      ].filter((frame) => frame.contentWindow?.deckStatus?.state === 'ready').length === 2,
    { timeout: 30_000 },
  );
  return [await deckFrame(speaker, 'current'), await deckFrame(speaker, 'upcoming')];
}

/** Decodes the one QR code in a PNG picture, or returns null. */
export function decodeQrInPng(png: Uint8Array): string | null {
  const image = PNG.sync.read(Buffer.from(png));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** Decodes a QR code in a greyscale raster (one byte a pixel), or returns null. */
export function decodeQrInGray(image: { width: number; height: number; pixels: Uint8Array }): string | null {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  image.pixels.forEach((value, index) => {
    rgba.set([value, value, value, 255], index * 4);
  });
  return jsQR(rgba, image.width, image.height)?.data ?? null;
}

/** The address on a slide: the QR code's share of the slide's height, and where the link goes. */
export interface AddressReading {
  href: string | null;
  text: string;
  /** Height of the drawn QR code over the slide's height (both in CSS pixels of the design size). */
  qrShareOfSlide: number;
  /** Whether the QR code is vector: an SVG with paths, and no raster image. */
  vector: boolean;
}

/** Passed to `evaluate`: the address on the current slide, if any. */
export function readAddress(): AddressReading | null {
  const section = window.Reveal.getCurrentSlide();
  const address = section.querySelector('.slide-address');
  const qr = address?.querySelector('svg');
  if (!address || !qr) return null;
  return {
    href: address.querySelector('a')?.getAttribute('href') ?? null,
    text: (address.textContent ?? '').trim(),
    qrShareOfSlide: qr.getBoundingClientRect().height / section.getBoundingClientRect().height,
    vector: qr.querySelectorAll('path').length > 0 && address.querySelectorAll('img, canvas').length === 0,
  };
}

/** The web addresses each page's link annotations open (pages in order): what a reader can click. */
export async function linksByPage(bytes: Uint8Array): Promise<string[][]> {
  const { getDocument } = await preparePdfReader();
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const pages: string[][] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      const annotations = (await (await doc.getPage(number)).getAnnotations()) as {
        subtype: string;
        url?: string;
      }[];
      pages.push(annotations.flatMap((a) => (a.subtype === 'Link' && a.url ? [a.url] : [])));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Mean grey (0 black to 255 white) of a box of a raster, in millimetres at `dpi`. */
export function meanGray(
  image: { width: number; pixels: Uint8Array },
  box: { left: number; top: number; width: number; height: number },
  dpi: number,
): number {
  const px = dpi / 25.4;
  let sum = 0;
  let count = 0;
  for (let y = Math.ceil(box.top * px); y < Math.floor((box.top + box.height) * px); y += 1) {
    for (let x = Math.ceil(box.left * px); x < Math.floor((box.left + box.width) * px); x += 1) {
      sum += image.pixels[y * image.width + x]!;
      count += 1;
    }
  }
  return sum / count;
}
