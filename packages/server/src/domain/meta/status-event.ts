import { z } from 'zod';

/** Meta's message statuses; anything else (`played`, future ones) only refreshes the record. */
export type MessageStatus = 'sent' | 'delivered' | 'read' | 'failed' | (string & {});

/** `statuses[].pricing`: present on `sent` and on one of `delivered`/`read`, never on `failed`. */
export const PricingSchema = z.looseObject({
  billable: z.boolean().optional(),
  pricing_model: z.string().optional(),
  type: z.string().optional(),
  category: z.string().optional(),
});

/** One `statuses[]` item of a `messages` change. */
export const StatusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: z.union([z.string(), z.number()]).optional(),
  recipient_id: z.string().min(1),
  recipient_type: z.string().optional(),
  recipient_participant_id: z.string().optional(),
  pricing: PricingSchema.optional(),
});

/** The `value` of a `messages` change as far as billing reads it (inbound `messages[]` are ignored). */
export const MessagesValueSchema = z.looseObject({
  metadata: z.looseObject({ phone_number_id: z.string().min(1), display_phone_number: z.string().optional() }),
  statuses: z.array(z.unknown()).optional(),
});

/** A status item, validated. */
export type StatusJson = z.infer<typeof StatusSchema>;

/** A status event as the billing domain sees it. */
export interface MessageStatusEvent {
  readonly wamid: string;
  readonly status: MessageStatus;
  /** Meta's timestamp, or null when absent or unreadable. */
  readonly at: Date | null;
  /** The user number (for a group message, the participant's). */
  readonly recipient: string;
  readonly isGroup: boolean;
  readonly pricing: { readonly type: string | null; readonly category: string | null; readonly billable: boolean | null } | null;
}

/** Maps a validated status item to a {@link MessageStatusEvent}. */
export function toMessageStatusEvent(status: StatusJson): MessageStatusEvent {
  const seconds = typeof status.timestamp === 'number' ? status.timestamp : Number(status.timestamp);
  const isGroup = status.recipient_type === 'group';
  return {
    wamid: status.id,
    status: status.status,
    at: Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : null,
    recipient: isGroup ? (status.recipient_participant_id ?? status.recipient_id) : status.recipient_id,
    isGroup,
    pricing: status.pricing
      ? {
          type: status.pricing.type ?? null,
          category: status.pricing.category ?? null,
          billable: status.pricing.billable ?? null,
        }
      : null,
  };
}
