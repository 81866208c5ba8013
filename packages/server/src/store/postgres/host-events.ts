import type { HostEvent, HostEventData, HostEventType, OutboxHostEvent } from '../../domain/host-events/host-event.js';
import type { Db, Tx } from './db.js';
import { byDueThenSeq, dateOrNull } from './db.js';
import { limitClause } from './widget-sessions.js';

interface HostEventRow {
  seq: bigint;
  id: string;
  type: string;
  account_id: string;
  payload: string;
  created_at: bigint;
  attempts: number;
  next_attempt_at: bigint;
  delivered_at: bigint | null;
  failed_at: bigint | null;
  last_error: string | null;
}

const MAX_ERROR_LENGTH = 500;

/**
 * The PostgreSQL side of the host-event outbox. {@link insertHostEvents} runs inside the caller's
 * transaction, which is how a ledger append enqueues its events atomically; claims skip rows another
 * instance is claiming (`FOR UPDATE SKIP LOCKED`), so each due event goes to one dispatcher.
 */
export async function insertHostEvents(tx: Tx, events: readonly HostEvent[]): Promise<void> {
  for (const event of events) {
    const at = event.createdAt.getTime();
    await tx`INSERT INTO host_events (id, type, account_id, payload, created_at, next_attempt_at)
      VALUES (${event.id}, ${event.type}, ${event.accountId}, ${JSON.stringify(event.data)}, ${at}, ${at})`;
  }
}

/** Outbox reads and updates outside a ledger transaction. */
export class PgHostEvents {
  readonly #sql: () => Promise<Db>;

  constructor(sql: () => Promise<Db>) {
    this.#sql = sql;
  }

  async enqueue(events: readonly HostEvent[]): Promise<void> {
    const sql = await this.#sql();
    await sql.begin((tx) => insertHostEvents(tx, events));
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<OutboxHostEvent[]> {
    const sql = await this.#sql();
    const rows = await sql<(HostEventRow & { due_at: bigint })[]>`
      WITH due AS (
        SELECT seq, next_attempt_at AS due_at FROM host_events
        WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ${now.getTime()}
        ORDER BY next_attempt_at, seq LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE host_events h SET attempts = h.attempts + 1, next_attempt_at = ${leaseUntil.getTime()}
      FROM due WHERE h.seq = due.seq
      RETURNING h.*, due.due_at`;
    return [...rows]
      .sort(byDueThenSeq)
      .map(toOutboxHostEvent);
  }

  async markDelivered(id: string, at: Date): Promise<void> {
    const sql = await this.#sql();
    await sql`UPDATE host_events SET delivered_at = ${at.getTime()}, last_error = NULL WHERE id = ${id}`;
  }

  async scheduleRetry(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    const sql = await this.#sql();
    await sql`UPDATE host_events SET next_attempt_at = ${nextAttemptAt.getTime()}, last_error = ${error.slice(0, MAX_ERROR_LENGTH)}
      WHERE id = ${id}`;
  }

  async markFailed(id: string, at: Date, error: string): Promise<void> {
    const sql = await this.#sql();
    await sql`UPDATE host_events SET failed_at = ${at.getTime()}, last_error = ${error.slice(0, MAX_ERROR_LENGTH)} WHERE id = ${id}`;
  }

  /** Deletes (at most `limit` of the) events delivered before `deliveredBefore`; returns how many. */
  async pruneDelivered(deliveredBefore: Date, limit?: number): Promise<number> {
    const sql = await this.#sql();
    const result = await sql`DELETE FROM host_events WHERE seq IN (SELECT seq FROM host_events
      WHERE delivered_at IS NOT NULL AND delivered_at < ${deliveredBefore.getTime()} ${limitClause(sql, limit)})`;
    return result.count;
  }

  async list(accountId: string): Promise<OutboxHostEvent[]> {
    const sql = await this.#sql();
    const rows = await sql<HostEventRow[]>`SELECT * FROM host_events WHERE account_id = ${accountId} ORDER BY seq`;
    return rows.map(toOutboxHostEvent);
  }
}

function toOutboxHostEvent(row: HostEventRow): OutboxHostEvent {
  return {
    id: row.id,
    type: row.type as HostEventType,
    accountId: row.account_id,
    data: JSON.parse(row.payload) as HostEventData,
    createdAt: new Date(Number(row.created_at)),
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(Number(row.next_attempt_at)),
    deliveredAt: dateOrNull(row.delivered_at),
    failedAt: dateOrNull(row.failed_at),
    lastError: row.last_error,
  };
}
