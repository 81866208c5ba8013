import { z } from 'zod';
import type { Store } from '../../store/store.js';
import type { WebhookChange, ChangeHandler } from '../meta/webhook-change.js';
import { portfolioKeyOf } from './phone-status.js';
import { parseTier, phoneDigits } from './tiers.js';

/** Meta redelivers until it gets a 200; the same line again within this window is such a redelivery. */
export const DUPLICATE_WINDOW_MS = 5 * 60_000;

/** Why a change was acknowledged without effect. */
export type IgnoredReason = 'malformed' | 'unknown_number' | 'unknown_waba' | 'no_limit';

/** What the quality webhook handlers need. */
export interface QualityWebhookDeps {
  readonly store: Store;
  /** Told about each change that had no effect, so it can be counted. */
  readonly onIgnored?: ((reason: IgnoredReason, change: WebhookChange) => void) | undefined;
}

const LimitValueSchema = z.union([z.string(), z.number()]).nullish();

const QualityUpdateSchema = z.looseObject({
  display_phone_number: z.union([z.string(), z.number()]),
  event: z.string().nullish(),
  current_limit: LimitValueSchema,
  old_limit: LimitValueSchema,
  max_daily_conversations_per_business: LimitValueSchema,
});

const CapabilityUpdateSchema = z.looseObject({
  max_daily_conversations_per_business: LimitValueSchema,
  max_daily_conversation_per_phone: LimitValueSchema,
});

/**
 * Handlers of the `phone_number_quality_update` and `business_capability_update` webhook fields,
 * keyed by field, for the `POST /webhooks/meta` dispatcher. They update the business portfolio's
 * messaging limit and append Meta's event to the quality timeline; they never throw for bad input.
 */
export function qualityWebhookHandlers(deps: QualityWebhookDeps): Record<string, ChangeHandler> {
  const { store } = deps;
  const ignore = (reason: IgnoredReason, change: WebhookChange) => deps.onIgnored?.(reason, change);

  /**
   * Meta names the number only by its display digits under the WABA. Since October 2025 the limit
   * fields carry the portfolio's limit (the new `max_daily_conversations_per_business` wins over
   * the older `current_limit`); the line goes on the named number's timeline.
   */
  async function phoneNumberQualityUpdate(change: WebhookChange): Promise<void> {
    const parsed = QualityUpdateSchema.safeParse(change.value);
    if (!parsed.success) return ignore('malformed', change);
    const value = parsed.data;
    const accounts = await store.phoneStatus.findAccountsByDisplayDigits(change.wabaId, phoneDigits(String(value.display_phone_number)));
    if (accounts.length === 0) return ignore('unknown_number', change);
    const tier = parseTier(value.max_daily_conversations_per_business) ?? parseTier(value.current_limit);
    for (const account of accounts) {
      await store.phoneStatus.recordLimitEvent({
        portfolioKey: portfolioKeyOf(account),
        tier,
        event: value.event?.trim().toUpperCase() || 'PHONE_NUMBER_QUALITY_UPDATE',
        accountIds: [account.id],
        at: change.receivedAt,
        duplicateWindowMs: DUPLICATE_WINDOW_MS,
      });
    }
  }

  /**
   * A WABA's (or its portfolio's) capabilities changed. `max_daily_conversations_per_business` may
   * be `2000`, `"TIER_2K"` or `"UNLIMITED"`; the older `max_daily_conversation_per_phone` uses -1
   * for unlimited. Every account of the WABA gets the line; changes without a limit are ignored.
   */
  async function businessCapabilityUpdate(change: WebhookChange): Promise<void> {
    const parsed = CapabilityUpdateSchema.safeParse(change.value);
    if (!parsed.success) return ignore('malformed', change);
    const tier =
      parseTier(parsed.data.max_daily_conversations_per_business) ?? parseTier(parsed.data.max_daily_conversation_per_phone);
    if (tier === null) return ignore('no_limit', change);
    const accounts = await store.phoneStatus.listAccountsOfWaba(change.wabaId);
    if (accounts.length === 0) return ignore('unknown_waba', change);
    const byPortfolio = new Map<string, string[]>();
    for (const account of accounts) {
      const key = portfolioKeyOf(account);
      byPortfolio.set(key, [...(byPortfolio.get(key) ?? []), account.id]);
    }
    for (const [portfolioKey, accountIds] of byPortfolio) {
      await store.phoneStatus.recordLimitEvent({
        portfolioKey,
        tier,
        event: 'BUSINESS_CAPABILITY_UPDATE',
        accountIds,
        at: change.receivedAt,
        duplicateWindowMs: DUPLICATE_WINDOW_MS,
      });
    }
  }

  return {
    phone_number_quality_update: phoneNumberQualityUpdate,
    business_capability_update: businessCapabilityUpdate,
  };
}
