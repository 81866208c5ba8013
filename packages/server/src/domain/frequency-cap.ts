import { requireAccount } from './accounts.js';
import type { Clock } from './clock.js';
import { DomainError } from './errors.js';
import { parseInternationalNumber } from './markets/phone-numbers.js';
import type { Store } from '../store/store.js';
import type { MarketingDelivery, MarketingDeliveryOutcome, MarketingSendPolicy } from '../store/frequency-cap-store.js';

/** How many marketing messages one recipient may get from an account within a sliding window. */
export interface FrequencyCap {
  readonly enabled: boolean;
  readonly maxMessages: number;
  readonly windowHours: number;
}

/** Bounds of the settings. */
export const FREQUENCY_CAP_LIMITS = { maxMessages: { min: 1, max: 100 }, windowHours: { min: 1, max: 720 } } as const;

/** The cap of an account that never set one: off; when turned on, 1 message per 24 h unless set otherwise. */
export const DEFAULT_FREQUENCY_CAP: FrequencyCap = { enabled: false, maxMessages: 1, windowHours: 24 };

const HOUR_MS = 3_600_000;
/** Sends older than the longest possible window can never count again. */
const RETENTION_MS = FREQUENCY_CAP_LIMITS.windowHours.max * HOUR_MS;
/** How long before its delivery a check may be paired with a delivered message. */
const CLAIM_HORIZON_MS = 24 * HOUR_MS;
/**
 * How far after a delivery's timestamp its check may lie. Meta's timestamps are whole seconds,
 * truncated: a message delivered at 10:00:00.900 says "10:00:00", and its check (always before the
 * real delivery) may say 10:00:00.700. One second covers the truncation, two more a skew between
 * Meta's clock and ours. Too wide costs nothing: a later check claimed by a delivery that bypassed
 * the check leaves that later message to record itself, so the count stays one per message.
 */
const CLAIM_AHEAD_MS = 3_000;

/** The answer to "may I send this marketing message now?". */
export interface MarketingSendDecision {
  readonly allowed: boolean;
  /** Sends left in the window after this one; null when the cap is off. */
  readonly remaining: number | null;
  /** When a refused send would next be allowed; null when allowed. */
  readonly nextAllowedAt: Date | null;
}

/** The account's cap, or the default. @throws DomainError `not_found` */
export async function getFrequencyCap(store: Store, accountId: string): Promise<FrequencyCap> {
  await requireAccount(store, accountId);
  return (await store.getFrequencyCap(accountId)) ?? DEFAULT_FREQUENCY_CAP;
}

/** Replaces the account's cap. @throws DomainError `not_found` */
export async function setFrequencyCap(store: Store, clock: Clock, accountId: string, cap: FrequencyCap): Promise<FrequencyCap> {
  await requireAccount(store, accountId);
  return store.putFrequencyCap(accountId, cap, clock.now());
}

/**
 * Normalises a WhatsApp recipient ("+1 415 555 0100", "14155550100") to its E.164 digits
 * ("14155550100"), the form of Meta's `wa_id`; null when it is not a possible phone number.
 */
export function normalizeRecipient(text: string): string | null {
  const compact = text.trim().replace(/[\s().-]/g, '');
  if (!/^\+?\d{6,15}$/.test(compact)) return null;
  const number = parseInternationalNumber(compact.startsWith('+') ? compact.slice(1) : compact);
  return number?.possible ? number.digits : null;
}

/**
 * Checks a marketing send against the account's cap and, when allowed, records it — atomically,
 * so that concurrent checks for one recipient never admit more than the cap. A send is recorded
 * even while the cap is off, so that turning it on takes recent history into account.
 * @throws DomainError `invalid` (`invalid_recipient`) or `not_found`
 */
export async function checkMarketingSend(
  store: Store,
  clock: Clock,
  accountId: string,
  recipientText: string,
): Promise<MarketingSendDecision> {
  await requireAccount(store, accountId);
  const recipient = requireRecipient(recipientText);
  const at = clock.now();
  return store.checkMarketingSend({ accountId, recipient, at, pruneBefore: new Date(at.getTime() - RETENTION_MS) }, slidingWindow(at));
}

/**
 * Counts a delivered marketing message (called by the webhook handler), so that sends that
 * bypassed the check still count. Idempotent per message id. A delivery first claims the
 * recipient's oldest check of the last 24 h (up to a few seconds after the delivery's whole-second
 * timestamp) not yet claimed — that check was this send — and
 * only adds a send when there is none, so a checked-then-delivered message counts once. Meta
 * delivered to the recipient, so a `wa_id` our phone metadata finds odd is counted as its digits
 * rather than refused.
 * @throws DomainError `invalid` (`invalid_recipient`) for something that is no `wa_id` at all
 */
export async function recordMarketingDelivery(
  store: Store,
  delivery: { accountId: string; recipient: string; messageId: string; at: Date },
): Promise<MarketingDeliveryOutcome> {
  return store.recordMarketingDelivery(marketingDeliveryOf(delivery) ?? invalidRecipient(delivery.recipient));
}

/**
 * The {@link MarketingDelivery} that counts a delivered marketing message (see
 * {@link recordMarketingDelivery}), for a caller that records it in its own transaction; null when
 * the recipient is no `wa_id` at all.
 */
export function marketingDeliveryOf(delivery: {
  readonly accountId: string;
  readonly recipient: string;
  readonly messageId: string;
  readonly at: Date;
}): MarketingDelivery | null {
  const waId = /^\d{6,15}$/.test(delivery.recipient) ? delivery.recipient : null;
  const recipient = normalizeRecipient(delivery.recipient) ?? waId;
  if (recipient === null) return null;
  return {
    accountId: delivery.accountId,
    recipient,
    messageId: delivery.messageId,
    at: delivery.at,
    claimSince: new Date(delivery.at.getTime() - CLAIM_HORIZON_MS),
    claimUntil: new Date(delivery.at.getTime() + CLAIM_AHEAD_MS),
  };
}

function invalidRecipient(text: string): never {
  requireRecipient(text);
  throw new DomainError('invalid', 'invalid_recipient', `recipient: ${text} is not a phone number`);
}

/** Deletes sends (at most `limit`) too old to count under any cap (for a periodic job). */
export function pruneMarketingSends(store: Store, clock: Clock, limit?: number): Promise<number> {
  return store.pruneMarketingSends(new Date(clock.now().getTime() - RETENTION_MS), limit);
}

function slidingWindow(at: Date): MarketingSendPolicy<MarketingSendDecision> {
  return (stored, window) => {
    const cap = stored ?? DEFAULT_FREQUENCY_CAP;
    if (!cap.enabled) return { record: true, result: { allowed: true, remaining: null, nextAllowedAt: null } };
    const windowMs = cap.windowHours * HOUR_MS;
    const since = new Date(at.getTime() - windowMs);
    const count = window.countSince(since);
    if (count < cap.maxMessages) {
      return { record: true, result: { allowed: true, remaining: cap.maxMessages - count - 1, nextAllowedAt: null } };
    }
    // Allowed again once enough of the oldest sends have left the window for one more to fit.
    const freeing = window.sentAtSince(since, count - cap.maxMessages);
    const nextAllowedAt = freeing ? new Date(freeing.getTime() + windowMs) : null;
    return { record: false, result: { allowed: false, remaining: 0, nextAllowedAt } };
  };
}

function requireRecipient(text: string): string {
  const recipient = normalizeRecipient(text);
  if (recipient === null) {
    throw new DomainError('invalid', 'invalid_recipient', 'recipient: must be a phone number in international format');
  }
  return recipient;
}
