import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import type { NewAccount, Store } from '../store/store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { dropSchema } from './drop-schema.js';

export { dropSchema };

/** When the store tests' accounts were opened. */
export const STORE_TEST_AT = new Date('2025-01-15T10:00:00.000Z');

/** An account as the store tests insert it: USD, nothing optional set. */
export function storeTestAccount(id: string, phoneNumberId: string): NewAccount {
  return {
    id,
    name: 'Test',
    currency: 'USD',
    wabaId: '1',
    phoneNumberId,
    displayPhoneNumber: null,
    verifiedName: null,
    businessPortfolioId: null,
    lowBalanceThresholdMicros: null,
    createdAt: STORE_TEST_AT,
  };
}

/** PostgreSQL test stores not closed yet: a test that failed before its close() must not keep its file's process alive. */
const openPostgresStores = new Set<Store>();
after(async () => {
  await Promise.all([...openPostgresStores].map((store) => store.close().catch(() => {})));
});

/** The engines a test can run on. */
export type StoreKind = 'sqlite' | 'postgres';

/** How to get a PostgreSQL for the tests, printed when `DATABASE_URL` is absent. */
export const POSTGRES_HOW_TO = `PostgreSQL tests skipped: DATABASE_URL is not set. To run them:
  su postgres -c "/usr/lib/postgresql/15/bin/initdb -D /tmp/pg -A trust"
  su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D /tmp/pg -o '-p 5433 -k /tmp -c listen_addresses=127.0.0.1' -l /tmp/pg.log start"
  DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres npm test`;

/**
 * Why the PostgreSQL half cannot run here, or false when it can. In CI (`CI` set) a missing
 * `DATABASE_URL` is an error, never a skip: CI must prove both engines.
 */
export function postgresSkipReason(env: NodeJS.ProcessEnv = process.env): string | false {
  if (env['DATABASE_URL']) return false;
  if (env['CI']) throw new Error('CI is set but DATABASE_URL is not: the PostgreSQL contract suite must run in CI (see .ci/run)');
  return POSTGRES_HOW_TO;
}

/** The engine route suites run on: `WA_TEST_STORE=postgres` (with `DATABASE_URL`) or SQLite. */
export function testStoreKind(env: NodeJS.ProcessEnv = process.env): StoreKind {
  const kind = env['WA_TEST_STORE'] ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`WA_TEST_STORE: expected sqlite or postgres, got ${kind}`);
  if (kind === 'postgres' && !env['DATABASE_URL']) throw new Error('WA_TEST_STORE=postgres needs DATABASE_URL');
  return kind;
}

/**
 * A fresh, empty store of `kind`: SQLite in memory, or PostgreSQL in a schema of its own that
 * `close()` drops. `schema` lets several stores (instances) share one PostgreSQL schema.
 */
export function openTestStore(kind: StoreKind = testStoreKind(), options: { schema?: string; keepSchema?: boolean } = {}): Store {
  if (kind === 'sqlite') return openSqliteStore({ file: ':memory:' });
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set');
  const schema = options.schema ?? newTestSchema();
  const store = openPostgresStore({ url, schema, maxConnections: 4 });
  const close = store.close.bind(store);
  openPostgresStores.add(store);
  return Object.assign(store, {
    async close() {
      openPostgresStores.delete(store);
      await close();
      if (!options.keepSchema) await dropSchema(url, schema);
    },
  });
}

/** A schema name no other test uses. */
export function newTestSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

