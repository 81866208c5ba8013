import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import { marketOfRecipient } from '../markets/markets.js';
import type { MessageStatusEvent } from '../meta/status-event.js';
import { effectiveRates } from '../pricing/rate-cards.js';
import type { Store } from '../../store/store.js';
import type { MessageCharge } from './message-charge.js';
import { settleMessage } from './settle-message.js';

/**
 * Applies one status webhook event to the account's message record, charging the message once
 * when it is delivered, at the account's effective price at that moment. Repeats are cheap: a
 * settled message is recognised with one read.
 */
export async function recordMessageStatus(
  store: Store,
  clock: Clock,
  account: Account,
  event: MessageStatusEvent,
): Promise<MessageCharge | null> {
  const current = await store.getMessageCharge(account.id, event.wamid);
  if (current?.outcome) return current;
  const { market, country } = current ?? marketOfRecipient(event.recipient);
  const couldSettle = event.status === 'delivered' || event.status === 'read' || event.pricing !== null;
  const prices = couldSettle
    ? new Map((await effectiveRates(store, account, market)).rates.map((rate) => [rate.category, rate.priceMicros]))
    : new Map<string, bigint>();
  const now = clock.now();
  return store.applyMessageStatus(account.id, event.wamid, (latest) =>
    settleMessage(latest, event, { account, now, market, country, prices }),
  );
}
