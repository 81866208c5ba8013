import type { ChangeHandlers } from '../domain/meta/webhook-change.js';
import type { PhoneStatusService } from '../domain/quality/phone-status-service.js';
import { qualityJson, quotaJson } from '../routes/quality-representations.js';
import { QUALITY_HISTORY_LIMIT } from '../routes/quality.js';
import type { Store } from '../store/store.js';
import type { LiveEventBus } from './live-events.js';

/** What {@link publishPhoneStatusChanges} needs. */
export interface PhoneStatusPublishing {
  readonly store: Store;
  readonly phoneStatus: PhoneStatusService;
  readonly bus: LiveEventBus;
  readonly logError: (message: string, error: unknown) => void;
}

/**
 * Wraps quality and limit webhook handlers so that, once a change is handled, every open widget of the
 * WABA's numbers hears the fresh `quality` and `quota` payloads (the same as `GET /v1/quality` and
 * `GET /v1/quota`). Publishing never fails the webhook: a failure is reported and the change stands.
 */
export function publishPhoneStatusChanges(handlers: ChangeHandlers, deps: PhoneStatusPublishing): ChangeHandlers {
  const { store, phoneStatus, bus, logError } = deps;
  const publish = async (wabaId: string) => {
    for (const account of await store.phoneStatus.listAccountsOfWaba(wabaId)) {
      if (!bus.hasSubscribers(account.id)) continue;
      const view = await phoneStatus.read(account, { purpose: 'quality' });
      const history = await store.phoneStatus.listQualityHistory(account.id, QUALITY_HISTORY_LIMIT);
      bus.publish(account.id, { type: 'quality', data: qualityJson(view, history) });
      bus.publish(account.id, { type: 'quota', data: quotaJson(account, view) });
    }
  };
  return Object.fromEntries(
    Object.entries(handlers).map(([field, handle]) => [
      field,
      async (change) => {
        await handle(change);
        try {
          await publish(change.wabaId);
        } catch (error) {
          logError(`publishing the phone status of WABA ${change.wabaId} failed`, error);
        }
      },
    ]),
  );
}
