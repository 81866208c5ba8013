import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signature's timestamp may be from now: replays of older bodies are refused. */
export const SANDBOX_SIGNATURE_TOLERANCE_S = 300;

/** The `Sandbox-Signature` header of a body: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function sandboxSignature(secret: string, rawBody: string | Uint8Array, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, t, rawBody)}`;
}

/** Whether `header` signs `rawBody` with `secret` at a time within the tolerance of `now`. */
export function isValidSandboxSignature(secret: string, rawBody: Uint8Array, header: string | undefined, now: Date): boolean {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const t = Number(match[1]);
  if (Math.abs(now.getTime() / 1000 - t) > SANDBOX_SIGNATURE_TOLERANCE_S) return false;
  return timingSafeEqual(Buffer.from(match[2] ?? '', 'hex'), Buffer.from(hmac(secret, t, rawBody), 'hex'));
}

function hmac(secret: string, t: number, rawBody: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest('hex');
}
