// What a page pays in script for the widgets it shows. Serves the built script-tag loader and its chunks
// (packages/widgets/dist/script, from `npm run build`) through the real app, opens a partner page on another
// origin under a strict CSP with `<wa-session>`, `<wa-balance topup>`, `<wa-quality>`, `<wa-quota>` and
// `<wa-topup>` in headless Chromium, and sums the scripts it actually loaded. Also sizes the loader, every chunk,
// and Lit alone (the floor any Lit widget pays). Sizes: raw, gzip -9, brotli q11, and what the server sent.
//   node --import tsx bench/widget-weight.ts [--out bench/results-widget-weight.json] [--html '<wa-balance></wa-balance>']
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../packages/server/src/app.js';
import { seedDemo } from '../packages/server/src/demo/seed.js';
import { systemClock } from '../packages/server/src/domain/clock.js';
import { mintWidgetSession } from '../packages/server/src/domain/sessions.js';
import { DEFAULT_PATHS } from '../packages/server/src/paths.js';
import { openSqliteStore } from '../packages/server/src/store/sqlite/sqlite-store.js';
import { launchChromium } from '../demo/e2e/browser.js';
import { partnerPage, startHostPage, strictPolicy } from '../demo/e2e/host-page.js';

/** The page of issue 11's budget. */
export const FIVE_TAG_PAGE = '<wa-balance topup></wa-balance><wa-quality></wa-quality><wa-quota></wa-quota><wa-topup></wa-topup>';
/** Issue 11: at most 30 KB gzip of script for that page (aim: 20 KB). */
export const BUDGET_GZIP_BYTES = 30 * 1024;

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface WidgetWeight {
  /** The loader served at /wa-widgets.js. */
  loader: Size;
  /** Every chunk of the build by file name (`lit-<hash>.js`, `balance-<hash>.js`…). */
  chunks: Record<string, Size>;
  /** Lit alone: its chunk, which every widget needs. */
  lit: Size;
  /** Everything the build holds: what one page showing every widget would load. */
  all: Size;
  page: {
    /** The tags inside `<wa-session>`. */
    html: string;
    /** Each script the page loaded, by path, and the bytes the server sent for it (compressed when it could). */
    scripts: { path: string; size: Size; sent: number }[];
    total: Size & { sent: number };
    /** page total ÷ Lit alone, and ÷ every chunk: ratios measured in the same run. */
    ratioToLit: number;
    ratioToAll: number;
    budgetGzip: number;
    withinBudget: boolean;
  };
}

function sizeOf(content: Buffer): Size {
  return {
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function sum(sizes: Size[]): Size {
  return sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

/** Measures the built script-tag files, and the scripts a page with `html` in a session loads. */
export async function measureWidgetWeight({ html = FIVE_TAG_PAGE, loaderPath = DEFAULT_PATHS.widgetsBundle } = {}): Promise<WidgetWeight> {
  if (!existsSync(loaderPath)) throw new Error(`${loaderPath} is missing: run \`npm run build\` at the repository root first`);
  const chunkDir = join(dirname(loaderPath), 'wa-widgets');
  const chunks: Record<string, Size> = {};
  for (const name of readdirSync(chunkDir).filter((file) => file.endsWith('.js')).sort()) {
    chunks[name] = sizeOf(readFileSync(join(chunkDir, name)));
  }
  const loader = sizeOf(readFileSync(loaderPath));
  const litName = Object.keys(chunks).find((name) => name.startsWith('lit-'));
  if (!litName) throw new Error('the build has no lit-<hash>.js chunk');

  const store = openSqliteStore({ file: ':memory:' });
  const account = await seedDemo(store, systemClock);
  if (!account) throw new Error('the demo account was not seeded');
  const { clientSecret } = await mintWidgetSession(store, systemClock, { accountId: account.id, permissions: ['topup'], ttlSeconds: 600 });
  const host = await startHostPage();
  const app = createApp({
    store,
    clock: systemClock,
    config: { secretKey: 'sk_bench_widget_weight', allowedOrigins: [host.url] },
    assets: { widgetsBundlePath: loaderPath },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const widgets = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    // No live-updates connection: the page must fall quiet for "network idle" to mean every script has loaded.
    const page = partnerPage(widgets, clientSecret, html).replace('<wa-session ', '<wa-session live-updates="off" ');
    host.setPage(page, { 'Content-Security-Policy': strictPolicy(widgets) });
    const tab = await browser.newPage();
    const responses: Promise<{ path: string; size: Size; sent: number }>[] = [];
    tab.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      responses.push(
        (async () => ({
          path: new URL(response.url()).pathname,
          size: sizeOf(await response.body()),
          sent: (await response.request().sizes()).responseBodySize,
        }))(),
      );
    });
    await tab.goto(host.url, { waitUntil: 'networkidle' });
    const tags = [...new Set([...html.matchAll(/<(wa-[\w-]+)/g)].map((match) => match[1]!)), 'wa-session'];
    await tab.waitForFunction(`${JSON.stringify(tags)}.every((name) => customElements.get(name))`);
    await tab.waitForLoadState('networkidle');
    const scripts = await Promise.all(responses);
    const total = { ...sum(scripts.map((script) => script.size)), sent: scripts.reduce((n, script) => n + script.sent, 0) };
    const lit = chunks[litName]!;
    const all = sum([loader, ...Object.values(chunks)]);
    return {
      loader,
      chunks,
      lit,
      all,
      page: {
        html,
        scripts,
        total,
        ratioToLit: total.gzip / lit.gzip,
        ratioToAll: total.gzip / all.gzip,
        budgetGzip: BUDGET_GZIP_BYTES,
        withinBudget: total.gzip <= BUDGET_GZIP_BYTES,
      },
    };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await host.stop();
    await store.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The report as a table. */
export function formatWidgetWeight(weight: WidgetWeight): string {
  const row = (name: string, size: Size) => `| ${name} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.brotli)} |`;
  const { page } = weight;
  return [
    '| file | raw | gzip | brotli |',
    '| --- | ---: | ---: | ---: |',
    row('wa-widgets.js (loader)', weight.loader),
    ...Object.entries(weight.chunks).map(([name, size]) => row(`wa-widgets/${name}`, size)),
    row('**every file**', weight.all),
    '',
    `page: <wa-session>${page.html}</wa-session>`,
    '| script loaded | raw | gzip | brotli |',
    '| --- | ---: | ---: | ---: |',
    ...page.scripts.map((script) => row(script.path, script.size)),
    row('**page total**', page.total),
    '',
    `page total: ${kb(page.total.gzip)} gzip (${kb(page.total.sent)} as sent), ${kb(page.total.brotli)} brotli; ` +
      `${page.ratioToLit.toFixed(2)}× Lit alone (${kb(weight.lit.gzip)}), ${(page.ratioToAll * 100).toFixed(0)} % of every file; ` +
      `budget ${kb(page.budgetGzip)} gzip: ${page.withinBudget ? 'within' : 'OVER'}`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argument = (name: string) => {
    const index = process.argv.indexOf(name);
    return index === -1 ? undefined : process.argv[index + 1];
  };
  const out = argument('--out') ?? fileURLToPath(new URL('results-widget-weight.json', import.meta.url));
  const weight = await measureWidgetWeight({ html: argument('--html') ?? FIVE_TAG_PAGE });
  console.log(formatWidgetWeight(weight));
  writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), ...weight }, null, 2)}\n`);
  console.log(`\nwritten to ${out}`);
}
