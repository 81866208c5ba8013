/** The statement of one account at 1,000,000 entries: first and deep page, and the whole CSV export. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchPart } from './part.js';

const ENTRIES = Number(process.env['WA_BENCH_STATEMENT_ENTRIES'] ?? 1_000_000);

/** Runs servers/statement-run.ts in its own process and reports what it printed. */
export function statementPart(): BenchPart {
  return {
    name: 'statement',
    title: `Statement at ${ENTRIES.toLocaleString('en')} entries`,
    timeoutSeconds: 600,
    async run() {
      const script = fileURLToPath(new URL('../servers/statement-run.ts', import.meta.url));
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, String(ENTRIES)], { maxBuffer: 1 << 20 });
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
        entries: number;
        firstPageMs: number;
        deepPageMs: number;
        csv: { rows: number; bytes: number; seconds: number; rssGrowthBytes: number; heapGrowthBytes: number; peakRssBytes: number };
      };
      const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
      return {
        rows: [
          { metric: `statement first page (50 of ${result.entries.toLocaleString('en')})`, value: `${result.firstPageMs} ms`, reference: 'median of 15' },
          { metric: 'statement deepest page (cursor at the oldest entries)', value: `${result.deepPageMs} ms`, reference: 'the same as the first: keyset pagination' },
          {
            metric: `CSV export of all ${result.csv.rows.toLocaleString('en')} entries`,
            value: `${result.csv.seconds} s, ${mb(result.csv.bytes)}`,
            reference: `peak memory +${mb(result.csv.rssGrowthBytes)} RSS, +${mb(result.csv.heapGrowthBytes)} heap (incl. uncollected garbage)`,
          },
        ],
        data: result,
      };
    },
  };
}
