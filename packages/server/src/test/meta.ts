import { metaSignature } from '../domain/meta/signature.js';
import type { JsonResponse, TestApp } from './harness.js';
import { META_APP_SECRET } from './harness.js';

/** The WABA id of Meta's examples. */
export const WABA_ID = '102290129340398';

/** `pricing` of a status webhook. */
export interface PricingJson {
  type?: string;
  category?: string;
  billable?: boolean;
  pricing_model?: string;
}

/** A `statuses[]` item as Meta sends it; `at` becomes the Unix-seconds `timestamp`. */
export function statusItem(
  wamid: string,
  status: string,
  recipient: string,
  pricing?: PricingJson,
  at?: Date,
): Record<string, unknown> {
  return {
    id: wamid,
    status,
    ...(at ? { timestamp: String(Math.floor(at.getTime() / 1000)) } : {}),
    recipient_id: recipient,
    ...(pricing ? { pricing: { pricing_model: 'PMP', ...pricing } } : {}),
  };
}

/** A `messages` change carrying `statuses` for the number `phoneNumberId`. */
export function statusChange(phoneNumberId: string, statuses: unknown[]): Record<string, unknown> {
  return {
    value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
      statuses,
    },
    field: 'messages',
  };
}

/** A whole webhook: one entry holding `changes`. */
export function webhook(changes: unknown[], wabaId = WABA_ID): Record<string, unknown> {
  return { object: 'whatsapp_business_account', entry: [{ id: wabaId, changes }] };
}

/** POSTs a body to /webhooks/meta signed with `secret` (the test app's by default; null: unsigned). */
export function postWebhook(t: TestApp, body: unknown, secret: string | null = META_APP_SECRET): Promise<JsonResponse> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (secret !== null) headers['X-Hub-Signature-256'] = metaSignature(secret, raw);
  return t.raw('POST', '/webhooks/meta', raw, headers);
}

/** Regular (billable) pricing of `category`. */
export const regular = (category: string): PricingJson => ({ billable: true, type: 'regular', category });
