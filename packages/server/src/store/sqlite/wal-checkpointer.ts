import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background connection copies the write-ahead log into the database file. */
export const CHECKPOINT_INTERVAL_MS = 50;

/** A running background checkpointer. */
export interface WalCheckpointer {
  /** Stops the worker after a last checkpoint; resolves once its connection is closed. */
  stop(): Promise<void>;
}

// Plain CommonJS, evaluated in the worker: no TypeScript loader, no file to ship beside the build.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ } };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

/**
 * Checkpoints the WAL of `file` from a worker thread with its own connection. SQLite's automatic
 * checkpoint runs inside the COMMIT that crosses its threshold: it copies those pages and syncs the
 * file on the request's thread, holding every other request for tens of milliseconds, hundreds on
 * a loaded machine. With this worker copying pages every {@link CHECKPOINT_INTERVAL_MS}, the main
 * connection's own checkpoint is set far apart and finds little left to copy. A PASSIVE checkpoint
 * never blocks the writer, and durability does not depend on when it runs: a committed transaction
 * is in the WAL, which SQLite replays after a crash. `onFailure` hears a worker that could not
 * start or died, so the caller can go back to frequent automatic checkpoints.
 */
export function startWalCheckpointer(file: string, onFailure: (error: unknown) => void, intervalMs = CHECKPOINT_INTERVAL_MS): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { file, driver, intervalMs } });
  worker.unref();
  let stopping = false;
  let failed = false;
  const fail = (error: unknown) => {
    if (stopping || failed) return;
    failed = true;
    onFailure(error);
  };
  worker.once('error', fail);
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      fail(new Error(`the WAL checkpointer exited with code ${code}`));
      resolve();
    }),
  );
  return {
    stop() {
      if (!stopping) {
        stopping = true;
        // Held open until its last checkpoint is done and its connection closed.
        worker.ref();
        worker.postMessage('stop');
      }
      return exited;
    },
  };
}
