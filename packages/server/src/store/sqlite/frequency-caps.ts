import type Database from 'better-sqlite3';
import type { FrequencyCap } from '../../domain/frequency-cap.js';
import type {
  FrequencyCapStore,
  MarketingDelivery,
  MarketingDeliveryOutcome,
  MarketingSendCheck,
  MarketingSendPolicy,
  MarketingSendWindow,
} from '../frequency-cap-store.js';
import { transactionRunner, type TransactionRunner } from './transaction-runner.js';

interface CapRow {
  enabled: number;
  max_messages: number;
  window_hours: number;
}

/** {@link FrequencyCapStore} over better-sqlite3; checks and deliveries run as IMMEDIATE transactions. */
export class SqliteFrequencyCaps implements FrequencyCapStore {
  readonly #transaction: TransactionRunner;
  readonly #statements;

  constructor(db: Database.Database) {
    this.#transaction = transactionRunner(db);
    this.#statements = {
      getCap: db.prepare<[string], CapRow>('SELECT enabled, max_messages, window_hours FROM frequency_caps WHERE account_id = ?'),
      putCap: db.prepare(`INSERT INTO frequency_caps (account_id, enabled, max_messages, window_hours, updated_at)
        VALUES (@account_id, @enabled, @max_messages, @window_hours, @updated_at)
        ON CONFLICT (account_id) DO UPDATE SET enabled = excluded.enabled, max_messages = excluded.max_messages,
          window_hours = excluded.window_hours, updated_at = excluded.updated_at`),
      pruneRecipient: db.prepare<[string, string, number]>(
        'DELETE FROM marketing_sends WHERE account_id = ? AND recipient = ? AND sent_at <= ?',
      ),
      countSince: db
        .prepare<[string, string, number], number>(
          'SELECT count(*) FROM marketing_sends WHERE account_id = ? AND recipient = ? AND sent_at > ?',
        )
        .pluck(),
      sentAtSince: db
        .prepare<[string, string, number, number], number>(`SELECT sent_at FROM marketing_sends
          WHERE account_id = ? AND recipient = ? AND sent_at > ? ORDER BY sent_at LIMIT 1 OFFSET ?`)
        .pluck(),
      insertSend: db.prepare<[string, string, string | null, number]>(
        'INSERT INTO marketing_sends (account_id, recipient, message_id, sent_at) VALUES (?, ?, ?, ?)',
      ),
      findMessage: db
        .prepare<[string, string], number>('SELECT id FROM marketing_sends WHERE account_id = ? AND message_id = ?')
        .pluck(),
      findUnclaimed: db
        .prepare<[string, string, number, number], number>(`SELECT id FROM marketing_sends
          WHERE account_id = ? AND recipient = ? AND sent_at > ? AND sent_at < ? AND message_id IS NULL
          ORDER BY sent_at LIMIT 1`)
        .pluck(),
      claim: db.prepare<[string, number]>('UPDATE marketing_sends SET message_id = ? WHERE id = ?'),
      pruneAll: db.prepare<[number, number]>(
        'DELETE FROM marketing_sends WHERE id IN (SELECT id FROM marketing_sends WHERE sent_at <= ? LIMIT ?)',
      ),
    };
  }

  async getFrequencyCap(accountId: string): Promise<FrequencyCap | null> {
    return this.#readCap(accountId);
  }

  async putFrequencyCap(accountId: string, cap: FrequencyCap, at: Date): Promise<FrequencyCap> {
    this.#statements.putCap.run({
      account_id: accountId,
      enabled: cap.enabled ? 1 : 0,
      max_messages: cap.maxMessages,
      window_hours: cap.windowHours,
      updated_at: at.getTime(),
    });
    return { ...cap };
  }

  async checkMarketingSend<T>(check: MarketingSendCheck, policy: MarketingSendPolicy<T>): Promise<T> {
    const { accountId, recipient } = check;
    const s = this.#statements;
    // IMMEDIATE takes the write lock before counting: another connection cannot count the same
    // window at the same time and both conclude there is room for one more.
    return this.#transaction.immediate((): T => {
      s.pruneRecipient.run(accountId, recipient, check.pruneBefore.getTime());
      const window: MarketingSendWindow = {
        countSince: (since) => s.countSince.get(accountId, recipient, since.getTime()) ?? 0,
        sentAtSince: (since, offset) => {
          const ms = s.sentAtSince.get(accountId, recipient, since.getTime(), offset);
          return ms === undefined ? null : new Date(ms);
        },
      };
      const { record, result } = policy(this.#readCap(accountId), window);
      if (record) s.insertSend.run(accountId, recipient, null, check.at.getTime());
      return result;
    });
  }

  async recordMarketingDelivery(delivery: MarketingDelivery): Promise<MarketingDeliveryOutcome> {
    return this.#transaction.immediate(() => this.recordDeliveryInTransaction(delivery));
  }

  /** The body of {@link recordMarketingDelivery}, for a caller already inside a write transaction. */
  recordDeliveryInTransaction(delivery: MarketingDelivery): MarketingDeliveryOutcome {
    const { accountId, recipient, messageId } = delivery;
    const s = this.#statements;
    if (s.findMessage.get(accountId, messageId) !== undefined) return 'duplicate';
    const unclaimed = s.findUnclaimed.get(accountId, recipient, delivery.claimSince.getTime(), delivery.claimUntil.getTime());
    if (unclaimed !== undefined) {
      s.claim.run(messageId, unclaimed);
      return 'claimed';
    }
    s.insertSend.run(accountId, recipient, messageId, delivery.at.getTime());
    return 'recorded';
  }

  async pruneMarketingSends(before: Date, limit = -1): Promise<number> {
    return this.#statements.pruneAll.run(before.getTime(), limit).changes;
  }

  #readCap(accountId: string): FrequencyCap | null {
    const row = this.#statements.getCap.get(accountId);
    return row ? { enabled: row.enabled === 1, maxMessages: row.max_messages, windowHours: row.window_hours } : null;
  }
}
