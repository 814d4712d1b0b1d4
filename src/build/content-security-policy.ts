import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import type { Plugin } from 'vite';

/**
 * The built deck's Content-Security-Policy: its own origin only, no eval, no inline script but
 * one, named by its hash: reveal.js's speaker view writes its page, with an inline script,
 * into an about:blank window, which inherits this policy. What the deck needs and why:
 * - style-src 'unsafe-inline': Mermaid's SVGs carry a <style> element and style attributes,
 *   and reveal.js's print view adds its @page size as a <style> element.
 * - img-src data: Mermaid may inline small icons as data URLs.
 * - frame-src 'self': the speaker view's current and next slide frames.
 * - script-src 'wasm-unsafe-eval': the demo pane's player (asciinema-player) compiles its
 *   terminal emulator from WebAssembly; under 'self' alone it shows nothing (a CompileError).
 *   It allows compiling WebAssembly only, not eval of JavaScript.
 */
export function contentSecurityPolicy(speakerScriptHash: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' '${speakerScriptHash}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The CSP hash of the inline script in reveal.js's speaker view page, read from the installed
 * notes plugin so that it always matches the version in use.
 */
export function speakerViewScriptHash(): string {
  const require = createRequire(import.meta.url);
  const source = readFileSync(
    require.resolve('reveal.js/plugin/notes').replace(/notes\.js$/, 'notes.mjs'),
    'utf8',
  );
  const call = '.document.write(';
  const start = source.indexOf(call);
  const literal = start < 0 ? null : /^"(?:[^"\\]|\\.)*"/s.exec(source.slice(start + call.length))?.[0];
  if (!literal) throw new Error('docker-talk: cannot find the speaker view page in reveal.js/plugin/notes');
  // The literal is a plain string expression: evaluate it alone, in an empty context.
  const html = runInNewContext(literal) as string;
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
  const [script] = scripts;
  if (scripts.length !== 1 || script === undefined) {
    throw new Error(`docker-talk: expected one inline script in the speaker view, found ${scripts.length}`);
  }
  return `sha256-${createHash('sha256').update(script).digest('base64')}`;
}

/** Adds the policy to the built index.html (dev keeps none: Vite's client injects styles and a socket). */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'docker-talk:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: contentSecurityPolicy(speakerViewScriptHash()),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}
