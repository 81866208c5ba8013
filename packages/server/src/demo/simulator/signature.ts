import { createHmac } from 'node:crypto';

/** Meta's `X-Hub-Signature-256` value for a raw body: `sha256=` and the hex HMAC-SHA256 keyed with the app secret. */
export function metaSignature(appSecret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody, 'utf8').digest('hex')}`;
}
