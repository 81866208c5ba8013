/** When the outbox stops retrying an event and marks it failed: 3 days after it was created. */
export const HOST_EVENT_GIVE_UP_MS = 3 * 86_400_000;

const BASE_DELAY_MS = 10_000;
const MAX_DELAY_MS = 3_600_000;
const JITTER = 0.2;

/**
 * The wait before the next delivery after `attempts` failed ones: 10 s × 2^(attempts−1), capped at
 * 1 h, plus up to 20 % random jitter (never less than the nominal delay) so that a host coming back
 * from an outage is not hit by every event at the same instant.
 * @param random a number in [0, 1): `Math.random` in production, fixed in tests
 */
export function hostEventRetryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  const nominal = exponent >= 20 ? MAX_DELAY_MS : Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** exponent);
  return nominal + Math.floor(nominal * JITTER * random());
}
