import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import { marketingDeliveryOf } from '../frequency-cap.js';
import { marketOfRecipient } from '../markets/markets.js';
import type { MessageStatusEvent } from '../meta/status-event.js';
import { effectiveRates } from '../pricing/rate-cards.js';
import type { Store } from '../../store/store.js';
import type { MessageCharge, MessageChargeWrite, MessageStatusUpdate } from './message-charge.js';
import { settleMessage } from './settle-message.js';

/**
 * The account's effective prices per market, read once per batch of statuses; a read in flight is
 * shared by the statuses that ask meanwhile.
 */
export type PriceCache = Map<string, Promise<ReadonlyMap<string, bigint>>>;

/**
 * Prepares one status webhook event for {@link Store.applyMessageStatuses}: the message is charged
 * once when it is delivered, at the account's effective price at that moment, and a delivered
 * marketing message is counted toward the frequency cap in the same transaction. Null when the
 * message is settled already: a repeat costs one read and writes nothing, the frequency cap
 * included.
 */
export async function prepareMessageStatus(
  store: Store,
  clock: Clock,
  account: Account,
  event: MessageStatusEvent,
  prices: PriceCache = new Map(),
): Promise<MessageStatusUpdate | null> {
  const current = await store.getMessageCharge(account.id, event.wamid);
  if (current?.outcome) return null;
  const { market, country } = current ?? marketOfRecipient(event.recipient);
  const couldSettle = event.status === 'delivered' || event.status === 'read' || event.pricing !== null;
  let marketPrices = couldSettle ? prices.get(market) : undefined;
  if (couldSettle && !marketPrices) {
    const reading = effectiveRates(store, account, market).then(({ rates }) => new Map(rates.map((rate) => [rate.category, rate.priceMicros])));
    prices.set(market, reading);
    // A failed read is not remembered: the next status reads again.
    reading.catch(() => prices.get(market) === reading && prices.delete(market));
    marketPrices = reading;
  }
  const now = clock.now();
  const context = { account, now, market, country, prices: marketPrices ? await marketPrices : new Map<string, bigint>() };
  return {
    wamid: event.wamid,
    decide: (latest) => withMarketingDelivery(latest, settleMessage(latest, event, context)),
  };
}

/**
 * Applies one status event on its own (see {@link prepareMessageStatus}); returns the message's
 * record afterwards.
 */
export async function recordMessageStatus(
  store: Store,
  clock: Clock,
  account: Account,
  event: MessageStatusEvent,
): Promise<MessageCharge | null> {
  const update = await prepareMessageStatus(store, clock, account, event);
  if (!update) return store.getMessageCharge(account.id, event.wamid);
  const [outcome] = await store.applyMessageStatuses(account.id, [update]);
  if (!outcome?.ok) throw outcome?.error ?? new Error('the status was not applied');
  return outcome.charge;
}

function withMarketingDelivery(current: MessageCharge | null, write: MessageChargeWrite | null): MessageChargeWrite | null {
  if (!write || countsTowardCap(current) || !countsTowardCap(write.charge)) return write;
  const { charge } = write;
  const marketingDelivery = marketingDeliveryOf({
    accountId: charge.accountId,
    recipient: charge.recipient,
    messageId: charge.wamid,
    at: charge.deliveredAt ?? charge.updatedAt,
  });
  return { ...write, marketingDelivery };
}

/** Marketing deliveries count toward the frequency cap, even when the host skipped the check. */
function countsTowardCap(charge: MessageCharge | null): boolean {
  return charge?.deliveredAt != null && charge.category?.startsWith('marketing') === true;
}
