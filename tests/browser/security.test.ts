import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, inject, it } from 'vitest';
import { openWatchedPage, originOf, waitForDeck } from '../../src/export/driver/deck-page.ts';
import { openSpeakerWindow, waitForSpeakerFrames } from '../../src/export/driver/speaker-window.ts';
import { useSharedBrowser } from './support/shared-browser.ts';

const browser = useSharedBrowser();

function policyOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/
    .exec(html)?.[1]
    ?.replace(/&#39;/g, "'");
  if (!content) throw new Error('the built index.html has no Content-Security-Policy');
  return new Map(
    content.split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

/**
 * Records the policy violations of a window and every frame in it, from its first moment: the
 * DevTools Audits domain replays the issues it collected before it was enabled, so nothing the
 * speaker view's page or its deck frames broke while they loaded is missed.
 */
async function watchPolicyIssues(page: Page): Promise<string[]> {
  const seen: string[] = [];
  const session = await page.createCDPSession();
  session.on('Audits.issueAdded', ({ issue }) => {
    if (issue.code !== 'ContentSecurityPolicyIssue') return;
    const details = issue.details.contentSecurityPolicyIssueDetails;
    seen.push(`${details?.violatedDirective} ${details?.blockedURL ?? ''}`);
  });
  await session.send('Audits.enable');
  return seen;
}

describe('security of the built deck', () => {
  it('ships exactly this Content-Security-Policy: its own origin, WebAssembly compilation for the demo pane, no eval, no inline script but the speaker view’s hash', async () => {
    const policy = policyOf(await readFile(join(inject('distDir'), 'index.html'), 'utf8'));
    const [hash, ...more] = policy.get('script-src')!.slice(2);
    expect(more).toEqual([]);
    expect(hash).toMatch(/^'sha256-[A-Za-z0-9+/=]{44}'$/);
    // The whole policy, pinned: a directive added, dropped or widened fails here.
    expect([...policy.entries()]).toEqual([
      ['default-src', ["'self'"]],
      ['script-src', ["'self'", "'wasm-unsafe-eval'", hash]],
      ['style-src', ["'self'", "'unsafe-inline'"]],
      ['img-src', ["'self'", 'data:']],
      ['font-src', ["'self'"]],
      ['connect-src', ["'self'"]],
      ['frame-src', ["'self'"]],
      ['object-src', ["'none'"]],
      ['base-uri', ["'self'"]],
      ['form-action', ["'none'"]],
    ]);
  });

  it('breaks no rule of that policy while presenting, printing and opening the speaker view', async () => {
    const url = inject('builtUrl');
    const { page, problems } = await openWatchedPage(browser(), originOf(url));
    await page.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await page.goto(url);
    await waitForDeck(page);
    await page.evaluate(() => {
      for (let index = 0; index < window.Reveal.getTotalSlides(); index += 1)
        window.Reveal.slide(index, 0, 99);
    });
    const speaker = await openSpeakerWindow(page);
    const speakerViolations = await watchPolicyIssues(speaker);
    await waitForSpeakerFrames(speaker);
    // Walk the talk again with the speaker view open: its two frames follow, step by step.
    await page.evaluate(() => {
      for (let index = 0; index < window.Reveal.getTotalSlides(); index += 1)
        window.Reveal.slide(index, 0, 99);
      window.Reveal.slide(0);
    });
    await (await (await speaker.$('#current-slide iframe'))!.contentFrame())!.waitForFunction(
      () => window.Reveal.getIndices().h === 0,
      { timeout: 10_000 },
    );
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    expect(speakerViolations).toEqual([]);
    await speaker.close();
    await page.goto(`${url}?print-pdf`);
    await page.waitForFunction(() => document.documentElement.dataset.pdfReady === 'true', {
      timeout: 30_000,
    });
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it('renders diagrams with Mermaid’s strict security: no script, no event handler, no link out', async () => {
    const url = inject('builtUrl');
    const { page } = await openWatchedPage(browser(), originOf(url));
    await page.goto(url);
    await waitForDeck(page);
    const unsafe = await page.evaluate(() =>
      [...document.querySelectorAll('.slides figure.diagram svg, .slides figure.diagram svg *')].flatMap(
        (element) => [
          ...(element.tagName.toLowerCase() === 'script' ? ['<script>'] : []),
          ...[...element.attributes]
            .filter((attribute) => /^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value))
            .map((attribute) => `${element.tagName} ${attribute.name}`),
        ],
      ),
    );
    expect(unsafe).toEqual([]);
    expect(
      await page.evaluate(() => document.querySelectorAll('.slides figure.diagram svg').length),
    ).toBeGreaterThan(5);
    await page.close();
  });
});
