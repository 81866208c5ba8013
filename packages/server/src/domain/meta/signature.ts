import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER_PATTERN = /^sha256=([0-9a-f]{64})$/i;

/**
 * Whether `header` (`X-Hub-Signature-256`) is `sha256=<hex HMAC-SHA256(appSecret, rawBody)>`.
 * Computed over the exact bytes received, compared in constant time.
 */
export function isValidMetaSignature(appSecret: string, rawBody: Uint8Array, header: string | undefined): boolean {
  const match = header ? HEADER_PATTERN.exec(header.trim()) : null;
  if (!match?.[1] || !appSecret) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(match[1], 'hex'), expected);
}

/** The `X-Hub-Signature-256` value Meta would send for `rawBody` (used by the simulator and tests). */
export function metaSignature(appSecret: string, rawBody: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
