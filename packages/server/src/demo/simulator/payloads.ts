/** The business number a simulated webhook is about. */
export interface SimulatedNumber {
  readonly wabaId: string;
  readonly phoneNumberId: string;
  /** Digits only, as Meta writes it in webhooks (`15550783881`). */
  readonly displayDigits: string;
}

/** Meta's pricing categories the simulator sends. */
export type SimulatedCategory = 'marketing' | 'utility' | 'authentication';

/** One status event of one message. */
export interface SimulatedStatus {
  readonly wamid: string;
  readonly status: 'sent' | 'delivered' | 'read';
  readonly recipientId: string;
  readonly category: SimulatedCategory;
  /** Meta puts `pricing` on `sent` and on one of `delivered` / `read`, never both. */
  readonly withPricing: boolean;
  readonly at: Date;
}

/**
 * A `messages` status webhook as Meta sends it from v24.0 on (no `conversation`), per-message
 * pricing: billable messages are `type: "regular"`.
 */
export function statusWebhook(number: SimulatedNumber, event: SimulatedStatus): object {
  return envelope(number.wabaId, 'messages', {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: number.displayDigits, phone_number_id: number.phoneNumberId },
    statuses: [
      {
        id: event.wamid,
        status: event.status,
        timestamp: unixSeconds(event.at),
        recipient_id: event.recipientId,
        ...(event.withPricing
          ? { pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: event.category } }
          : {}),
      },
    ],
  });
}

/** A `phone_number_quality_update` webhook: the number named only by its display digits. */
export function qualityUpdateWebhook(
  number: SimulatedNumber,
  change: { event: string; tier: string; oldTier: string | null; at: Date },
): object {
  return envelope(
    number.wabaId,
    'phone_number_quality_update',
    {
      display_phone_number: number.displayDigits,
      event: change.event,
      ...(change.oldTier ? { old_limit: change.oldTier } : {}),
      current_limit: change.tier,
      max_daily_conversations_per_business: change.tier,
    },
    change.at,
  );
}

function envelope(wabaId: string, field: string, value: object, at?: Date): object {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: wabaId, ...(at ? { time: Number(unixSeconds(at)) } : {}), changes: [{ value, field }] }],
  };
}

function unixSeconds(at: Date): string {
  return String(Math.floor(at.getTime() / 1000));
}
