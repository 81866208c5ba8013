import type Database from 'better-sqlite3';
import type { CommittedReadMemo } from './committed-read-memo.js';
import type { PhoneSnapshot, PortfolioLimitRecord, QualityHistoryEntry, StatusSource } from '../../domain/quality/phone-status.js';
import { portfolioKeyOf } from '../../domain/quality/phone-status.js';
import type { Rating } from '../../domain/quality/tiers.js';
import type { GraphReadRecord, LimitEventRecord, PhoneStatusStore } from '../phone-status-store.js';
import type { AccountRow } from './rows.js';
import { toAccount } from './rows.js';

interface SnapshotRow {
  account_id: string;
  display_phone_number: string | null;
  verified_name: string | null;
  name_status: string | null;
  status: string | null;
  quality_rating: string;
  fetched_at: number;
}

interface LimitRow {
  portfolio_key: string;
  tier: string;
  source: StatusSource;
  updated_at: number;
}

interface HistoryRow {
  at: number;
  event: string;
  rating: string | null;
  tier: string | null;
  source: StatusSource;
}

/** The SQLite {@link PhoneStatusStore}, over the tables of migration 0003. */
export function sqlitePhoneStatusStore(db: Database.Database, memo: CommittedReadMemo): PhoneStatusStore {
  const statements = {
    getSnapshot: db.prepare<[string], SnapshotRow>(`SELECT account_id, display_phone_number, verified_name, name_status,
      status, quality_rating, fetched_at FROM phone_snapshots WHERE account_id = ?`),
    upsertSnapshot: db.prepare(`INSERT INTO phone_snapshots (account_id, display_phone_number, verified_name, name_status,
        status, quality_rating, fetched_at)
      VALUES (@account_id, @display_phone_number, @verified_name, @name_status, @status, @quality_rating, @fetched_at)
      ON CONFLICT (account_id) DO UPDATE SET display_phone_number = excluded.display_phone_number,
        verified_name = excluded.verified_name, name_status = excluded.name_status, status = excluded.status,
        quality_rating = excluded.quality_rating, fetched_at = excluded.fetched_at`),
    getLimit: db.prepare<[string], LimitRow>(
      'SELECT portfolio_key, tier, source, updated_at FROM portfolio_limits WHERE portfolio_key = ?',
    ),
    upsertLimit: db.prepare(`INSERT INTO portfolio_limits (portfolio_key, tier, source, updated_at)
      VALUES (@portfolio_key, @tier, @source, @updated_at)
      ON CONFLICT (portfolio_key) DO UPDATE SET tier = excluded.tier, source = excluded.source, updated_at = excluded.updated_at
      WHERE portfolio_limits.updated_at <= excluded.updated_at`),
    insertHistory: db.prepare(`INSERT INTO quality_history (account_id, at, event, rating, tier, source)
      VALUES (@account_id, @at, @event, @rating, @tier, @source)`),
    sameWebhookLine: db.prepare<{ account_id: string; at: number; event: string; tier: string | null }, number>(
      `SELECT 1 FROM quality_history WHERE account_id = @account_id AND at = @at AND event = @event AND tier IS @tier
        AND source = 'webhook' LIMIT 1`,
    ).pluck(),
    latestHistory: db.prepare<[string], HistoryRow>(
      'SELECT at, event, rating, tier, source FROM quality_history WHERE account_id = ? ORDER BY seq DESC LIMIT 1',
    ),
    listHistory: db.prepare<[string, number], HistoryRow>(
      'SELECT at, event, rating, tier, source FROM quality_history WHERE account_id = ? ORDER BY seq DESC LIMIT ?',
    ),
    accountsOfPortfolio: db
      .prepare<[string], AccountRow>('SELECT * FROM accounts WHERE coalesce(business_portfolio_id, id) = ? ORDER BY created_at, id')
      .safeIntegers(),
    accountsOfWaba: db
      .prepare<[string], AccountRow>('SELECT * FROM accounts WHERE waba_id = ? ORDER BY created_at, id')
      .safeIntegers(),
    accountsByDigits: db
      .prepare<[string, string, string, string], AccountRow>(`SELECT * FROM accounts WHERE waba_id = ? AND display_digits = ?
        UNION SELECT a.* FROM accounts a JOIN phone_snapshots s ON s.account_id = a.id
          WHERE a.waba_id = ? AND s.display_digits = ?`)
      .safeIntegers(),
  };

  const recordGraphRead = db.transaction(({ account, read, at }: GraphReadRecord) => {
    const previous = statements.getSnapshot.get(account.id);
    statements.upsertSnapshot.run({
      account_id: account.id,
      display_phone_number: read.displayPhoneNumber,
      verified_name: read.verifiedName,
      name_status: read.nameStatus,
      status: read.status,
      quality_rating: read.qualityRating,
      fetched_at: at.getTime(),
    });
    if (previous && previous.quality_rating !== read.qualityRating) {
      statements.insertHistory.run({
        account_id: account.id,
        at: at.getTime(),
        event: 'QUALITY_CHANGED',
        rating: read.qualityRating,
        tier: null,
        source: 'graph',
      });
    }
    if (read.messagingLimitTier === null) return;
    const key = portfolioKeyOf(account);
    const limit = statements.getLimit.get(key);
    statements.upsertLimit.run({ portfolio_key: key, tier: read.messagingLimitTier, source: 'graph', updated_at: at.getTime() });
    if (limit && limit.tier !== read.messagingLimitTier) {
      for (const member of statements.accountsOfPortfolio.all(key)) {
        statements.insertHistory.run({
          account_id: member.id,
          at: at.getTime(),
          event: 'LIMIT_CHANGED',
          rating: null,
          tier: read.messagingLimitTier,
          source: 'graph',
        });
      }
    }
  });

  const recordLimitEvent = db.transaction((record: LimitEventRecord): number => {
    const at = record.at.getTime();
    if (record.tier !== null) {
      statements.upsertLimit.run({ portfolio_key: record.portfolioKey, tier: record.tier, source: 'webhook', updated_at: at });
    }
    let written = 0;
    for (const accountId of record.accountIds) {
      const latest = statements.latestHistory.get(accountId);
      const duplicate =
        statements.sameWebhookLine.get({ account_id: accountId, at, event: record.event, tier: record.tier }) !== undefined ||
        (latest !== undefined &&
          latest.source === 'webhook' &&
          latest.event === record.event &&
          latest.tier === record.tier &&
          Math.abs(at - latest.at) < record.duplicateWindowMs);
      if (duplicate) continue;
      statements.insertHistory.run({ account_id: accountId, at, event: record.event, rating: null, tier: record.tier, source: 'webhook' });
      written++;
    }
    return written;
  });

  return {
    // The quality and quota widgets read these on every request; between commits they are remembered.
    async getPhoneSnapshot(accountId) {
      return memo.read(`phone-snapshot:${accountId}`, () => {
        const row = statements.getSnapshot.get(accountId);
        return row ? Object.freeze(toSnapshot(row)) : null;
      });
    },
    async getPortfolioLimit(portfolioKey) {
      return memo.read(`portfolio-limit:${portfolioKey}`, () => {
        const row = statements.getLimit.get(portfolioKey);
        return row ? Object.freeze(toLimit(row)) : null;
      });
    },
    async recordGraphRead(record) {
      recordGraphRead.immediate(record);
    },
    async recordLimitEvent(record) {
      return recordLimitEvent.immediate(record);
    },
    async listQualityHistory(accountId, limit) {
      return memo.read(`quality-history:${accountId}:${limit}`, () =>
        Object.freeze(statements.listHistory.all(accountId, limit).map((row) => Object.freeze(toHistoryEntry(row)))),
      );
    },
    async findAccountsByDisplayDigits(wabaId, digits) {
      if (digits === '') return [];
      return statements.accountsByDigits.all(wabaId, digits, wabaId, digits).map(toAccount);
    },
    async listAccountsOfWaba(wabaId) {
      return statements.accountsOfWaba.all(wabaId).map(toAccount);
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
    fetchedAt: new Date(row.fetched_at),
  };
}

function toLimit(row: LimitRow): PortfolioLimitRecord {
  return { portfolioKey: row.portfolio_key, tier: row.tier, source: row.source, updatedAt: new Date(row.updated_at) };
}

function toHistoryEntry(row: HistoryRow): QualityHistoryEntry {
  return { at: new Date(row.at), event: row.event, rating: row.rating as Rating | null, tier: row.tier, source: row.source };
}

