import type { Account } from '../accounts.js';
import { newId } from '../ids.js';
import { marketName } from '../markets/markets.js';
import type { MessageStatusEvent } from '../meta/status-event.js';
import { normalizeCategory } from '../pricing/categories.js';
import type { ChargeOutcome, MessageCharge, MessageChargeWrite, UsageTouch } from './message-charge.js';
import { usagePortfolioKey } from './message-charge.js';

const DAY_MS = 24 * 3600 * 1000;

/** Pricing types of messages sent inside an open customer-service (or entry-point) window. */
const IN_WINDOW_TYPES = new Set(['free_customer_service', 'free_group_customer_service', 'free_entry_point']);

/** What the decision needs besides the record and the event. */
export interface SettleContext {
  readonly account: Account;
  readonly now: Date;
  /** Where the recipient's messages are priced (computed once per message). */
  readonly market: string;
  readonly country: string | null;
  /** The account's effective prices in that market, by category. */
  readonly prices: ReadonlyMap<string, bigint>;
}

/**
 * Folds one status event into the message's record and, once the message is known to be
 * delivered (`delivered`, or `read` which implies it) AND its pricing is known (it may come on
 * `sent`, `delivered` or `read`, in any order), settles it for good:
 * - billable (`pricing.type` `regular`; older payloads without `type`: `billable: true`) → debit of
 *   the account's price for (market, category); no rate → `unpriced` and no ledger entry: the
 *   ledger forbids zero amounts, so the record itself is what the statement lists;
 * - anything else → `free`.
 * A settled record is never touched again (null: nothing to write), so repeats are no-ops.
 */
export function settleMessage(current: MessageCharge | null, event: MessageStatusEvent, ctx: SettleContext): MessageChargeWrite | null {
  if (current?.outcome) return null;
  const { account, now } = ctx;
  const eventAt = event.at && event.at < now ? event.at : now;
  const delivered = event.status === 'delivered' || event.status === 'read';
  const pricing = event.pricing;
  const base: MessageCharge = current ?? {
    accountId: account.id,
    wamid: event.wamid,
    recipient: event.recipient,
    market: ctx.market,
    country: ctx.country,
    isGroup: event.isGroup,
    lastStatus: event.status,
    pricingType: null,
    category: null,
    billable: null,
    deliveredAt: null,
    failedAt: null,
    outcome: null,
    priceMicros: null,
    ledgerEntryId: null,
    createdAt: now,
    updatedAt: now,
  };
  const merged: MessageCharge = {
    ...base,
    lastStatus: event.status,
    pricingType: pricing?.type ?? base.pricingType,
    category: pricing?.category ? normalizeCategory(pricing.category) : base.category,
    billable: pricing?.billable ?? base.billable,
    deliveredAt: base.deliveredAt ?? (delivered ? eventAt : null),
    failedAt: base.failedAt ?? (event.status === 'failed' ? eventAt : null),
    updatedAt: now,
  };
  const pricingKnown = merged.pricingType !== null || merged.billable !== null;
  if (!merged.deliveredAt || !pricingKnown) return { charge: merged, ledgerEntry: null, usage: null };

  const billable = merged.pricingType !== null ? merged.pricingType === 'regular' : merged.billable === true;
  const price = billable && merged.category ? ctx.prices.get(merged.category) : undefined;
  const outcome: ChargeOutcome = !billable ? 'free' : price === undefined ? 'unpriced' : 'charged';
  const ledgerEntry =
    outcome === 'charged' && price !== undefined && price > 0n
      ? {
          id: newId('le'),
          accountId: account.id,
          idempotencyKey: `meta:message:${merged.wamid}`,
          kind: 'message' as const,
          amountMicros: -price,
          description: `${merged.category} message to ${marketName(merged.market)} (${merged.country ?? merged.market})`,
          reference: merged.wamid,
          details: { category: merged.category ?? undefined, market: merged.market, message_id: merged.wamid, priced: true },
          createdAt: now,
        }
      : null;
  const settled: MessageCharge = {
    ...merged,
    outcome,
    priceMicros: outcome === 'charged' ? (price ?? null) : null,
    ledgerEntryId: ledgerEntry?.id ?? null,
  };
  return { charge: settled, ledgerEntry, usage: usageTouch(settled, account, now) };
}

/**
 * Meta's messaging limit counts unique users reached outside a customer-service window. The
 * payload says so only through the pricing: `service` and the free in-window types are replies
 * (a free entry point window is opened by the user too). Group messages reach a group, not one
 * user number. Since 2026-10-01 an in-window utility template is `regular` and counts here:
 * nothing in a v24+ payload tells it apart.
 */
function usageTouch(charge: MessageCharge, account: Account, now: Date): UsageTouch | null {
  if (!charge.deliveredAt || charge.isGroup) return null;
  if (charge.category === 'service' || charge.category === 'referral_conversion') return null;
  if (charge.pricingType !== null ? IN_WINDOW_TYPES.has(charge.pricingType) : charge.billable === false) return null;
  if (charge.deliveredAt.getTime() <= now.getTime() - DAY_MS) return null;
  return { portfolioKey: usagePortfolioKey(account), accountId: account.id, recipient: charge.recipient, countedAt: charge.deliveredAt };
}
