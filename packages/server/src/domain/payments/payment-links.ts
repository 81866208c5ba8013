import { requireAccount } from '../accounts.js';
import { DomainError } from '../errors.js';
import { newId } from '../ids.js';
import type { Money } from '../money.js';
import type { Account } from '../accounts.js';
import { checkAmount } from './amount-rules.js';
import type { Payment, PaymentLink, PaymentLinkStatus } from './payment.js';
import { linkStatusAt } from './payment.js';
import type { PaymentsDeps } from './payments-service.js';
import { CHECKOUT_TTL_MS, closeCheckout, requestCheckout } from './payments-service.js';
import { hashLinkToken } from './link-tokens.js';
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

/**
 * How long a payer waits for another payer's checkout of the same link to open, and how old a
 * reservation must be before it is taken over (its opener crashed). Longer than the Stripe client's
 * timeout with its one retry.
 */
export const LINK_CHECKOUT_WAIT_MS = 15_000;
export const LINK_RESERVATION_STALE_MS = 60_000;
const POLL_MS = 100;

/**
 * Creates an open payment link; the amount follows the same rules as a top-up.
 * @throws DomainError `invalid` (amount rules), `not_found`
 */
export async function createPaymentLink(deps: PaymentsDeps, accountId: string, input: NewPaymentLinkInput): Promise<PaymentLink> {
  const { store, clock } = deps;
  const account = await requireAccount(store, accountId);
  const amountMicros = checkAmount(account.currency, input.amount, deps.provider.currencies);
  const now = clock.now();
  const note = input.note?.trim() ? input.note.trim() : null;
  const id = newId('pl');
  const link: PaymentLink = {
    id,
    accountId,
    tokenHash: hashLinkToken(deps.linkTokens.tokenFor(id)),
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
 * Cancels an account's link and closes its open checkouts with the provider, so the payer cannot
 * pay after all; cancelling a cancelled (or expired) link changes nothing.
 * @throws DomainError `not_found` (unknown or another account's), `conflict` `payment_link_paid`
 */
export async function cancelPaymentLink(deps: PaymentsDeps, accountId: string, id: string): Promise<PaymentLink> {
  const { store, clock } = deps;
  const existing = await store.getPaymentLink(id);
  if (!existing || existing.accountId !== accountId) {
    throw new DomainError('not_found', 'payment_link_not_found', `payment link ${id} does not exist`);
  }
  const link = (await store.cancelPaymentLink(id, clock.now())) ?? existing;
  if (link.status === 'paid') throw new DomainError('conflict', 'payment_link_paid', 'the payment link has already been paid');
  for (const payment of await store.listPendingLinkPayments(id)) {
    await closeCheckout(deps, payment);
    await store.abandonPayment(payment.id, clock.now());
  }
  return link;
}

/** A link as its hosted page shows it. */
export interface HostedLink {
  readonly link: PaymentLink;
  /** The token it was reached by (only its hash is stored). */
  readonly token: string;
  readonly account: Account;
  readonly status: PaymentLinkStatus;
}

/** The link behind a token, with its payee and current status; null for an unknown token. */
export async function findHostedLink(store: Store, clock: Clock, token: string): Promise<HostedLink | null> {
  const link = await store.findPaymentLinkByTokenHash(hashLinkToken(token));
  if (!link) return null;
  const account = await requireAccount(store, link.accountId);
  return { link, token, account, status: linkStatusAt(link, clock.now()) };
}

/**
 * Starts paying an open link with its one checkout: the open one if there is one (a page reloaded,
 * a form submitted twice, two payers at once), otherwise one opened with the provider under a
 * reservation taken atomically first, so concurrent callers, on any instance, never open two.
 * A caller that finds another's checkout being opened waits for it.
 * @throws DomainError `unavailable` when the provider cannot be reached, `conflict` `payment_link_not_open`
 *   when the link closed meanwhile, `conflict` `payment_link_checkout_pending` when another caller's
 *   checkout did not open in time
 */
export async function startLinkCheckout(deps: PaymentsDeps, hosted: HostedLink, baseUrl: string): Promise<Payment> {
  const { link, account } = hosted;
  const { store, clock } = deps;
  const paymentId = newId('pay');
  // Real time, not the injected clock: this is how long this request waits for another.
  const waitUntil = performance.now() + LINK_CHECKOUT_WAIT_MS;
  for (;;) {
    const now = clock.now();
    const staleBefore = new Date(now.getTime() - LINK_RESERVATION_STALE_MS);
    const found = await store.reserveLinkCheckout(link.id, paymentId, deps.provider.name, now, staleBefore);
    if (found.kind === 'open') return found.payment;
    if (found.kind === 'closed') throw linkNotOpen();
    if (found.kind === 'reserved') break;
    if (performance.now() >= waitUntil) {
      throw new DomainError('conflict', 'payment_link_checkout_pending', 'a checkout for this link is being opened; try again in a moment');
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }

  const now = clock.now();
  let payment: Payment;
  try {
    payment = await requestCheckout(
      deps,
      { id: paymentId, accountId: link.accountId, purpose: 'payment_link', linkId: link.id, amountMicros: link.amountMicros, currency: link.currency },
      {
        description: link.note ? `${account.name}: ${link.note}` : `Payment to ${account.name}`,
        successUrl: checkoutReturnUrls(baseUrl).successUrl,
        cancelUrl: `${baseUrl}/pay/${hosted.token}`,
        expiresAt: new Date(Math.min(now.getTime() + CHECKOUT_TTL_MS, Math.max(link.expiresAt.getTime(), now.getTime() + 3_600_000))),
      },
    );
  } catch (error) {
    await store.releaseLinkCheckout(link.id, paymentId);
    throw error;
  }
  if (await store.fillLinkCheckout(payment, clock.now())) return payment;
  // The link was cancelled (or the reservation taken over) while the provider answered: this
  // checkout must not stay payable.
  await closeCheckout(deps, payment);
  const open = await store.findOpenLinkPayment(link.id, clock.now());
  if (open && open.provider === deps.provider.name) return open;
  throw linkNotOpen();
}

function linkNotOpen(): DomainError {
  return new DomainError('conflict', 'payment_link_not_open', 'the payment link can no longer be paid');
}
