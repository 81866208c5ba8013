import { Hono } from 'hono';
import type { PaymentsDeps } from '../domain/payments/payments-service.js';
import { applyPaymentEvent } from '../domain/payments/settle.js';
import { errorBody } from '../middleware/errors.js';
import { InvalidWebhookError } from '../providers/payments/provider.js';

/**
 * `POST /webhooks/payments/:provider`: the active provider's signed events, verified over the raw
 * bytes before anything is read (400 `invalid_signature`, nothing stored). Any other provider name
 * is 404. Events we do not act on, replays and unknown payments are acknowledged with 200, so the
 * provider stops retrying; a paid payment credits once (see `applyPaymentEvent`). The body is bounded by
 * the app's one body limit (64 KB; a provider's event is a few KB).
 */
export function paymentWebhookRoutes(payments: PaymentsDeps) {
  const router = new Hono();
  router.post(
    '/webhooks/payments/:provider',
    async (c, next) => {
      if (c.req.param('provider') !== payments.provider.name) {
        return c.json(errorBody('not_found', `no payment provider named ${c.req.param('provider')}`), 404);
      }
      await next();
    },
    async (c) => {
      const raw = new Uint8Array(await c.req.arrayBuffer());
      let event;
      try {
        event = await payments.provider.parseWebhook(raw, c.req.raw.headers);
      } catch (error) {
        if (error instanceof InvalidWebhookError) return c.json(errorBody('invalid_signature', error.message), 400);
        throw error;
      }
      if (!event) return c.json({ received: true, applied: false }, 200);
      const result = await applyPaymentEvent(payments, event);
      return c.json({ received: true, applied: result?.credited ?? false }, 200);
    },
  );
  return router;
}
