/** One `entry[].changes[]` item of a Meta webhook, with the WABA id of its entry. */
export interface WebhookChange {
  /** `entry[].id`: the WhatsApp Business Account id. */
  readonly wabaId: string;
  /** `changes[].field`, e.g. `messages`, `phone_number_quality_update`. */
  readonly field: string;
  /** `changes[].value`, unvalidated: each handler validates what it reads (permissively). */
  readonly value: unknown;
  /** When our server received the webhook. */
  readonly receivedAt: Date;
}

/**
 * Processes the changes of one `field`. It may throw: the dispatcher logs and counts the failure
 * and goes on with the other changes, and Meta still gets its 200 (a retry would fail the same way).
 * Throw {@link InvalidChangeError} when the value does not have the expected shape.
 */
export type ChangeHandler = (change: WebhookChange) => Promise<void>;

/** Handlers by `changes[].field`. */
export type ChangeHandlers = Readonly<Record<string, ChangeHandler>>;

/** A change whose value is not what its field promises; counted as `invalid_change`. */
export class InvalidChangeError extends Error {
  override readonly name = 'InvalidChangeError';
}
