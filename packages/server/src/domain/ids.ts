import { hash, randomBytes, randomFillSync } from 'node:crypto';

const ID_BYTES = 16;
/**
 * Random bytes for 256 ids, refilled when used up: one call into the CSPRNG per 256 ids instead of
 * one per id (the way `crypto.randomUUID` buffers). Every byte is handed out once.
 */
const pool = Buffer.alloc(ID_BYTES * 256);
let poolOffset = pool.length;

/** Creates an opaque, unguessable id such as `acc_2fQm…` (128 random bits, base64url). */
export function newId(prefix: string): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const start = poolOffset;
  poolOffset += ID_BYTES;
  return `${prefix}_${pool.toString('base64url', start, poolOffset)}`;
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
