import type Database from 'better-sqlite3';
import type { InboundWebhook, MetaWebhookInboxStore } from '../meta-webhook-inbox-store.js';

interface InboxRow {
  id: string;
  body: string;
  received_at: number;
  attempts: number;
}

const MAX_ERROR_LENGTH = 500;

/** The SQLite side of the Meta webhook inbox (see {@link MetaWebhookInboxStore}). */
export class SqliteMetaWebhookInbox implements MetaWebhookInboxStore {
  readonly #statements;
  readonly #claim;

  constructor(db: Database.Database) {
    this.#statements = {
      insert: db.prepare<[string, string, number, number]>(`INSERT INTO meta_webhook_inbox (id, body, received_at, next_attempt_at)
        VALUES (?, ?, ?, ?)`),
      due: db.prepare<[number, number], InboxRow>(`SELECT id, body, received_at, attempts FROM meta_webhook_inbox
        WHERE failed_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, seq LIMIT ?`),
      lease: db.prepare<[number, string]>('UPDATE meta_webhook_inbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?'),
      renew: db.prepare<[number, string]>('UPDATE meta_webhook_inbox SET next_attempt_at = ? WHERE id = ? AND failed_at IS NULL'),
      remove: db.prepare<[string]>('DELETE FROM meta_webhook_inbox WHERE id = ?'),
      retry: db.prepare<[number, string, string]>('UPDATE meta_webhook_inbox SET next_attempt_at = ?, last_error = ? WHERE id = ?'),
      failed: db.prepare<[number, string, string]>('UPDATE meta_webhook_inbox SET failed_at = ?, last_error = ? WHERE id = ?'),
      count: db.prepare<[], { waiting: number; failed: number }>(`SELECT count(*) FILTER (WHERE failed_at IS NULL) AS waiting,
        count(*) FILTER (WHERE failed_at IS NOT NULL) AS failed FROM meta_webhook_inbox`),
    };
    // Taken under the write lock (IMMEDIATE): another connection's claim waits, then sees these leased.
    const claim = db.transaction((now: number, leaseUntil: number, limit: number): InboundWebhook[] => {
      const rows = this.#statements.due.all(now, limit);
      for (const row of rows) this.#statements.lease.run(leaseUntil, row.id);
      return rows.map((row) => ({ id: row.id, body: row.body, receivedAt: new Date(row.received_at), attempts: row.attempts + 1 }));
    });
    this.#claim = (now: number, leaseUntil: number, limit: number) => claim.immediate(now, leaseUntil, limit);
  }

  async add(webhook: { id: string; body: string; receivedAt: Date }, leaseUntil: Date): Promise<void> {
    this.#statements.insert.run(webhook.id, webhook.body, webhook.receivedAt.getTime(), leaseUntil.getTime());
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<InboundWebhook[]> {
    return this.#claim(now.getTime(), leaseUntil.getTime(), limit);
  }

  async renewLease(id: string, leaseUntil: Date): Promise<void> {
    this.#statements.renew.run(leaseUntil.getTime(), id);
  }

  async remove(id: string): Promise<void> {
    this.#statements.remove.run(id);
  }

  async scheduleRetry(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    this.#statements.retry.run(nextAttemptAt.getTime(), error.slice(0, MAX_ERROR_LENGTH), id);
  }

  async markFailed(id: string, at: Date, error: string): Promise<void> {
    this.#statements.failed.run(at.getTime(), error.slice(0, MAX_ERROR_LENGTH), id);
  }

  async count(): Promise<{ waiting: number; failed: number }> {
    const row = this.#statements.count.get();
    return { waiting: row?.waiting ?? 0, failed: row?.failed ?? 0 };
  }
}
