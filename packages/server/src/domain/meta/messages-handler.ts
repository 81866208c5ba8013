import type { Clock } from '../clock.js';
import { recordMessageStatus } from '../billing/record-status.js';
import { recordMarketingDelivery } from '../frequency-cap.js';
import type { Store } from '../../store/store.js';
import { isTransientStoreError } from '../../store/store.js';
import { MessagesValueSchema, StatusSchema, toMessageStatusEvent } from './status-event.js';
import type { ChangeHandler } from './webhook-change.js';
import { InvalidChangeError } from './webhook-change.js';

const PRUNE_EVERY_MS = 10 * 60 * 1000;
/** Usage recipients older than this can no longer count in any window the usage endpoint shows. */
export const USAGE_KEPT_MS = 48 * 3600 * 1000;

/** What the `messages` handler needs. */
export interface MessagesHandlerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logError?: ((message: string, error: unknown) => void) | undefined;
}

/**
 * Handles `messages` changes: each `statuses[]` item charges and counts its message (inbound
 * `messages[]` carry nothing to bill). The account is the one of `metadata.phone_number_id`; an
 * unknown number is counted as `unmatched_phone_number_id`. A status that fails validation or
 * processing is counted and skipped without losing its neighbours. Usage older than 48 h is
 * pruned at most every 10 minutes, so the usage tables stay small.
 */
export function messagesChangeHandler({ store, clock, logError = console.error }: MessagesHandlerDeps): ChangeHandler {
  let lastPruneAt = -Infinity;
  return async function handleMessagesChange(change) {
    const parsed = MessagesValueSchema.safeParse(change.value);
    if (!parsed.success) throw new InvalidChangeError(`messages: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
    const { metadata, statuses = [] } = parsed.data;
    if (statuses.length === 0) return;
    const account = await store.findAccountByPhoneNumberId(metadata.phone_number_id);
    if (!account) {
      await store.countWebhookEvent('unmatched_phone_number_id', metadata.phone_number_id, change.receivedAt);
      return;
    }
    let transient: unknown;
    for (const item of statuses) {
      const status = StatusSchema.safeParse(item);
      if (!status.success) {
        await store.countWebhookEvent('invalid_status', 'messages', change.receivedAt);
        continue;
      }
      try {
        const charge = await recordMessageStatus(store, clock, account, toMessageStatusEvent(status.data));
        // Marketing deliveries count toward the frequency cap even when the host skipped the check.
        if (charge?.deliveredAt && charge.category?.startsWith('marketing')) {
          await recordMarketingDelivery(store, {
            accountId: account.id,
            recipient: charge.recipient,
            messageId: charge.wamid,
            at: charge.deliveredAt,
          });
        }
      } catch (error) {
        logError(`webhook: status ${status.data.status} of ${status.data.id} failed`, error);
        if (isTransientStoreError(error)) transient ??= error;
        else await store.countWebhookEvent('status_error', 'messages', change.receivedAt);
      }
    }
    // Every status is idempotent by message id, so Meta may safely redeliver the whole change.
    if (transient) throw transient;
    const now = clock.now().getTime();
    if (now - lastPruneAt >= PRUNE_EVERY_MS) {
      lastPruneAt = now;
      await store.pruneUsage(new Date(now - USAGE_KEPT_MS));
    }
  };
}
