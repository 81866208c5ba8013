import type { Sql } from 'postgres';
import type { Migration } from '../sqlite/migrations/index.js';

/**
 * Applies, in order and each in its own transaction, the migrations not yet recorded in
 * `schema_migrations`. Instances starting together take turns on an advisory lock (per schema),
 * so each migration runs once. Returns the versions this call applied.
 */
export async function migrate(sql: Sql, migrations: readonly Migration[], now: () => number = Date.now): Promise<number[]> {
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const applied = await sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ':migrate', 0))`;
      await tx.unsafe(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version     integer PRIMARY KEY,
        name        text NOT NULL,
        applied_at  bigint NOT NULL
      )`);
      const [row] = await tx`SELECT 1 AS found FROM schema_migrations WHERE version = ${migration.version}`;
      if (row) return false;
      // Without parameters the text goes as a simple query: several statements (and $$ bodies) at once.
      await tx.unsafe(migration.sql);
      await tx`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${migration.version}, ${migration.name}, ${now()})`;
      return true;
    });
    if (applied) done.push(migration.version);
  }
  return done;
}
