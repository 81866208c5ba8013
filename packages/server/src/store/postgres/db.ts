import postgres from 'postgres';
import type { StoreChange } from '../changes.js';

/** The client's type map: `bigint` (int8) columns read and write as JS bigints. */
export type PgTypes = { bigint: bigint };
/** A pool of connections. */
export type Db = postgres.Sql<PgTypes>;
/** A connection inside a transaction. */
export type Tx = postgres.TransactionSql<PgTypes>;

/**
 * Runs `work` in a transaction, and after it, still inside, NOTIFYs the changes it collected:
 * PostgreSQL delivers them on commit, to every instance listening, and drops them on rollback.
 */
export type RunInTransaction = <T>(work: (tx: Tx, changes: StoreChange[]) => Promise<T>) => Promise<T>;

/** Opens a pool whose every connection uses `schema`; bigint columns come back as bigints. */
export function openPool(url: string, schema: string, max: number): Db {
  return postgres(url, {
    max,
    types: { bigint: postgres.BigInt },
    connection: { search_path: schema, application_name: 'wa-widgets' },
    // Idle connections go back, so a test process or a quiet instance holds few.
    idle_timeout: 30,
    onnotice: () => {},
  });
}

/** Takes a transaction-level advisory lock on `key` (released at commit or rollback). */
export async function lockKey(tx: Tx, key: string): Promise<void> {
  await tx`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/** A number column as a JS number (counts come back as int8, so bigint). */
export function num(value: bigint | number | string | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** An epoch-ms column as a Date, or null. */
export function dateOrNull(value: bigint | number | null): Date | null {
  return value === null ? null : new Date(Number(value));
}

/** Whether `error` is PostgreSQL's unique violation on `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint_name?: unknown } | null;
  return e?.code === '23505' && e.constraint_name === constraint;
}

/**
 * Orders rows claimed by an `UPDATE … FROM due … RETURNING` (whose order PostgreSQL does not keep)
 * the way the claim chose them: first due first, then by insertion.
 */
export function byDueThenSeq(a: { due_at: bigint; seq: bigint }, b: { due_at: bigint; seq: bigint }): number {
  return a.due_at === b.due_at ? Number(a.seq - b.seq) : a.due_at < b.due_at ? -1 : 1;
}
