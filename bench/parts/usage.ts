/**
 * `GET /v1/usage/24h` at 10 and at 1,000,000 recipients in the window: the roll-up of migration
 * 0012 makes them cost about the same. Each size runs servers/usage-window-run.ts in its own
 * process; on PostgreSQL too when `DATABASE_URL` is set.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchPart, BenchRow } from './part.js';

const SIZES = [10, Number(process.env['WA_BENCH_USAGE_RECIPIENTS'] ?? 1_000_000)] as const;

/** What servers/usage-window-run.ts prints. */
interface WindowRun {
  engine: string;
  recipients: number;
  counted: number;
  seedSeconds: number;
  migrateSeconds: number;
  countUsageMs: number;
  usageGetMs: number;
  balanceGetMs: number;
  usageOverBalance: number;
}

export function usagePart(): BenchPart {
  const engines = process.env['DATABASE_URL'] ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
  return {
    name: 'usage',
    title: 'Last-24h usage at 10 and at 1,000,000 recipients',
    timeoutSeconds: engines.length === 1 ? 60 : 180,
    async run() {
      const script = fileURLToPath(new URL('../servers/usage-window-run.ts', import.meta.url));
      const runs: WindowRun[] = [];
      for (const engine of engines) {
        for (const size of SIZES) {
          const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, engine, String(size)], { maxBuffer: 1 << 20 });
          runs.push(JSON.parse(stdout.trim().split('\n').at(-1)!) as WindowRun);
        }
      }
      const rows: BenchRow[] = engines.flatMap((engine) => {
        const [small, large] = runs.filter((run) => run.engine === engine) as [WindowRun, WindowRun];
        const name = engine === 'sqlite' ? 'embedded' : 'PostgreSQL';
        return [
          {
            metric: `GET /v1/usage/24h, ${small.recipients} recipients in the window (${name})`,
            value: `${small.usageGetMs} ms (store count ${small.countUsageMs} ms)`,
            reference: `${small.usageOverBalance}× GET /v1/balance (${small.balanceGetMs} ms) in the same process; median`,
          },
          {
            metric: `GET /v1/usage/24h, ${large.recipients.toLocaleString('en')} recipients in the window (${name})`,
            value: `${large.usageGetMs} ms (store count ${large.countUsageMs} ms)`,
            reference: `${(large.usageGetMs / small.usageGetMs).toFixed(2)}× the ${small.recipients}-recipient read; ${large.usageOverBalance}× GET /v1/balance; roll-up filled by migration 0012 in ${large.migrateSeconds} s`,
          },
        ];
      });
      return { rows, data: { runs } };
    },
  };
}
