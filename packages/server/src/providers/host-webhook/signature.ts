import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a signature's timestamp may be before a host should refuse it, in seconds. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The `WA-Signature` header of a host-event delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>" keyed with WA_HOST_WEBHOOK_SECRET>`.
 *
 * How a host verifies a delivery:
 * 1. read the raw body as bytes (before any JSON parsing) and the `t` and `v1` parts of the header;
 * 2. recompute the HMAC-SHA256 of `"<t>.<raw body>"` with the shared secret, hex-encoded;
 * 3. compare it with `v1` in constant time (`crypto.timingSafeEqual`), refusing on mismatch;
 * 4. refuse timestamps more than 5 minutes away from its own clock (a replayed old delivery);
 * 5. de-duplicate by the event id (`WA-Event-Id`, also `id` in the body): a delivery may arrive more
 *    than once, e.g. when the host's 2xx was lost. Answer 2xx quickly; anything else is retried.
 * {@link verifyHostEventSignature} does 1–4 for hosts running Node.
 */
export function hostEventSignature(secret: string, rawBody: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmacHex(secret, `${unixSeconds}.${rawBody}`)}`;
}

/** Whether `header` is a valid signature of `rawBody`, made within the tolerance of `nowSeconds`. */
export function verifyHostEventSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds: number = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  if (!header) return false;
  const parts = header.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]);
  const timestamp = parts.find(([key]) => key === 't')?.[1];
  if (!timestamp || !/^\d+$/.test(timestamp)) return false;
  const t = Number(timestamp);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, `${t}.${rawBody}`), 'utf8');
  return parts.some(([key, value]) => {
    if (key !== 'v1' || value === undefined) return false;
    const given = Buffer.from(value, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

function hmacHex(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
}
