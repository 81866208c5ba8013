import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import type { DatabaseTarget } from './processes.js';
import { createDatabase, startHostReceiver, startServer } from './processes.js';
import type { WorkloadSize } from './workload.js';
import { prepareWorkload, runBurst, verifyWorkload, waitForOutbox } from './workload.js';

/** What one crash round did. */
export interface CrashRoundResult {
  /** Operations acknowledged before the server was killed. */
  readonly completedBeforeKill: number;
  readonly operations: number;
  /** Invariants broken; empty when the round passed. */
  readonly problems: readonly string[];
}

/** A fresh database of `kind` for one round, and how to open a store on it and to remove it. */
export async function freshDatabase(kind: 'sqlite' | 'postgres'): Promise<{ target: DatabaseTarget; open(): Store; remove(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'wa-crash-'));
    const file = join(dir, 'wa.db');
    return { target: { kind, file }, open: () => openSqliteStore({ file }), remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const database = await createDatabase(process.env['DATABASE_URL'] ?? '');
  return { target: { kind, url: database.url }, open: () => openPostgresStore({ url: database.url, maxConnections: 2 }), remove: () => database.drop() };
}

/**
 * One round of the crash test: a real server process takes a burst of Meta webhooks, provider
 * payment events and partner credits, 8 at a time, and is killed with SIGKILL once a random share
 * (10–70 %) of them is acknowledged, with others in flight. A new process starts on the same
 * database; everything is sent again, as Meta, the provider and the partner retry whatever they
 * are unsure of; then the invariants are checked in the database (see `verifyWorkload`).
 */
export async function crashRound(kind: 'sqlite' | 'postgres', size: WorkloadSize): Promise<CrashRoundResult> {
  const database = await freshDatabase(kind);
  const receiver = await startHostReceiver();
  let server = await startServer(database.target, receiver.url);
  try {
    const workload = await prepareWorkload(server.url, size, `crash-${randomBytes(3).toString('hex')}`);
    const total = workload.operations.length;
    const killAt = Math.max(1, Math.floor(total * (0.1 + Math.random() * 0.6)));
    let killing: Promise<void> | undefined;
    let completedBeforeKill = 0;
    const target = server.url;
    await runBurst(workload.operations, () => [target], {
      concurrency: 8,
      stopOnFailure: true,
      onCompleted: (done) => {
        if (done >= killAt && !killing) {
          completedBeforeKill = done;
          killing = server.kill();
        }
      },
    }).catch(() => {}); // the kill cuts it short: that is the point
    await (killing ?? server.kill());

    server = await startServer(database.target, receiver.url);
    await runBurst(workload.operations, () => [server.url], { concurrency: 8 });

    const store = database.open();
    try {
      await waitForOutbox(store, workload.accountId);
      return { completedBeforeKill, operations: total, problems: await verifyWorkload(store, workload, receiver) };
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
    await receiver.close();
    await database.remove();
  }
}
