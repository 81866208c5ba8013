/**
 * The store under benchmark: file-backed SQLite (as `openSqliteStore` opens it in production), or
 * PostgreSQL when DATABASE_URL is set. The PostgreSQL store is plugged in here: a module exporting
 * `openPostgresStore({ url })` at `POSTGRES_STORE_MODULE`, loaded only when DATABASE_URL asks for it.
 */
import type { Store } from '../packages/server/src/store/store.js';
import { openSqliteStore } from '../packages/server/src/store/sqlite/sqlite-store.js';

const POSTGRES_STORE_MODULE = '../packages/server/src/store/postgres/postgres-store.js';

/** Opens the store of this run and says which one it is. */
export async function openBenchStore(sqliteFile: string): Promise<{ store: Store; description: string }> {
  const url = process.env['DATABASE_URL'];
  if (!url) return { store: openSqliteStore({ file: sqliteFile }), description: 'embedded SQLite (WAL, synchronous=NORMAL)' };
  const module = (await import(POSTGRES_STORE_MODULE)) as { openPostgresStore?: (options: { url: string }) => Promise<Store> | Store };
  if (!module.openPostgresStore) throw new Error(`${POSTGRES_STORE_MODULE} exports no openPostgresStore`);
  return { store: await module.openPostgresStore({ url }), description: 'PostgreSQL' };
}
