import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import type { DatabaseTarget, HostReceiver, ServerProcess } from './processes.js';
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

/** A server process on a fresh database, with a host receiver, and what a crash test does with them. */
export interface CrashFixture {
  /** The server running now: the first, or the one {@link restart} started. */
  readonly server: ServerProcess;
  /** Starts a new server process on the same database (after the last one was killed). */
  restart(): Promise<ServerProcess>;
  /** Runs `read` on a store opened on the database, closing it after. */
  inspect<T>(read: (store: Store) => Promise<T>): Promise<T>;
  readonly receiver: HostReceiver;
}

/**
 * Runs `test` against a server process on a fresh database of `kind` (started with `env`), then
 * stops whichever server runs and removes the receiver and the database, failed or not.
 */
export async function withCrashFixture<T>(kind: 'sqlite' | 'postgres', env: Record<string, string>, test: (fixture: CrashFixture) => Promise<T>): Promise<T> {
  const database = await freshDatabase(kind);
  const receiver = await startHostReceiver();
  let server = await startServer(database.target, receiver.url, env);
  try {
    return await test({
      get server() {
        return server;
      },
      restart: async () => (server = await startServer(database.target, receiver.url, env)),
      async inspect(read) {
        const store = database.open();
        try {
          return await read(store);
        } finally {
          await store.close();
        }
      },
      receiver,
    });
  } finally {
    await server.stop();
    await receiver.close();
    await database.remove();
  }
}

/**
 * One round of the crash test: a real server process takes a burst of Meta webhooks, provider
 * payment events and partner credits, 8 at a time, and is killed with SIGKILL once a random share
 * (10–70 %) of them is acknowledged, with others in flight. A new process starts on the same
 * database; everything is sent again, as Meta, the provider and the partner retry whatever they
 * are unsure of; then the invariants are checked in the database (see `verifyWorkload`).
 */
export function crashRound(kind: 'sqlite' | 'postgres', size: WorkloadSize): Promise<CrashRoundResult> {
  return withCrashFixture(kind, {}, async (fixture) => {
    const { server } = fixture;
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

    const restarted = await fixture.restart();
    await runBurst(workload.operations, () => [restarted.url], { concurrency: 8 });

    return fixture.inspect(async (store) => {
      await waitForOutbox(store, workload.accountId);
      return { completedBeforeKill, operations: total, problems: await verifyWorkload(store, workload, fixture.receiver) };
    });
  });
}
