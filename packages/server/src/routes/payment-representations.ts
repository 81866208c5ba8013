import { z } from '@hono/zod-openapi';
import type { AmountRules } from '../domain/payments/amount-rules.js';
import type { Payment, PaymentLink } from '../domain/payments/payment.js';
import { linkStatusAt, paymentStatusAt } from '../domain/payments/payment.js';
import { MoneySchema, moneyJson, TimestampSchema } from './schemas.js';

/** `GET /v1/topup-options`. */
export const TopupOptionsSchema = z
  .object({ currency: z.string(), min: MoneySchema, max: MoneySchema, step: MoneySchema, presets: z.array(MoneySchema) })
  .openapi('TopupOptions');

/** A top-up. */
export const TopupSchema = z
  .object({
    id: z.string().openapi({ example: 'tu_5vQbH2m9qfZC0hMvW1nU7w' }),
    status: z.enum(['pending', 'succeeded', 'failed', 'expired']),
    amount: MoneySchema,
    checkout_url: z.string().openapi({ description: "The provider's checkout page: open it for the payer" }),
    created_at: TimestampSchema,
    expires_at: TimestampSchema,
    completed_at: TimestampSchema.nullable(),
  })
  .openapi('Topup');

/** A payment link. */
export const PaymentLinkSchema = z
  .object({
    id: z.string().openapi({ example: 'pl_5vQbH2m9qfZC0hMvW1nU7w' }),
    url: z.string().nullable().openapi({
      description:
        'The hosted payment page to share: <public base>/pay/<token>. Null only for a link whose token the server can no longer derive (made before link tokens were hashed, or under another key); it still works for whoever holds it.',
    }),
    amount: MoneySchema,
    status: z.enum(['open', 'paid', 'cancelled', 'expired']),
    note: z.string().nullable(),
    created_at: TimestampSchema,
    expires_at: TimestampSchema,
    paid_at: TimestampSchema.nullable(),
    cancelled_at: TimestampSchema.nullable(),
  })
  .openapi('PaymentLink');

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Wire form of amount rules. */
export function topupOptionsJson(rules: AmountRules): z.infer<typeof TopupOptionsSchema> {
  const money = (micros: bigint) => moneyJson(micros, rules.currency);
  return {
    currency: rules.currency,
    min: money(rules.minMicros),
    max: money(rules.maxMicros),
    step: money(rules.stepMicros),
    presets: rules.presetsMicros.map(money),
  };
}

/** Wire form of a top-up, with its status as of `now`. */
export function topupJson(topup: Payment, now: Date): z.infer<typeof TopupSchema> {
  return {
    id: topup.id,
    status: paymentStatusAt(topup, now),
    amount: moneyJson(topup.amountMicros, topup.currency),
    checkout_url: topup.checkoutUrl,
    created_at: topup.createdAt.toISOString(),
    expires_at: topup.expiresAt.toISOString(),
    completed_at: iso(topup.completedAt),
  };
}

/** Wire form of a payment link with its token (null: not derivable), and its status as of `now`. */
export function paymentLinkJson(link: PaymentLink, token: string | null, baseUrl: string, now: Date): z.infer<typeof PaymentLinkSchema> {
  return {
    id: link.id,
    url: token === null ? null : `${baseUrl}/pay/${token}`,
    amount: moneyJson(link.amountMicros, link.currency),
    status: linkStatusAt(link, now),
    note: link.note,
    created_at: link.createdAt.toISOString(),
    expires_at: link.expiresAt.toISOString(),
    paid_at: iso(link.paidAt),
    cancelled_at: iso(link.cancelledAt),
  };
}

/**
 * The public base URL of links and return pages: the configured one (`WA_PUBLIC_URL`, required in
 * production), or, in demo mode and tests only, the request's origin.
 */
export function publicBaseUrl(requestUrl: string, configured: string | undefined): string {
  return (configured ?? new URL(requestUrl).origin).replace(/\/+$/, '');
}
