import type { Account } from '../accounts.js';
import type { Rating } from './tiers.js';

/** Where a piece of quality/limit knowledge came from. */
export type StatusSource = 'webhook' | 'graph';

/** The last known state of an account's WhatsApp number, as read from the Graph API. */
export interface PhoneSnapshot {
  readonly accountId: string;
  readonly displayPhoneNumber: string | null;
  readonly verifiedName: string | null;
  readonly nameStatus: string | null;
  readonly status: string | null;
  readonly qualityRating: Rating;
  /** When Meta last answered a read of this number. */
  readonly fetchedAt: Date;
}

/** The messaging limit of a business portfolio (or of a lone account), shared by all its numbers. */
export interface PortfolioLimitRecord {
  /** The portfolio id, or the account id of an account without one. */
  readonly portfolioKey: string;
  readonly tier: string;
  readonly updatedAt: Date;
  readonly source: StatusSource;
}

/** One line of an account's quality and limit timeline. */
export interface QualityHistoryEntry {
  readonly at: Date;
  /** Meta's webhook event name, or `QUALITY_CHANGED` / `LIMIT_CHANGED` from a Graph read. */
  readonly event: string;
  readonly rating: Rating | null;
  readonly tier: string | null;
  readonly source: StatusSource;
}

/** Key under which an account's messaging limit is stored: limits are per business portfolio. */
export function portfolioKeyOf(account: Pick<Account, 'id' | 'businessPortfolioId'>): string {
  return account.businessPortfolioId ?? account.id;
}
