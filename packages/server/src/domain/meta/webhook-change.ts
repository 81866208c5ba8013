/** One `entry[].changes[]` item of a Meta webhook, with the WABA id of its entry. */
export interface WebhookChange {
  /** `entry[].id`: the WhatsApp Business Account id. */
  readonly wabaId: string;
  /** `changes[].field`, e.g. `messages`, `phone_number_quality_update`. */
  readonly field: string;
  /** `changes[].value`, unvalidated: each handler parses what it needs. */
  readonly value: unknown;
  readonly receivedAt: Date;
}

/** Handles the changes of one `field`. It must not throw for malformed input: Meta would retry forever. */
export type WebhookChangeHandler = (change: WebhookChange) => Promise<void>;
