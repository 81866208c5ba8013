import type { Clock } from './clock.js';
import type { RateLimitCounts, RateLimitStore } from '../store/rate-limit-store.js';

/** At most `limit` hits per `windowMs`, estimated over a sliding window. */
export interface RateLimitRule {
  readonly limit: number;
  readonly windowMs: number;
}

/** The limited actions, each counted per subject (an account, a link, a client address). */
export type RateLimitName = 'session_mint' | 'topup_create' | 'link_create' | 'pay_page' | 'pay_checkout';

/** Rules per action; `null` turns one off. */
export type RateLimitRules = Readonly<Record<RateLimitName, RateLimitRule | null>>;

/**
 * Generous for people, tight for loops and scripts: a page mints a session per load, a customer
 * opens a few top-ups or links a minute, a payer views a page a few times; each checkout attempt
 * on a link costs a call to the payment provider.
 */
export const DEFAULT_RATE_LIMITS: RateLimitRules = {
  session_mint: { limit: 120, windowMs: 60_000 }, // per account
  topup_create: { limit: 10, windowMs: 60_000 }, // per account
  link_create: { limit: 30, windowMs: 60_000 }, // per account
  pay_page: { limit: 60, windowMs: 60_000 }, // per client address
  pay_checkout: { limit: 10, windowMs: 600_000 }, // per payment link
};

/** A hit over its limit: the caller may try again after `retryAfterSeconds`. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';

  constructor(
    readonly rule: RateLimitName,
    readonly retryAfterSeconds: number,
  ) {
    super(`too many requests; try again in ${retryAfterSeconds} s`);
  }
}

/**
 * Counts a hit of `name` for `subject` in the database (shared by every instance) and throws
 * {@link RateLimitedError} when it is over the rule. The estimate is the current fixed window's hits
 * plus the previous window's, weighted by how much of it the sliding window still covers.
 */
export async function enforceRateLimit(
  store: RateLimitStore,
  clock: Clock,
  rules: RateLimitRules,
  name: RateLimitName,
  subject: string,
): Promise<void> {
  const rule = rules[name];
  if (!rule) return;
  const now = clock.now().getTime();
  const windowStartMs = now - (now % rule.windowMs);
  const elapsed = now - windowStartMs;
  const { admitted, counts } = await store.takeRateLimitHit(
    { bucket: `${name}:${subject}`, windowStartMs, windowMs: rule.windowMs },
    (seen) => estimate(seen, elapsed, rule) + 1 <= rule.limit,
  );
  if (!admitted) throw new RateLimitedError(name, retryAfterSeconds(counts, elapsed, rule));
}

function estimate({ previous, current }: RateLimitCounts, elapsed: number, rule: RateLimitRule): number {
  return previous * (1 - elapsed / rule.windowMs) + current;
}

/** When one more hit would fit: within this window if the previous one's weight is what blocks, else in the next. */
export function retryAfterSeconds(counts: RateLimitCounts, elapsed: number, rule: RateLimitRule): number {
  const { previous, current } = counts;
  const windowMs = rule.windowMs;
  let waitMs: number;
  if (current + 1 <= rule.limit && previous > 0) {
    // previous·(1 − e/W) + current + 1 ≤ limit  ⇔  e ≥ W·(1 − (limit − current − 1)/previous)
    waitMs = windowMs * (1 - (rule.limit - current - 1) / previous) - elapsed;
  } else {
    // In the next window this one's hits become "previous": current·(1 − e/W) + 1 ≤ limit.
    const into = current > 0 ? windowMs * Math.max(0, 1 - (rule.limit - 1) / current) : 0;
    waitMs = windowMs - elapsed + into;
  }
  return Math.max(1, Math.ceil(waitMs / 1000));
}
