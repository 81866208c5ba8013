import type { FrequencyCap } from '../../domain/frequency-cap.js';
import type {
  FrequencyCapStore,
  MarketingDelivery,
  MarketingDeliveryOutcome,
  MarketingSendCheck,
  MarketingSendPolicy,
  MarketingSendWindow,
} from '../frequency-cap-store.js';
import type { Db, Tx } from './db.js';
import { lockKey } from './db.js';
import { limitClause } from './widget-sessions.js';

interface CapRow {
  enabled: boolean;
  max_messages: number;
  window_hours: number;
}

/**
 * {@link FrequencyCapStore} over PostgreSQL. Checks and deliveries of one recipient take turns on
 * an advisory lock, whichever instance runs them: two cannot count the same window at once and
 * both conclude there is room for one more.
 */
export class PgFrequencyCaps implements FrequencyCapStore {
  readonly #sql: () => Promise<Db>;

  constructor(sql: () => Promise<Db>) {
    this.#sql = sql;
  }

  async getFrequencyCap(accountId: string): Promise<FrequencyCap | null> {
    return readCap(await this.#sql(), accountId);
  }

  async putFrequencyCap(accountId: string, cap: FrequencyCap, at: Date): Promise<FrequencyCap> {
    const sql = await this.#sql();
    await sql`INSERT INTO frequency_caps (account_id, enabled, max_messages, window_hours, updated_at)
      VALUES (${accountId}, ${cap.enabled}, ${cap.maxMessages}, ${cap.windowHours}, ${at.getTime()})
      ON CONFLICT (account_id) DO UPDATE SET enabled = excluded.enabled, max_messages = excluded.max_messages,
        window_hours = excluded.window_hours, updated_at = excluded.updated_at`;
    return { ...cap };
  }

  async checkMarketingSend<T>(check: MarketingSendCheck, policy: MarketingSendPolicy<T>): Promise<T> {
    const { accountId, recipient } = check;
    const sql = await this.#sql();
    return sql.begin(async (tx) => {
      await lockRecipient(tx, accountId, recipient);
      await tx`DELETE FROM marketing_sends WHERE account_id = ${accountId} AND recipient = ${recipient}
        AND sent_at <= ${check.pruneBefore.getTime()}`;
      // What is left is the recipient's window: the policy's synchronous reads run over it in memory.
      const sentAt = (
        await tx<{ sent_at: bigint }[]>`SELECT sent_at FROM marketing_sends
          WHERE account_id = ${accountId} AND recipient = ${recipient} ORDER BY sent_at`
      ).map((row) => Number(row.sent_at));
      const window: MarketingSendWindow = {
        countSince: (since) => sentAt.filter((ms) => ms > since.getTime()).length,
        sentAtSince: (since, offset) => {
          const ms = sentAt.filter((value) => value > since.getTime())[offset];
          return ms === undefined ? null : new Date(ms);
        },
      };
      const { record, result } = policy(await readCap(tx, accountId), window);
      if (record) {
        await tx`INSERT INTO marketing_sends (account_id, recipient, message_id, sent_at)
          VALUES (${accountId}, ${recipient}, NULL, ${check.at.getTime()})`;
      }
      return result;
    }) as Promise<T>;
  }

  async recordMarketingDelivery(delivery: MarketingDelivery): Promise<MarketingDeliveryOutcome> {
    const sql = await this.#sql();
    return sql.begin((tx) => recordDeliveryInTransaction(tx, delivery));
  }

  async pruneMarketingSends(before: Date, limit?: number): Promise<number> {
    const sql = await this.#sql();
    const result = await sql`DELETE FROM marketing_sends WHERE id IN (SELECT id FROM marketing_sends
      WHERE sent_at <= ${before.getTime()} ${limitClause(sql, limit)})`;
    return result.count;
  }
}

/**
 * The body of {@link PgFrequencyCaps.recordMarketingDelivery}, for a caller already in a
 * transaction (a message status that counts its delivery with its charge).
 */
export async function recordDeliveryInTransaction(tx: Tx, delivery: MarketingDelivery): Promise<MarketingDeliveryOutcome> {
  const { accountId, recipient, messageId } = delivery;
  // Pipelined in one round trip and run in order: the recipient's lock, then both reads under it.
  const [, [known], [unclaimed]] = await Promise.all([
    lockRecipient(tx, accountId, recipient),
    tx`SELECT id FROM marketing_sends WHERE account_id = ${accountId} AND message_id = ${messageId}`,
    tx<{ id: bigint }[]>`SELECT id FROM marketing_sends
      WHERE account_id = ${accountId} AND recipient = ${recipient} AND sent_at > ${delivery.claimSince.getTime()}
        AND sent_at < ${delivery.claimUntil.getTime()} AND message_id IS NULL
      ORDER BY sent_at LIMIT 1`,
  ]);
  if (known) return 'duplicate';
  if (unclaimed) {
    await tx`UPDATE marketing_sends SET message_id = ${messageId} WHERE id = ${unclaimed.id}`;
    return 'claimed';
  }
  await tx`INSERT INTO marketing_sends (account_id, recipient, message_id, sent_at)
    VALUES (${accountId}, ${recipient}, ${messageId}, ${delivery.at.getTime()})`;
  return 'recorded';
}

async function readCap(sql: Db | Tx, accountId: string): Promise<FrequencyCap | null> {
  const [row] = await (sql as Tx)<CapRow[]>`SELECT enabled, max_messages, window_hours FROM frequency_caps WHERE account_id = ${accountId}`;
  return row ? { enabled: row.enabled, maxMessages: row.max_messages, windowHours: row.window_hours } : null;
}

function lockRecipient(tx: Tx, accountId: string, recipient: string): Promise<void> {
  return lockKey(tx, `marketing:${accountId}:${recipient}`);
}
