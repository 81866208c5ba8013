import type { Clock } from '../clock.js';
import type { PruneStep } from './retention.js';
import { yieldTurn } from '../../per-turn.js';

/** Rows deleted by each step of one run; a failed step is absent and reported through `onError`. */
export type PruneReport = Record<string, number>;

/** Every 10 minutes by default: each run then deletes little, keeping the write lock short. */
export const DEFAULT_PRUNE_INTERVAL_MS = 10 * 60_000;

/**
 * Rows deleted per statement: a first run over months of backlog must not hold the database's
 * write lock for long, or ledger writes would wait past their busy timeout.
 */
export const PRUNE_BATCH_SIZE = 1000;

/**
 * Runs every step once, at the clock's current time, in batches of `batchSize` rows with a turn of
 * the event loop between them. A failing step is reported and does not keep the others from running.
 */
export async function pruneOnce(
  steps: readonly PruneStep[],
  clock: Clock,
  onError: (step: string, error: unknown) => void = () => {},
  batchSize = PRUNE_BATCH_SIZE,
): Promise<PruneReport> {
  const now = clock.now();
  const report: PruneReport = {};
  for (const step of steps) {
    try {
      let total = 0;
      for (;;) {
        const deleted = await step.prune(now, batchSize);
        total += deleted;
        if (deleted < batchSize) break;
        await yieldTurn();
      }
      report[step.name] = total;
    } catch (error) {
      onError(step.name, error);
    }
  }
  return report;
}

/** Settings of {@link startPruner}. */
export interface PrunerOptions {
  readonly steps: readonly PruneStep[];
  readonly clock: Clock;
  readonly intervalMs?: number | undefined;
  readonly onError?: ((step: string, error: unknown) => void) | undefined;
  /** Told after each run (for logs and tests). */
  readonly onRun?: ((report: PruneReport) => void) | undefined;
}

/** A running pruner. */
export interface Pruner {
  /** Stops the timer; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Runs {@link pruneOnce} every `intervalMs`, never two runs at once. The timer is unref'd: it never
 * keeps the process alive on its own.
 */
export function startPruner({ steps, clock, intervalMs = DEFAULT_PRUNE_INTERVAL_MS, onError, onRun }: PrunerOptions): Pruner {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = pruneOnce(steps, clock, onError)
      .then((report) => onRun?.(report))
      .catch((error: unknown) => onError?.('pruner', error))
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * `WA_PRUNE_INTERVAL_MS` from the environment: whole milliseconds, at least 1000; unset is the
 * default.
 * @throws Error naming the variable for anything else
 */
export function pruneIntervalFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const text = env['WA_PRUNE_INTERVAL_MS'];
  if (text === undefined || text === '') return DEFAULT_PRUNE_INTERVAL_MS;
  const ms = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(ms) || ms < 1000) {
    throw new Error(`WA_PRUNE_INTERVAL_MS must be a whole number of milliseconds, at least 1000 (got "${text}")`);
  }
  return ms;
}
