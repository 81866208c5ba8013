import type { Account } from '../accounts.js';

/** The messaging limit that applies to an account (its business portfolio's, since October 2025). */
export interface AccountLimit {
  /** Unique customers per rolling 24 h; null when unlimited or not known. */
  readonly limit: number | null;
  readonly unlimited: boolean;
}

/** Where the usage endpoint reads the limit from: the quota kept by the Meta quality/limits code. */
export type LimitSource = (account: Account) => Promise<AccountLimit>;
