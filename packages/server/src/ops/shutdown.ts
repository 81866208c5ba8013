import type { Logger } from './logger.js';

/** The parts of Node's `http.Server` a shutdown drives. */
export interface DrainableServer {
  close(callback?: (error?: Error) => void): unknown;
  closeIdleConnections?(): void;
  closeAllConnections?(): void;
}

/** What {@link createGracefulShutdown} stops, in order. */
export interface GracefulShutdownDeps {
  readonly server: DrainableServer;
  /** Aborted first: event streams send their last event and end, new ones are refused. */
  readonly closing: AbortController;
  /** Stops background work (timers, outbox delivery); awaited before the database closes. */
  readonly stopWorkers: () => Promise<void>;
  readonly closeStore: () => Promise<void>;
  readonly logger: Logger;
  /** Longest wait for in-flight requests; then the remaining connections are cut. */
  readonly timeoutMs: number;
}

/**
 * Returns the shutdown of the process: stop accepting connections, end event streams, let
 * in-flight requests finish (at most `timeoutMs`, then cut them), stop workers, close the
 * database. Resolves to the exit code: 0 when everything drained in time, 1 otherwise. A second
 * call returns the first one's promise.
 */
export function createGracefulShutdown(deps: GracefulShutdownDeps): (reason: string) => Promise<number> {
  let stopping: Promise<number> | null = null;
  return (reason) => (stopping ??= shutDown(deps, reason));
}

async function shutDown({ server, closing, stopWorkers, closeStore, logger, timeoutMs }: GracefulShutdownDeps, reason: string) {
  const started = performance.now();
  logger.info('shutting down', { reason, timeout_ms: timeoutMs });
  closing.abort();
  const drained = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
  // Keep-alive connections go idle as their last response ends; close() alone would wait for their timeout.
  const sweep = setInterval(() => server.closeIdleConnections?.(), 50);
  server.closeIdleConnections?.();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const inTime = await Promise.race([drained, timedOut]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (!inTime) {
    logger.warn('shutdown: requests still running after the timeout; closing their connections', { timeout_ms: timeoutMs });
    server.closeAllConnections?.();
  }
  let clean = inTime;
  try {
    await stopWorkers();
  } catch (error) {
    clean = false;
    logger.error('shutdown: a worker failed to stop', {}, error);
  }
  await closeStore();
  logger.info('stopped', { duration_ms: Math.round(performance.now() - started), clean });
  return clean ? 0 : 1;
}
