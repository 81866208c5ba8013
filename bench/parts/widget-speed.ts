/**
 * Widget speed in headless Chromium (playwright-core, Debian's /usr/bin/chromium): from the start
 * of the page's script to a `<wa-balance>` showing its balance, for one widget and for 50 widgets
 * in one `<wa-session>`, counting the requests the 50 made to the API (one shared session should
 * mean one balance fetch, not fifty).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import type { ServerInfo } from '../bench-setup.js';
import { startChildServer } from '../lib/child-server.js';
import type { BenchPart } from './part.js';
import { builtScripts } from './widget-weight.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const RUNS = 5;

export function widgetSpeedPart(): BenchPart {
  return {
    name: 'widget-speed',
    title: 'Widget speed in headless Chromium',
    timeoutSeconds: 180,
    async run() {
      const scripts = builtScripts();
      if (!scripts) throw new Error('packages/widgets is not built: npm run build -w @wa-widgets/widgets');
      const root = dirname(scripts.entry);
      const pages = await servePages(root);
      const origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
      const api = await startChildServer<ServerInfo>('servers/wa-server.ts', { env: { WA_BENCH_ORIGIN: origin, DATABASE_URL: '' } });
      const endpoint = `http://127.0.0.1:${api.info.port}`;
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
      });
      try {
        const one: number[] = [];
        const fifty: number[] = [];
        let apiRequests = 0;
        let balanceRequests = 0;
        for (let run = 0; run < RUNS; run++) {
          one.push((await load(1)).ms);
          const many = await load(50);
          fifty.push(many.ms);
          apiRequests = many.apiRequests;
          balanceRequests = many.balanceRequests;
        }
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
        return {
          rows: [
            { metric: 'script start → <wa-balance> showing its balance', value: `${median(one).toFixed(0)} ms`, reference: `median of ${RUNS}, fresh page each` },
            { metric: '50 <wa-balance> in one <wa-session>', value: `${median(fifty).toFixed(0)} ms to all rendered`, reference: `${apiRequests} API requests, ${balanceRequests} of them GET /v1/balance` },
          ],
          data: { oneMs: one, fiftyMs: fifty, apiRequests, balanceRequests },
        };
      } finally {
        await browser.close();
        await api.stop();
        pages.close();
      }

      async function load(widgets: number) {
        const context = await browser.newContext();
        const page = await context.newPage();
        let apiRequests = 0;
        let balanceRequests = 0;
        page.on('request', (request) => {
          if (!request.url().startsWith(endpoint) || request.method() === 'OPTIONS') return;
          apiRequests += 1;
          if (new URL(request.url()).pathname === '/v1/balance') balanceRequests += 1;
        });
        const query = new URLSearchParams({ endpoint, secret: api.info.clientSecret, n: String(widgets) });
        await page.goto(`${origin}/page.html?${query}`);
        // A string, not a function: tsx would add helpers to a function's text that the page lacks.
        const ms = (await page.evaluate(WAIT_FOR_BALANCES.replace('COUNT', String(widgets)))) as number;
        await context.close();
        return { ms, apiRequests, balanceRequests };
      }
    },
  };
}

/** Resolves, in the page, with the ms from its first script to COUNT balance widgets showing an amount. */
const WAIT_FOR_BALANCES = `new Promise((resolve, reject) => {
  const deadline = performance.now() + 20000;
  const check = () => {
    const shown = Array.from(document.querySelectorAll('wa-balance')).filter((el) => {
      const amount = el.shadowRoot && el.shadowRoot.querySelector('[part="amount"]');
      return amount && !amount.querySelector('.skeleton') && /\\d/.test(amount.textContent || '');
    });
    if (shown.length === COUNT) resolve(performance.now() - window.__benchStart);
    else if (performance.now() > deadline) reject(new Error(shown.length + ' of COUNT widgets rendered'));
    else requestAnimationFrame(check);
  };
  check();
})`;

/** Serves the built script-tag files and a test page that mounts `n` balance widgets. */
function servePages(root: string): Promise<Server> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/page.html') {
      const endpoint = url.searchParams.get('endpoint') ?? '';
      const secret = url.searchParams.get('secret') ?? '';
      const n = Number(url.searchParams.get('n') ?? 1);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`<!doctype html><html><head><meta charset="utf-8"><script>window.__benchStart = performance.now();</script>
<script type="module" src="/wa-widgets.js"></script></head>
<body><wa-session endpoint="${endpoint}" client-secret="${secret}">${'<wa-balance></wa-balance>'.repeat(n)}</wa-session></body></html>`);
      return;
    }
    const file = normalize(join(root, url.pathname));
    if (!file.startsWith(root)) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
