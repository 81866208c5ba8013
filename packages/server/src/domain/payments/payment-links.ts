import { randomBytes } from 'node:crypto';
import { requireAccount } from '../accounts.js';
import { DomainError } from '../errors.js';
import { newId } from '../ids.js';
import type { Money } from '../money.js';
import type { Account } from '../accounts.js';
import { checkAmount } from './amount-rules.js';
import type { Payment, PaymentLink, PaymentLinkStatus } from './payment.js';
import { linkStatusAt } from './payment.js';
import type { PaymentsDeps } from './payments-service.js';
import { CHECKOUT_TTL_MS, openCheckout } from './payments-service.js';
import { checkoutReturnUrls } from './topups.js';
import type { Clock } from '../clock.js';
import type { Store } from '../../store/store.js';

/** Bounds of a link's lifetime, in hours. */
export const LINK_EXPIRY_HOURS = { default: 72, min: 1, max: 720 } as const;
/** Longest note, in characters. */
export const LINK_NOTE_MAX = 200;
/** How many links `GET /v1/payment-links` shows. */
export const LINK_LIST_LIMIT = 50;

/** What a caller asks for when creating a link. */
export interface NewPaymentLinkInput {
  readonly amount: Money;
  readonly expiresInHours?: number | undefined;
  readonly note?: string | null | undefined;
}

/** A link's token: 32 random bytes (256 bits), base64url. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Creates an open payment link; the amount follows the same rules as a top-up.
 * @throws DomainError `invalid` (amount rules), `not_found`
 */
export async function createPaymentLink(store: Store, clock: Clock, accountId: string, input: NewPaymentLinkInput): Promise<PaymentLink> {
  const account = await requireAccount(store, accountId);
  const amountMicros = checkAmount(account.currency, input.amount);
  const now = clock.now();
  const note = input.note?.trim() ? input.note.trim() : null;
  const link: PaymentLink = {
    id: newId('pl'),
    accountId,
    token: newLinkToken(),
    amountMicros,
    currency: account.currency,
    note,
    status: 'open',
    createdAt: now,
    expiresAt: new Date(now.getTime() + (input.expiresInHours ?? LINK_EXPIRY_HOURS.default) * 3_600_000),
    paidAt: null,
    cancelledAt: null,
    ledgerEntryId: null,
  };
  await store.createPaymentLink(link);
  return link;
}

/**
 * Cancels an account's link; cancelling a cancelled (or expired) link changes nothing.
 * @throws DomainError `not_found` (unknown or another account's), `conflict` `payment_link_paid`
 */
export async function cancelPaymentLink(store: Store, clock: Clock, accountId: string, id: string): Promise<PaymentLink> {
  const existing = await store.getPaymentLink(id);
  if (!existing || existing.accountId !== accountId) {
    throw new DomainError('not_found', 'payment_link_not_found', `payment link ${id} does not exist`);
  }
  const link = (await store.cancelPaymentLink(id, clock.now())) ?? existing;
  if (link.status === 'paid') throw new DomainError('conflict', 'payment_link_paid', 'the payment link has already been paid');
  return link;
}

/** A link as its hosted page shows it. */
export interface HostedLink {
  readonly link: PaymentLink;
  readonly account: Account;
  readonly status: PaymentLinkStatus;
}

/** The link behind a token, with its payee and current status; null for an unknown token. */
export async function findHostedLink(store: Store, clock: Clock, token: string): Promise<HostedLink | null> {
  const link = await store.findPaymentLinkByToken(token);
  if (!link) return null;
  const account = await requireAccount(store, link.accountId);
  return { link, account, status: linkStatusAt(link, clock.now()) };
}

/**
 * Starts paying an open link: reuses its open checkout if there is one (so a page reloaded or
 * submitted twice does not open two), otherwise opens one with the provider.
 * @throws DomainError `unavailable` when the provider cannot be reached
 */
export async function startLinkCheckout(deps: PaymentsDeps, hosted: HostedLink, baseUrl: string): Promise<Payment> {
  const { link, account } = hosted;
  const now = deps.clock.now();
  const open = await deps.store.findOpenLinkPayment(link.id, now);
  if (open && open.provider === deps.provider.name) return open;
  return openCheckout(
    deps,
    { id: newId('pay'), accountId: link.accountId, purpose: 'payment_link', linkId: link.id, amountMicros: link.amountMicros, currency: link.currency },
    {
      description: link.note ? `${account.name}: ${link.note}` : `Payment to ${account.name}`,
      successUrl: checkoutReturnUrls(baseUrl).successUrl,
      cancelUrl: `${baseUrl}/pay/${link.token}`,
      expiresAt: new Date(Math.min(now.getTime() + CHECKOUT_TTL_MS, Math.max(link.expiresAt.getTime(), now.getTime() + 3_600_000))),
    },
  );
}
