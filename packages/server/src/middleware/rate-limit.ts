import type { Context, Env, MiddlewareHandler } from 'hono';
import type { Clock } from '../domain/clock.js';
import type { RateLimitName, RateLimitRules } from '../domain/rate-limits.js';
import { enforceRateLimit } from '../domain/rate-limits.js';
import type { RateLimitStore } from '../store/rate-limit-store.js';

/** The app's rate limits, counted in the database; over a limit is `429 rate_limited` with `Retry-After`. */
export interface RateLimiter {
  /** Counts a hit of `name` for `subject`; throws `RateLimitedError` when over the limit. */
  enforce(name: RateLimitName, subject: string): Promise<void>;
  /** A middleware that counts a hit for the subject `subjectOf` reads from the (authenticated) request. */
  middleware<E extends Env>(name: RateLimitName, subjectOf: (c: Context<E>) => string): MiddlewareHandler<E>;
}

/** Builds the {@link RateLimiter} of an app. */
export function createRateLimiter(store: RateLimitStore, clock: Clock, rules: RateLimitRules): RateLimiter {
  const enforce = (name: RateLimitName, subject: string) => enforceRateLimit(store, clock, rules, name, subject);
  return {
    enforce,
    middleware<E extends Env>(name: RateLimitName, subjectOf: (c: Context<E>) => string): MiddlewareHandler<E> {
      return async function rateLimit(c, next) {
        await enforce(name, subjectOf(c));
        await next();
      };
    },
  };
}
