import { createHmac } from 'node:crypto';
import { hashSecret } from '../ids.js';
import type { PaymentLink } from './payment.js';

/**
 * The tokens of payment links. A token is the HMAC-SHA256 of the link's id under a server key
 * (256 bits, base64url: 43 characters), and only its SHA-256 is stored, like a session secret's:
 * a copy of the database alone pays no link, yet the server can show a link's URL again (the open
 * links list) by deriving its token once more.
 */
export interface LinkTokens {
  /** The token of a new link. */
  tokenFor(linkId: string): string;
  /** The token in the link's URL, or null when this key did not make it (a key change, a link stored before 0007). */
  tokenOf(link: PaymentLink): string | null;
}

/** Link tokens under `key`: a server secret (by default derived from the partner secret key). */
export function linkTokens(key: string): LinkTokens {
  const tokenFor = (linkId: string) => createHmac('sha256', key).update(`payment-link:${linkId}`).digest('base64url');
  return {
    tokenFor,
    tokenOf(link) {
      const token = tokenFor(link.id);
      return hashLinkToken(token) === link.tokenHash ? token : null;
    },
  };
}

/** What is stored and looked up instead of a token. */
export function hashLinkToken(token: string): string {
  return hashSecret(token);
}
