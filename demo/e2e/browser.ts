import { chromium, type Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Debian's Chromium; nothing here may download a browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

const require = createRequire(import.meta.url);
/** axe-core's source, injected with `page.evaluate` so it runs whatever the page's CSP. */
export const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
