import type { InboundWebhook, MetaWebhookInboxStore } from '../meta-webhook-inbox-store.js';
import type { Db } from './db.js';
import { byDueThenSeq } from './db.js';

interface InboxRow {
  seq: bigint;
  id: string;
  body: string;
  received_at: bigint;
  attempts: number;
  due_at: bigint;
}

const MAX_ERROR_LENGTH = 500;

/**
 * The PostgreSQL side of the Meta webhook inbox (see {@link MetaWebhookInboxStore}): claims skip
 * rows another instance is claiming (`FOR UPDATE SKIP LOCKED`), so each due webhook goes to one.
 */
export class PgMetaWebhookInbox implements MetaWebhookInboxStore {
  readonly #sql: () => Promise<Db>;

  constructor(sql: () => Promise<Db>) {
    this.#sql = sql;
  }

  async add(webhook: { id: string; body: string; receivedAt: Date }, leaseUntil: Date): Promise<void> {
    const sql = await this.#sql();
    await sql`INSERT INTO meta_webhook_inbox (id, body, received_at, next_attempt_at)
      VALUES (${webhook.id}, ${webhook.body}, ${webhook.receivedAt.getTime()}, ${leaseUntil.getTime()})`;
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<InboundWebhook[]> {
    const sql = await this.#sql();
    const rows = await sql<InboxRow[]>`
      WITH due AS (
        SELECT seq, next_attempt_at AS due_at FROM meta_webhook_inbox
        WHERE failed_at IS NULL AND next_attempt_at <= ${now.getTime()}
        ORDER BY next_attempt_at, seq LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE meta_webhook_inbox w SET attempts = w.attempts + 1, next_attempt_at = ${leaseUntil.getTime()}
      FROM due WHERE w.seq = due.seq
      RETURNING w.seq, w.id, w.body, w.received_at, w.attempts, due.due_at`;
    return [...rows]
      .sort(byDueThenSeq)
      .map((row) => ({ id: row.id, body: row.body, receivedAt: new Date(Number(row.received_at)), attempts: row.attempts }));
  }

  async renewLease(id: string, leaseUntil: Date): Promise<void> {
    const sql = await this.#sql();
    await sql`UPDATE meta_webhook_inbox SET next_attempt_at = ${leaseUntil.getTime()} WHERE id = ${id} AND failed_at IS NULL`;
  }

  async remove(id: string): Promise<void> {
    const sql = await this.#sql();
    await sql`DELETE FROM meta_webhook_inbox WHERE id = ${id}`;
  }

  async scheduleRetry(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    const sql = await this.#sql();
    await sql`UPDATE meta_webhook_inbox SET next_attempt_at = ${nextAttemptAt.getTime()}, last_error = ${error.slice(0, MAX_ERROR_LENGTH)}
      WHERE id = ${id}`;
  }

  async markFailed(id: string, at: Date, error: string): Promise<void> {
    const sql = await this.#sql();
    await sql`UPDATE meta_webhook_inbox SET failed_at = ${at.getTime()}, last_error = ${error.slice(0, MAX_ERROR_LENGTH)} WHERE id = ${id}`;
  }

  async count(): Promise<{ waiting: number; failed: number }> {
    const sql = await this.#sql();
    const [row] = await sql<{ waiting: bigint; failed: bigint }[]>`SELECT count(*) FILTER (WHERE failed_at IS NULL) AS waiting,
      count(*) FILTER (WHERE failed_at IS NOT NULL) AS failed FROM meta_webhook_inbox`;
    return { waiting: Number(row?.waiting ?? 0), failed: Number(row?.failed ?? 0) };
  }
}
