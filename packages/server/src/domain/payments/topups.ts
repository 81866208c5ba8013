import { requireAccount } from '../accounts.js';
import { DomainError } from '../errors.js';
import { newId } from '../ids.js';
import type { Money } from '../money.js';
import { checkAmount } from './amount-rules.js';
import type { Payment } from './payment.js';
import { paymentStatusAt } from './payment.js';
import type { PaymentsDeps } from './payments-service.js';
import { CHECKOUT_TTL_MS, closeCheckout, openCheckout } from './payments-service.js';

/**
 * Where the payer's browser goes after a checkout: pages of this server at `baseUrl`. A top-up is paid in the
 * widget's popup window, which its success page closes (`?popup=1`); a payment link's payer keeps the page.
 */
export function checkoutReturnUrls(baseUrl: string, { popup = false } = {}) {
  return { successUrl: `${baseUrl}/checkout/complete${popup ? '?popup=1' : ''}`, cancelUrl: `${baseUrl}/checkout/cancelled` };
}

/**
 * Opens a top-up: checks the amount against the currency's rules, opens a checkout with the
 * provider and records the top-up as `pending`. Nothing is credited until the provider's signed
 * webhook says it was paid.
 * @throws DomainError `invalid` (amount rules), `not_found`, `unavailable` (the provider failed)
 */
export async function createTopup(deps: PaymentsDeps, accountId: string, amount: Money, baseUrl: string): Promise<Payment> {
  const account = await requireAccount(deps.store, accountId);
  const amountMicros = checkAmount(account.currency, amount, deps.provider.currencies);
  const now = deps.clock.now();
  return openCheckout(
    deps,
    { id: newId('tu'), accountId, purpose: 'topup', linkId: null, amountMicros, currency: account.currency },
    { description: `Top-up for ${account.name}`, ...checkoutReturnUrls(baseUrl, { popup: true }), expiresAt: new Date(now.getTime() + CHECKOUT_TTL_MS) },
  );
}

/**
 * Reads a top-up of the account; a pending one past its expiry is marked expired on the way.
 * @throws DomainError `not_found` for an unknown id or another account's top-up
 */
export async function getTopup(deps: Pick<PaymentsDeps, 'store' | 'clock'>, accountId: string, id: string): Promise<Payment> {
  let topup = await deps.store.getPayment(id);
  if (!topup || topup.accountId !== accountId || topup.purpose !== 'topup') {
    throw new DomainError('not_found', 'topup_not_found', `top-up ${id} does not exist`);
  }
  const now = deps.clock.now();
  if (topup.status === 'pending' && paymentStatusAt(topup, now) === 'expired') {
    await deps.store.expirePayments(now, [topup.id]);
    topup = (await deps.store.getPayment(id)) ?? topup;
  }
  return topup;
}

/**
 * Abandons a pending top-up (the payer closed the dialog): closes its checkout with the provider
 * and marks it `expired`. A top-up no longer pending is returned as it is; one paid meanwhile is
 * credited as usual.
 * @throws DomainError `not_found` for an unknown id or another account's top-up
 */
export async function abandonTopup(deps: PaymentsDeps, accountId: string, id: string): Promise<Payment> {
  const topup = await getTopup(deps, accountId, id);
  if (topup.status !== 'pending') return topup;
  await closeCheckout(deps, topup);
  return (await deps.store.abandonPayment(topup.id, deps.clock.now())) ?? topup;
}
