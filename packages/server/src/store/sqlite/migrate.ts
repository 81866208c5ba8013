import type { Database } from 'better-sqlite3';
import { hashSecret } from '../../domain/ids.js';
import type { Migration } from './migrations/index.js';

/**
 * Applies, in order and each in its own transaction, the migrations not yet recorded in
 * `schema_migrations`. Returns the versions it applied.
 */
export function migrate(db: Database, migrations: readonly Migration[], now: () => number = Date.now): number[] {
  // Migration 0007 hashes the payment-link tokens stored before it.
  db.function('wa_sha256_hex', { deterministic: true }, (value: unknown) => hashSecret(String(value)));
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  INTEGER NOT NULL
  ) STRICT`);
  const applied = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now());
    })();
    done.push(migration.version);
  }
  return done;
}
