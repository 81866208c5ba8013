import { yieldTurn } from '../../per-turn.js';
import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import type { PriceCache } from '../billing/record-status.js';
import { prepareMessageStatus } from '../billing/record-status.js';
import type { MessageStatusUpdate } from '../billing/message-charge.js';
import type { Store } from '../../store/store.js';
import { isTransientStoreError } from '../../store/store.js';
import { MessagesValueSchema, StatusSchema, toMessageStatusEvent } from './status-event.js';
import type { ChangeHandler } from './webhook-change.js';
import { InvalidChangeError } from './webhook-change.js';
import { turnMap } from '../../per-turn.js';

/** Usage recipients older than this can no longer count in any window the usage endpoint shows. */
export const USAGE_KEPT_MS = 48 * 3600 * 1000;

/**
 * Statuses applied per transaction. Between chunks the handler yields to the event loop, so a
 * 3 MB webhook (some fifteen thousand statuses) holds other requests for a chunk's time at most:
 * about 10 ms here for 20 statuses, where 100 took 50 ms and more on a busy machine.
 */
export const STATUS_CHUNK = 20;

/** What the `messages` handler needs. */
export interface MessagesHandlerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logError?: ((message: string, error: unknown) => void) | undefined;
}

/**
 * Handles `messages` changes: each `statuses[]` item charges and counts its message (inbound
 * `messages[]` carry nothing to bill). The account is the one of `metadata.phone_number_id`; an
 * unknown number is counted as `unmatched_phone_number_id`. The statuses of a change are applied in
 * one transaction per {@link STATUS_CHUNK}, each in its own savepoint: a status that fails
 * validation or processing is counted and skipped without losing its neighbours. Usage is pruned
 * by the pruner (domain/retention) on its timer, never here.
 */
export function messagesChangeHandler({ store, clock, logError = console.error }: MessagesHandlerDeps): ChangeHandler {
  const reads = turnReads(store);
  return async function handleMessagesChange(change) {
    const parsed = MessagesValueSchema.safeParse(change.value);
    if (!parsed.success) throw new InvalidChangeError(`messages: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
    const { metadata, statuses = [] } = parsed.data;
    if (statuses.length === 0) return;
    const account = await reads.account(metadata.phone_number_id);
    if (!account) {
      await store.countWebhookEvent('unmatched_phone_number_id', metadata.phone_number_id, change.receivedAt);
      return;
    }
    const prices = reads.prices(account.id);
    let transient: unknown;
    for (let start = 0; start < statuses.length; start += STATUS_CHUNK) {
      if (start > 0) await yieldTurn();
      const updates: { update: MessageStatusUpdate; label: string }[] = [];
      for (const item of statuses.slice(start, start + STATUS_CHUNK)) {
        const status = StatusSchema.safeParse(item);
        if (!status.success) {
          await store.countWebhookEvent('invalid_status', 'messages', change.receivedAt);
          continue;
        }
        const label = `${status.data.status} of ${status.data.id}`;
        try {
          const update = await prepareMessageStatus(store, clock, account, toMessageStatusEvent(status.data), prices);
          if (update) updates.push({ update, label });
        } catch (error) {
          logError(`webhook: status ${label} failed`, error);
          if (isTransientStoreError(error)) transient ??= error;
          else await store.countWebhookEvent('status_error', 'messages', change.receivedAt);
        }
      }
      try {
        const outcomes = await store.applyMessageStatuses(account.id, updates.map(({ update }) => update));
        for (const [index, outcome] of outcomes.entries()) {
          if (outcome.ok) continue;
          logError(`webhook: status ${updates[index]?.label ?? ''} failed`, outcome.error);
          if (isTransientStoreError(outcome.error)) transient ??= outcome.error;
          else await store.countWebhookEvent('status_error', 'messages', change.receivedAt);
        }
      } catch (error) {
        // The transaction itself failed: nothing of this chunk was written.
        logError(`webhook: ${updates.length} statuses of ${metadata.phone_number_id} failed`, error);
        if (isTransientStoreError(error)) transient ??= error;
        else for (const _ of updates) await store.countWebhookEvent('status_error', 'messages', change.receivedAt);
      }
    }
    // Every status is idempotent by message id, so Meta may safely redeliver the whole change.
    if (transient) throw transient;
  };
}

/**
 * Reads shared by the webhooks handled in one turn of the event loop, which the store commits
 * together (group commit): the account of a phone number id and the account's prices, read once
 * for all of them instead of once per request, and forgotten at the end of the turn. A status is
 * priced as read just before its commit either way; this only widens "just before" from one
 * request to one turn (milliseconds). Nothing outlives the turn, so another instance's change is
 * seen by the next one.
 */
function turnReads(store: Store) {
  const accounts = turnMap<string, Promise<Account | null>>();
  const prices = turnMap<string, PriceCache>();
  return {
    account(phoneNumberId: string): Promise<Account | null> {
      return accounts.get(phoneNumberId, () => {
        const read = store.findAccountByPhoneNumberId(phoneNumberId);
        // A failed read is not remembered: the next webhook reads again.
        read.catch(() => accounts.forget(phoneNumberId, read));
        return read;
      });
    },
    prices: (accountId: string): PriceCache => prices.get(accountId, () => new Map()),
  };
}
