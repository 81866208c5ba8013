import { z } from '@hono/zod-openapi';
import type { Account } from '../domain/accounts.js';
import type { PhoneStatusView } from '../domain/quality/phone-status-service.js';
import type { QualityHistoryEntry } from '../domain/quality/phone-status.js';
import { limitOfTier, RATINGS } from '../domain/quality/tiers.js';
import { TimestampSchema } from './schemas.js';

/** A quality rating; Meta's `NA` is reported as `UNKNOWN`. */
export const RatingSchema = z.enum(RATINGS).openapi('Rating');

/** One line of the quality timeline. */
export const QualityEventSchema = z
  .object({
    at: TimestampSchema,
    event: z.string().openapi({ example: 'THROUGHPUT_UPGRADE' }),
    rating: RatingSchema.nullable(),
    tier: z.string().nullable(),
    source: z.enum(['webhook', 'graph']),
  })
  .openapi('QualityEvent');

const RefreshFailedSchema = z.boolean().openapi({
  description: '`?refresh=1` was asked and Meta could not be read: the values are the last known ones, and `stale` is true',
});

/** `GET /v1/quality`. */
export const QualitySchema = z
  .object({
    rating: RatingSchema,
    updated_at: TimestampSchema.nullable(),
    stale: z.boolean(),
    refresh_failed: RefreshFailedSchema,
    history: z.array(QualityEventSchema),
  })
  .openapi('Quality');

/** `GET /v1/quota`: the business portfolio's messaging limit per moving 24 h. */
export const QuotaSchema = z
  .object({
    tier: z.string().nullable().openapi({ example: 'TIER_10K' }),
    limit: z.number().int().nullable(),
    unlimited: z.boolean(),
    window_hours: z.literal(24),
    business_portfolio_id: z.string().nullable(),
    updated_at: TimestampSchema.nullable(),
    stale: z.boolean(),
    refresh_failed: RefreshFailedSchema,
  })
  .openapi('Quota');

/** The `phone` of `GET /v1/account`. */
export const WidgetPhoneSchema = z.object({
  display_phone_number: z.string().nullable(),
  verified_name: z.string().nullable(),
  name_status: z.string().nullable(),
  status: z.string().nullable(),
  quality_rating: RatingSchema,
});

/** Serializes the quality rating and its timeline (newest first). */
export function qualityJson(view: PhoneStatusView, history: readonly QualityHistoryEntry[]): z.infer<typeof QualitySchema> {
  return {
    rating: view.snapshot?.qualityRating ?? 'UNKNOWN',
    updated_at: view.snapshot?.fetchedAt.toISOString() ?? null,
    stale: view.qualityStale,
    refresh_failed: view.refreshFailed,
    history: history.map((entry) => ({
      at: entry.at.toISOString(),
      event: entry.event,
      rating: entry.rating,
      tier: entry.tier,
      source: entry.source,
    })),
  };
}

/** Serializes the portfolio's messaging limit. */
export function quotaJson(account: Account, view: PhoneStatusView): z.infer<typeof QuotaSchema> {
  const limit = limitOfTier(view.limit?.tier ?? null);
  return {
    tier: limit.tier,
    limit: limit.limit,
    unlimited: limit.unlimited,
    window_hours: 24,
    business_portfolio_id: account.businessPortfolioId,
    updated_at: view.limit?.updatedAt.toISOString() ?? null,
    stale: view.quotaStale,
    refresh_failed: view.refreshFailed,
  };
}

/** The account's number as Meta last described it, falling back to what the partner registered. */
export function widgetPhoneJson(account: Account, view: PhoneStatusView): z.infer<typeof WidgetPhoneSchema> {
  const snapshot = view.snapshot;
  return {
    display_phone_number: snapshot?.displayPhoneNumber ?? account.displayPhoneNumber,
    verified_name: snapshot?.verifiedName ?? account.verifiedName,
    name_status: snapshot?.nameStatus ?? null,
    status: snapshot?.status ?? null,
    quality_rating: snapshot?.qualityRating ?? 'UNKNOWN',
  };
}
