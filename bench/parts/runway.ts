/** The balance read (with its runway) at 10 and at 1,000,000 message debits in the runway's 7-day window. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchPart } from './part.js';

const ENTRIES = Number(process.env['WA_BENCH_RUNWAY_ENTRIES'] ?? 1_000_000);

interface Read {
  readonly medianMicros: number;
  readonly averageDailySpend: string;
}

/** Runs servers/runway-run.ts in its own process and reports what it printed. */
export function runwayPart(): BenchPart {
  return {
    name: 'runway',
    title: `Balance read at 10 and ${ENTRIES.toLocaleString('en')} entries in the runway window`,
    timeoutSeconds: 300,
    async run() {
      const script = fileURLToPath(new URL('../servers/runway-run.ts', import.meta.url));
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, String(ENTRIES)], { maxBuffer: 1 << 20 });
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
        entries: { small: number; large: number };
        afterWrite: { small: Read; large: Read };
        remembered: { small: Read; large: Read };
      };
      const { small, large } = result.entries;
      const figure = (reads: { small: Read; large: Read }) =>
        `${reads.small.medianMicros} µs at ${small} entries, ${reads.large.medianMicros} µs at ${large.toLocaleString('en')} (${(reads.large.medianMicros / reads.small.medianMicros).toFixed(2)}×)`;
      return {
        rows: [
          {
            metric: 'GET /v1/balance after a write (the store reads session, account and roll-up)',
            value: figure(result.afterWrite),
            reference: 'in process (app.request), median of 300, the two accounts in alternation; the same at both sizes: the runway reads the daily roll-up',
          },
          { metric: 'GET /v1/balance, nothing written since the last read', value: figure(result.remembered), reference: 'answered from the memo of committed reads' },
        ],
        data: result,
      };
    },
  };
}
