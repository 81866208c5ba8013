const BASE_DELAY_MS = 10_000;
const MAX_DELAY_MS = 3_600_000;
const JITTER = 0.2;

/**
 * The wait before the next attempt after `attempts` failed ones (a host-event delivery, a webhook
 * from the inbox): 10 s × 2^(attempts−1), capped at 1 h, plus up to 20 % random jitter (never less
 * than the nominal delay) so that what failed together, in an outage, is not all tried again at the
 * same instant.
 * @param random a number in [0, 1): `Math.random` in production, fixed in tests
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  const nominal = exponent >= 20 ? MAX_DELAY_MS : Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** exponent);
  return nominal + Math.floor(nominal * JITTER * random());
}
