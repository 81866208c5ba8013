import type { Account } from '../../domain/accounts.js';
import type { PhoneSnapshot, PortfolioLimitRecord, QualityHistoryEntry, StatusSource } from '../../domain/quality/phone-status.js';
import { portfolioKeyOf } from '../../domain/quality/phone-status.js';
import type { Rating } from '../../domain/quality/tiers.js';
import type { GraphReadRecord, LimitEventRecord, PhoneStatusStore } from '../phone-status-store.js';
import type { AccountRow } from '../sqlite/rows.js';
import { toAccount } from '../sqlite/rows.js';
import type { Db, RunInTransaction, Tx } from './db.js';
import { lockKey } from './db.js';

interface SnapshotRow {
  account_id: string;
  display_phone_number: string | null;
  verified_name: string | null;
  name_status: string | null;
  status: string | null;
  quality_rating: string;
  fetched_at: bigint;
}

interface LimitRow {
  portfolio_key: string;
  tier: string;
  source: StatusSource;
  updated_at: bigint;
}

interface HistoryRow {
  at: bigint;
  event: string;
  rating: string | null;
  tier: string | null;
  source: StatusSource;
}

/**
 * The PostgreSQL {@link PhoneStatusStore}. Writers of one account, and of one portfolio, take turns
 * on advisory locks, so two instances recording the same change write one timeline line.
 */
