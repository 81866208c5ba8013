import { z } from 'zod';

/**
 * The outer shape of a Meta webhook. Loose on purpose: Meta adds fields without notice, and a
 * change's `value` is left to its handler so one odd change cannot reject the batch.
 */
export const MetaWebhookEnvelopeSchema = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      changes: z.array(z.unknown()).default([]),
    }),
  ),
});

/** A webhook as {@link MetaWebhookEnvelopeSchema} reads it. */
export type MetaWebhookEnvelope = z.infer<typeof MetaWebhookEnvelopeSchema>;

/** A change as the dispatcher needs it; anything else in it is ignored. */
export const MetaChangeSchema = z.looseObject({ field: z.string().min(1), value: z.unknown() });

/** The `object` of WhatsApp Business Account webhooks. */
export const WHATSAPP_OBJECT = 'whatsapp_business_account';
