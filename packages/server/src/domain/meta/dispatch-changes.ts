import { yieldTurn } from '../../per-turn.js';
import type { WebhookObserver } from '../../ops/metrics.js';
import { metaEventTimes } from '../../ops/meta-event-times.js';
import type { Store } from '../../store/store.js';
import { isTransientStoreError } from '../../store/store.js';
import type { MetaWebhookEnvelope } from './envelope.js';
import { MetaChangeSchema } from './envelope.js';
import type { ChangeHandlers } from './webhook-change.js';
import { InvalidChangeError } from './webhook-change.js';

/** Lag observations per turn of the event loop, for a change of many events. */
const LAGS_PER_TURN = 1_000;

/** What {@link dispatchChanges} needs. */
export interface ChangeDispatchDeps {
  readonly store: Store;
  /** Handlers by `changes[].field`; other fields are counted as `unhandled_field`. */
  readonly handlers: ChangeHandlers;
  readonly logError: (message: string, error: unknown) => void;
  readonly observe: WebhookObserver;
}

/** How the changes of one webhook went. */
export interface DispatchResult {
  /** Changes in the webhook, applied or not. */
  readonly received: number;
  /**
   * A change failed on a busy database, the one failure that trying again cures: the whole webhook
   * should be applied again (every change is idempotent, so what went through is not applied twice).
   */
  readonly retryLater: boolean;
}

/**
 * Hands every change of every entry of a WhatsApp Business Account webhook to its field's
 * handler. A change that fails is logged and counted (`webhook_stats`) and the others still run;
 * one that failed on a busy database makes the result `retryLater`.
 */
export async function dispatchChanges(
  { store, handlers, logError, observe }: ChangeDispatchDeps,
  envelope: MetaWebhookEnvelope,
  receivedAt: Date,
): Promise<DispatchResult> {
  let received = 0;
  let retryLater = false;
  for (const entry of envelope.entry) {
    for (const item of entry.changes) {
      received += 1;
      const change = MetaChangeSchema.safeParse(item);
      if (!change.success) {
        await store.countWebhookEvent('invalid_change', '', receivedAt);
        observe.outcome('', 'invalid_change');
        continue;
      }
      const { field, value } = change.data;
      await observeLags(observe, receivedAt, metaEventTimes(value));
      const handler = Object.hasOwn(handlers, field) ? handlers[field] : undefined;
      if (!handler) {
        await store.countWebhookEvent('unhandled_field', field, receivedAt);
        observe.outcome(field, 'unhandled_field');
        continue;
      }
      try {
        await handler({ wabaId: entry.id, field, value, receivedAt });
        observe.outcome(field, 'handled');
      } catch (error) {
        if (isTransientStoreError(error)) {
          observe.outcome(field, 'retry_later');
          retryLater = true;
          continue;
        }
        const invalid = error instanceof InvalidChangeError;
        if (!invalid) logError(`webhook: a ${field} change of WABA ${entry.id} failed`, error);
        await store.countWebhookEvent(invalid ? 'invalid_change' : 'handler_error', field, receivedAt);
        observe.outcome(field, invalid ? 'invalid_change' : 'handler_error');
      }
    }
  }
  return { received, retryLater };
}

/** Observes the lag of every event (Meta's timestamps, in seconds), a thousand per turn. */
async function observeLags(observe: WebhookObserver, receivedAt: Date, eventSeconds: readonly number[]): Promise<void> {
  const now = receivedAt.getTime() / 1000;
  for (let start = 0; start < eventSeconds.length; start += LAGS_PER_TURN) {
    if (start > 0) await yieldTurn();
    for (const seconds of eventSeconds.slice(start, start + LAGS_PER_TURN)) observe.lag(now - seconds);
  }
}