export function pgPhoneStatusStore(sqlOf: () => Promise<Db>, transaction: RunInTransaction): PhoneStatusStore {
  const insertHistory = (tx: Tx, accountId: string, at: number, event: string, rating: string | null, tier: string | null, source: StatusSource) =>
    tx`INSERT INTO quality_history (account_id, at, event, rating, tier, source)
      VALUES (${accountId}, ${at}, ${event}, ${rating}, ${tier}, ${source})`;
  const upsertLimit = (tx: Tx, key: string, tier: string, source: StatusSource, at: number) =>
    tx`INSERT INTO portfolio_limits (portfolio_key, tier, source, updated_at) VALUES (${key}, ${tier}, ${source}, ${at})
      ON CONFLICT (portfolio_key) DO UPDATE SET tier = excluded.tier, source = excluded.source, updated_at = excluded.updated_at
      WHERE portfolio_limits.updated_at <= excluded.updated_at`;

  return {
    async getPhoneSnapshot(accountId) {
      const sql = await sqlOf();
      const [row] = await sql<SnapshotRow[]>`SELECT * FROM phone_snapshots WHERE account_id = ${accountId}`;
      return row ? toSnapshot(row) : null;
    },
    async getPortfolioLimit(portfolioKey) {
      const sql = await sqlOf();
      const [row] = await sql<LimitRow[]>`SELECT * FROM portfolio_limits WHERE portfolio_key = ${portfolioKey}`;
      return row ? toLimit(row) : null;
    },
    async recordGraphRead({ account, read, at }: GraphReadRecord) {
      await transaction(async (tx) => {
        const ms = at.getTime();
        await lockKey(tx, `phone:${account.id}`);
        const [previous] = await tx<SnapshotRow[]>`SELECT * FROM phone_snapshots WHERE account_id = ${account.id}`;
        await tx`INSERT INTO phone_snapshots (account_id, display_phone_number, verified_name, name_status, status, quality_rating, fetched_at)
          VALUES (${account.id}, ${read.displayPhoneNumber}, ${read.verifiedName}, ${read.nameStatus}, ${read.status},
            ${read.qualityRating}, ${ms})
          ON CONFLICT (account_id) DO UPDATE SET display_phone_number = excluded.display_phone_number,
            verified_name = excluded.verified_name, name_status = excluded.name_status, status = excluded.status,
            quality_rating = excluded.quality_rating, fetched_at = excluded.fetched_at`;
        if (previous && previous.quality_rating !== read.qualityRating) {
          await insertHistory(tx, account.id, ms, 'QUALITY_CHANGED', read.qualityRating, null, 'graph');
        }
        if (read.messagingLimitTier === null) return;
        const key = portfolioKeyOf(account);
        await lockKey(tx, `portfolio:${key}`);
        const [limit] = await tx<LimitRow[]>`SELECT * FROM portfolio_limits WHERE portfolio_key = ${key}`;
        await upsertLimit(tx, key, read.messagingLimitTier, 'graph', ms);
        if (limit && limit.tier !== read.messagingLimitTier) {
          const members = await tx<{ id: string }[]>`SELECT id FROM accounts WHERE coalesce(business_portfolio_id, id) = ${key}
            ORDER BY created_at, id`;
          for (const member of members) {
            await insertHistory(tx, member.id, ms, 'LIMIT_CHANGED', null, read.messagingLimitTier, 'graph');
          }
        }
      });
    },
    async recordLimitEvent(record: LimitEventRecord) {
      return transaction(async (tx, changes) => {
        const at = record.at.getTime();
        await lockKey(tx, `portfolio:${record.portfolioKey}`);
        if (record.tier !== null) await upsertLimit(tx, record.portfolioKey, record.tier, 'webhook', at);
        let written = 0;
        for (const accountId of record.accountIds) {
          const [[latest], [applied]] = await Promise.all([
            tx<HistoryRow[]>`SELECT at, event, rating, tier, source FROM quality_history
              WHERE account_id = ${accountId} ORDER BY seq DESC LIMIT 1`,
            tx<{ one: number }[]>`SELECT 1 AS one FROM quality_history WHERE account_id = ${accountId} AND at = ${at}
              AND event = ${record.event} AND tier IS NOT DISTINCT FROM ${record.tier} AND source = 'webhook' LIMIT 1`,
          ]);
          const duplicate =
            applied !== undefined ||
            (latest !== undefined &&
              latest.source === 'webhook' &&
              latest.event === record.event &&
              latest.tier === record.tier &&
              Math.abs(at - Number(latest.at)) < record.duplicateWindowMs);
          // Widgets hear the account's status again even for a duplicate line: what they show may be stale.
          changes.push({ kind: 'phone_status', accountId });
          if (duplicate) continue;
          await insertHistory(tx, accountId, at, record.event, null, record.tier, 'webhook');
          written++;
        }
        return written;
      });
    },
    async listQualityHistory(accountId, limit) {
      const sql = await sqlOf();
      const rows = await sql<HistoryRow[]>`SELECT at, event, rating, tier, source FROM quality_history
        WHERE account_id = ${accountId} ORDER BY seq DESC LIMIT ${limit}`;
      return rows.map(toHistoryEntry);
    },
    async findAccountsByDisplayDigits(wabaId, digits) {
      if (digits === '') return [];
      const sql = await sqlOf();
      const rows = await sql<AccountRow[]>`SELECT * FROM accounts WHERE id IN (
          SELECT id FROM accounts WHERE waba_id = ${wabaId} AND display_digits = ${digits}
          UNION SELECT a.id FROM accounts a JOIN phone_snapshots s ON s.account_id = a.id
            WHERE a.waba_id = ${wabaId} AND s.display_digits = ${digits})
        ORDER BY created_at, id`;
      return rows.map(toAccount);
    },
    async listAccountsOfWaba(wabaId) {
      const sql = await sqlOf();
      const rows = await sql<AccountRow[]>`SELECT * FROM accounts WHERE waba_id = ${wabaId} ORDER BY created_at, id`;
      return rows.map(toAccount) satisfies Account[];
    },
  };
}

function toSnapshot(row: SnapshotRow): PhoneSnapshot {
  return {
    accountId: row.account_id,
    displayPhoneNumber: row.display_phone_number,
    verifiedName: row.verified_name,
    nameStatus: row.name_status,
    status: row.status,
    qualityRating: row.quality_rating as Rating,
    fetchedAt: new Date(Number(row.fetched_at)),
  };
}

function toLimit(row: LimitRow): PortfolioLimitRecord {
  return { portfolioKey: row.portfolio_key, tier: row.tier, source: row.source, updatedAt: new Date(Number(row.updated_at)) };
}

function toHistoryEntry(row: HistoryRow): QualityHistoryEntry {
  return { at: new Date(Number(row.at)), event: row.event, rating: row.rating as Rating | null, tier: row.tier, source: row.source };
}
