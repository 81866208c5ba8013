import { createHash, timingSafeEqual } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Hono } from 'hono';
import type { Clock } from '../domain/clock.js';
import { MetaChangeSchema, MetaWebhookEnvelopeSchema, WHATSAPP_OBJECT } from '../domain/meta/envelope.js';
import { isValidMetaSignature } from '../domain/meta/signature.js';
import type { ChangeHandlers } from '../domain/meta/webhook-change.js';
import { InvalidChangeError } from '../domain/meta/webhook-change.js';
import { limitBody } from '../middleware/body-limits.js';
import { errorBody } from '../middleware/errors.js';
import type { WebhookObserver } from '../ops/metrics.js';
import { metaEventTimes } from '../ops/meta-event-times.js';
import type { Store } from '../store/store.js';
import { isTransientStoreError } from '../store/store.js';

/** Meta documents webhook payloads of up to 3 MB; refusing one would only make Meta retry it for days. */
export const MAX_META_WEBHOOK_BYTES = 3 * 1024 * 1024;

/**
 * Past this size the route lets other requests in between the steps that each take milliseconds on
 * a 3 MB body (verifying and parsing it; one lag observation per event).
 */
const LARGE_WEBHOOK_BYTES = 256 * 1024;
/** Lag observations per turn of the event loop, for a change of many events. */
const LAGS_PER_TURN = 1_000;

/** What the Meta webhook routes need. */
export interface MetaWebhookDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** META_APP_SECRET; without it every POST is refused (401). */
  readonly appSecret: string | undefined;
  /** META_VERIFY_TOKEN; without it every handshake is refused (403). */
  readonly verifyToken: string | undefined;
  /** Handlers by `changes[].field`; other fields are acknowledged and counted as `unhandled_field`. */
  readonly handlers: ChangeHandlers;
  readonly logError?: ((message: string, error: unknown) => void) | undefined;
  /** Outcomes and lag, for the metrics. */
  readonly observe?: WebhookObserver | undefined;
}

/**
 * `GET /webhooks/meta`: Meta's subscription handshake. `POST /webhooks/meta`: signed WhatsApp
 * Business Account webhooks, verified over the raw bytes before anything is parsed, then every
 * change of every entry dispatched to its field's handler. A change that fails is logged and
 * counted (`webhook_stats`) and the others still run; Meta gets 200, since a retry of our own
 * failure would fail again for up to 7 days.
 */
export function metaWebhookRoutes({ store, clock, appSecret, verifyToken, handlers, logError = console.error, observe = IGNORE }: MetaWebhookDeps) {
  const expectedToken = verifyToken ? digest(verifyToken) : null;
  const router = new Hono();

  router.get('/webhooks/meta', (c) => {
    const mode = c.req.query('hub.mode');
    const token = c.req.query('hub.verify_token');
    const challenge = c.req.query('hub.challenge');
    if (mode !== 'subscribe' || token === undefined || !expectedToken || !timingSafeEqual(digest(token), expectedToken)) {
      return c.json(errorBody('forbidden', 'hub.mode must be subscribe and hub.verify_token must match META_VERIFY_TOKEN'), 403);
    }
    if (!challenge) return c.json(errorBody('invalid_request', 'hub.challenge is required'), 400);
    return c.text(challenge, 200);
  });

  router.post(
    '/webhooks/meta',
    limitBody(MAX_META_WEBHOOK_BYTES, (c) => c.json(errorBody('payload_too_large', 'the webhook body is larger than 3 MB'), 413)),
    async (c) => {
      const raw = new Uint8Array(await c.req.arrayBuffer());
      if (!appSecret || !isValidMetaSignature(appSecret, raw, c.req.header('X-Hub-Signature-256'))) {
        observe.outcome('', 'invalid_signature');
        return c.json(errorBody('invalid_signature', 'X-Hub-Signature-256 does not match the body signed with the app secret'), 401);
      }
      // A large body is verified in one turn and parsed in the next, so that other requests get in
      // between the two (for 3 MB each holds the event loop for milliseconds).
      if (raw.byteLength > LARGE_WEBHOOK_BYTES) await nextTurn();
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
      } catch {
        observe.outcome('', 'invalid_json');
        return c.json(errorBody('invalid_json', 'the request body is not valid JSON'), 400);
      }
      if (raw.byteLength > LARGE_WEBHOOK_BYTES) await nextTurn();
      const envelope = MetaWebhookEnvelopeSchema.safeParse(json);
      if (!envelope.success) {
        observe.outcome('', 'invalid_envelope');
        return c.json(errorBody('invalid_request', 'expected {"object", "entry":[{"id", "changes":[…]}]}'), 400);
      }
      const receivedAt = clock.now();
      if (envelope.data.object !== WHATSAPP_OBJECT) {
        await store.countWebhookEvent('ignored_object', envelope.data.object, receivedAt);
        observe.outcome('', 'ignored_object');
        return c.json({ received: 0 }, 200);
      }
      let received = 0;
      let retryLater = false;
      for (const entry of envelope.data.entry) {
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
      // A busy database is the one failure a redelivery cures; Meta redelivers on any non-200, and
      // every change is idempotent, so what did go through is not applied twice.
      if (retryLater) return c.json(errorBody('retry_later', 'the database was busy; deliver this webhook again'), 503);
      return c.json({ received }, 200);
    },
  );
  return router;
}

const IGNORE: WebhookObserver = { outcome: () => {}, lag: () => {} };

/** Observes the lag of every event (Meta's timestamps, in seconds), a thousand per turn. */
async function observeLags(observe: WebhookObserver, receivedAt: Date, eventSeconds: readonly number[]): Promise<void> {
  const now = receivedAt.getTime() / 1000;
  for (let start = 0; start < eventSeconds.length; start += LAGS_PER_TURN) {
    if (start > 0) await nextTurn();
    for (const seconds of eventSeconds.slice(start, start + LAGS_PER_TURN)) observe.lag(now - seconds);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
