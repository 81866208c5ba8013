/**
 * The store under benchmark: file-backed SQLite (as `openSqliteStore` opens it in production), or
 * PostgreSQL when DATABASE_URL is set, in a schema of its own that closing the store drops, so that
 * runs never meet each other's accounts. The PostgreSQL store is plugged in here: a module exporting
 * `openPostgresStore({ url, schema })` at `POSTGRES_STORE_MODULE`, loaded only when DATABASE_URL asks for it.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../packages/server/src/store/store.js';
import { openSqliteStore } from '../packages/server/src/store/sqlite/sqlite-store.js';
import { dropSchema } from '../packages/server/src/test/drop-schema.js';

const POSTGRES_STORE_MODULE = '../packages/server/src/store/postgres/postgres-store.js';

/** Opens the store of this run and says which one it is. */
export async function openBenchStore(sqliteFile: string): Promise<{ store: Store; description: string }> {
  const url = process.env['DATABASE_URL'];
  if (!url) return { store: openSqliteStore({ file: sqliteFile }), description: 'embedded SQLite (WAL, synchronous=NORMAL)' };
  const module = (await import(POSTGRES_STORE_MODULE)) as { openPostgresStore?: (options: { url: string; schema: string }) => Promise<Store> | Store };
  if (!module.openPostgresStore) throw new Error(`${POSTGRES_STORE_MODULE} exports no openPostgresStore`);
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const store = await module.openPostgresStore({ url, schema });
  const close = store.close.bind(store);
  return {
    store: Object.assign(store, {
      async close() {
        await close();
        if (process.env['WA_BENCH_KEEP_DB'] !== '1') await dropSchema(url, schema);
      },
    }),
    description: 'PostgreSQL',
  };
}
