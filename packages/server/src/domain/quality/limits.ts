import type { Account } from '../accounts.js';
import type { Store } from '../../store/store.js';
import type { LimitSource } from '../usage/limit-source.js';
import { portfolioKeyOf } from './phone-status.js';
import type { MessagingLimit } from './tiers.js';
import { limitOfTier } from './tiers.js';

/**
 * The messaging limit the account's business portfolio (or the account alone, without one) had
 * when last told, by webhook or Graph read; null for an unknown account or when no tier was ever
 * known. Reads only the store: it never calls Meta.
 */
export async function limitForAccount(store: Store, accountId: string): Promise<MessagingLimit | null> {
  const account = await store.getAccount(accountId);
  return account ? storedLimit(store, account) : null;
}

/** The usage endpoint's limits: the portfolio's stored tier, or "not known" before Meta ever told one. */
export function storedLimitSource(store: Store): LimitSource {
  return async (account) => {
    const known = await storedLimit(store, account);
    return { limit: known?.limit ?? null, unlimited: known?.unlimited ?? false };
  };
}

async function storedLimit(store: Store, account: Account): Promise<MessagingLimit | null> {
  const record = await store.phoneStatus.getPortfolioLimit(portfolioKeyOf(account));
  return record ? limitOfTier(record.tier) : null;
}
