import { newId } from '../ids.js';

/** What a host event announces. */
export const HOST_EVENT_TYPES = ['balance.low', 'topup.succeeded', 'payment_link.paid'] as const;

/** One of {@link HOST_EVENT_TYPES}. */
export type HostEventType = (typeof HOST_EVENT_TYPES)[number];

/** A JSON value, as an event's `data` may hold it. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** An event's payload: a JSON object in wire form (money as `{"amount","currency"}`, snake_case keys). */
export type HostEventData = { readonly [key: string]: JsonValue };

/** A fact the partner's backend is told about, through the outbox. */
export interface HostEvent {
  /** `evt_…`; the host de-duplicates by it. */
  readonly id: string;
  readonly type: HostEventType;
  readonly accountId: string;
  readonly data: HostEventData;
  readonly createdAt: Date;
}

/** A host event with its delivery state. */
export interface OutboxHostEvent extends HostEvent {
  /** Deliveries started so far (a claim counts, even if the process died during it). */
  readonly attempts: number;
  /** When it is next due; while claimed, the end of the claim's lease. */
  readonly nextAttemptAt: Date;
  readonly deliveredAt: Date | null;
  /** Set when retrying was given up; the event stays in the outbox for inspection. */
  readonly failedAt: Date | null;
  readonly lastError: string | null;
}

/** Creates a host event with a fresh id. */
export function newHostEvent(type: HostEventType, accountId: string, data: HostEventData, createdAt: Date): HostEvent {
  return { id: newId('evt'), type, accountId, data, createdAt };
}

/**
 * The exact JSON body POSTed to the host: `{"id","type","created_at","account_id","data"}`. The same
 * bytes on every attempt, so a host may also de-duplicate by body.
 */
export function hostEventBody(event: HostEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    created_at: event.createdAt.toISOString(),
    account_id: event.accountId,
    data: event.data,
  });
}
