import { hash, randomBytes } from 'node:crypto';

/** Creates an opaque, unguessable id such as `acc_2fQm…` (128 random bits, base64url). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
}

/** Creates a widget-session client secret: `ws_` and 256 random bits, base64url. */
export function newClientSecret(): string {
  return `ws_${randomBytes(32).toString('base64url')}`;
}

/**
 * The hex SHA-256 of a secret: what is stored and looked up instead of the secret itself. Every
 * widget request hashes its secret; the one-shot `hash` costs a third of a `createHash` object.
 */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}
