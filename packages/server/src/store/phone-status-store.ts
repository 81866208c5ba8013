import type { Account } from '../domain/accounts.js';
import type { PhoneSnapshot, PortfolioLimitRecord, QualityHistoryEntry } from '../domain/quality/phone-status.js';
import type { PhoneNumberRead } from '../providers/meta-graph/meta-graph.js';

/** A successful Graph read of one account's number, to be recorded. */
export interface GraphReadRecord {
  readonly account: Account;
  readonly read: PhoneNumberRead;
  readonly at: Date;
}

/** A limit change announced by a webhook, to be recorded on a portfolio and its timeline. */
export interface LimitEventRecord {
  readonly portfolioKey: string;
  /** The new tier (kept unless the portfolio's limit is newer than `at`); null when the event carried none (only the timeline line is written). */
  readonly tier: string | null;
  readonly event: string;
  /** Accounts whose timeline gets the line. */
  readonly accountIds: readonly string[];
  readonly at: Date;
  /**
   * A line identical to the account's latest one (event, tier) within this window is a duplicate
   * delivery. So is one identical to any webhook line of the same `at`: the same webhook applied
   * again (the inbox keeps its receipt time), however much later and whatever came in between.
   */
  readonly duplicateWindowMs: number;
}

/** Persistence of phone snapshots, portfolio limits and the quality timeline. Each method is atomic. */
export interface PhoneStatusStore {
  getPhoneSnapshot(accountId: string): Promise<PhoneSnapshot | null>;
  getPortfolioLimit(portfolioKey: string): Promise<PortfolioLimitRecord | null>;
  /**
   * Stores the snapshot and, when the portfolio key's tier is known, its limit. A rating that
   * differs from the previous snapshot's appends `QUALITY_CHANGED` to the account's timeline; a
   * tier that differs from the portfolio's previous one appends `LIMIT_CHANGED` to the timeline of
   * every account of the portfolio. A first observation appends nothing: there was no change.
   */
  recordGraphRead(record: GraphReadRecord): Promise<void>;
  /** Updates the portfolio's tier and appends the event to the accounts' timelines; returns the lines written. */
  recordLimitEvent(record: LimitEventRecord): Promise<number>;
  /** The account's timeline, newest first, at most `limit` lines. */
  listQualityHistory(accountId: string, limit: number): Promise<readonly QualityHistoryEntry[]>;
  /** Accounts of the WABA whose display number (ours or Meta's last read) has these digits. */
  findAccountsByDisplayDigits(wabaId: string, digits: string): Promise<Account[]>;
  listAccountsOfWaba(wabaId: string): Promise<Account[]>;
}
