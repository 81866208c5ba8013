/**
 * Widget weight, through `bench/widget-weight.ts`: the scripts a page with the five tags of issue 11's budget
 * loads in Chromium (gzip level 9, brotli quality 11), the loader, Lit alone (the floor) and every chunk.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Size } from '../widget-weight.js';
import { measureWidgetWeight } from '../widget-weight.js';
import type { BenchPart, BenchRow } from './part.js';

const DIST = fileURLToPath(new URL('../../packages/widgets/dist/', import.meta.url));

/** The script-tag entry and its chunks as built, or null when the widgets are not built. */
export function builtScripts(): { entry: string; chunks: string[] } | null {
  const split = join(DIST, 'script', 'wa-widgets.js');
  if (existsSync(split)) {
    const chunkDir = join(DIST, 'script', 'wa-widgets');
    const chunks = existsSync(chunkDir) ? readdirSync(chunkDir).filter((f) => f.endsWith('.js')).map((f) => join(chunkDir, f)) : [];
    return { entry: split, chunks };
  }
  const single = join(DIST, 'wa-widgets.js');
  return existsSync(single) ? { entry: single, chunks: [] } : null;
}

export function widgetWeightPart(): BenchPart {
  return {
    name: 'widget-weight',
    title: 'Widget weight (script tag)',
    timeoutSeconds: 120,
    async run() {
      const scripts = builtScripts();
      if (!scripts) throw new Error('packages/widgets is not built: npm run build');
      // One measurement for the bench and for bench/widget-weight.ts: the page of issue 11's budget, loaded in
      // Chromium under a strict CSP, its scripts summed; the loader, each chunk and Lit alone beside it.
      const weight = await measureWidgetWeight({ loaderPath: scripts.entry });
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      const show = (w: Size) => `${kb(w.gzip)} gzip, ${kb(w.brotli)} brotli (${kb(w.raw)} raw)`;
      const rows: BenchRow[] = [
        {
          metric: 'page with session, balance topup, quality, quota, topup',
          value: `${show(weight.page.total)}; ${weight.page.scripts.length} scripts`,
          reference: `${weight.page.ratioToLit.toFixed(1)}× Lit alone; budget ${kb(weight.page.budgetGzip)} gzip: ${weight.page.withinBudget ? 'within' : 'OVER'}`,
        },
        { metric: 'loader (/wa-widgets.js)', value: show(weight.loader) },
        { metric: 'Lit alone (its chunk: the floor)', value: show(weight.lit) },
        { metric: 'every chunk (a page showing every widget, six languages)', value: show(weight.all) },
      ];
      return { rows, data: { ...weight } };
    },
  };
}
