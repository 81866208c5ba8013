import { createHash, timingSafeEqual } from 'node:crypto';
import { yieldTurn } from '../per-turn.js';
import { Hono } from 'hono';
import type { Clock } from '../domain/clock.js';
import { dispatchChanges } from '../domain/meta/dispatch-changes.js';
import type { MetaWebhookEnvelope } from '../domain/meta/envelope.js';
import { MetaWebhookEnvelopeSchema, WHATSAPP_OBJECT } from '../domain/meta/envelope.js';
import { isValidMetaSignature } from '../domain/meta/signature.js';
import type { ChangeHandlers } from '../domain/meta/webhook-change.js';
import type { MetaWebhookInbox } from '../domain/meta/webhook-inbox.js';
import { limitBody } from '../middleware/body-limits.js';
import { errorBody } from '../middleware/errors.js';
import type { WebhookObserver } from '../ops/metrics.js';
import type { Store } from '../store/store.js';
import { isTransientStoreError } from '../store/store.js';

/** Meta documents webhook payloads of up to 3 MB; refusing one would only make Meta retry it for days. */
export const MAX_META_WEBHOOK_BYTES = 3 * 1024 * 1024;

/**
 * Past this size (some thirteen hundred statuses) a webhook is answered once stored in the inbox and
 * applied in the background: applying 3 MB takes seconds on SQLite and tens of seconds on
 * PostgreSQL, and Meta redelivers what it gets no timely answer for. Its verification and parsing
 * also let other requests in between their steps, which each take milliseconds on 3 MB.
 */
export const LARGE_WEBHOOK_BYTES = 256 * 1024;

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
  /** Where webhooks over {@link LARGE_WEBHOOK_BYTES} wait to be applied, answered once stored. */
  readonly inbox: MetaWebhookInbox;
}

/**
 * `GET /webhooks/meta`: Meta's subscription handshake. `POST /webhooks/meta`: signed WhatsApp
 * Business Account webhooks, verified over the raw bytes before anything is parsed, then every
 * change of every entry dispatched to its field's handler (see {@link dispatchChanges}), before the
 * answer; a webhook over {@link LARGE_WEBHOOK_BYTES} is answered once stored in the inbox and
 * applied after (see {@link MetaWebhookInbox}). A change that fails is logged and counted
 * (`webhook_stats`) and the others still run; Meta gets 200, since a retry of our own failure would
 * fail again for up to 7 days. A busy database gets 503, which Meta redelivers.
 */
export function metaWebhookRoutes({ store, clock, appSecret, verifyToken, handlers, logError = console.error, observe = IGNORE, inbox }: MetaWebhookDeps) {
  const expectedToken = verifyToken ? digest(verifyToken) : null;
  const dispatch = { store, handlers, logError, observe };
  inbox.connect((envelope, receivedAt) => dispatchChanges(dispatch, envelope, receivedAt));
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
      if (raw.byteLength > LARGE_WEBHOOK_BYTES) await yieldTurn();
      let text: string;
      let json: unknown;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
        json = JSON.parse(text);
      } catch {
        observe.outcome('', 'invalid_json');
        return c.json(errorBody('invalid_json', 'the request body is not valid JSON'), 400);
      }
      if (raw.byteLength > LARGE_WEBHOOK_BYTES) await yieldTurn();
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
      if (raw.byteLength > LARGE_WEBHOOK_BYTES) {
        // Too large to apply within Meta's patience: acknowledged once stored, applied in the background.
        try {
          await inbox.accept(text, envelope.data, receivedAt);
        } catch (error) {
          if (!isTransientStoreError(error)) throw error;
          observe.outcome('', 'retry_later');
          return c.json(RETRY_LATER, 503);
        }
        observe.outcome('', 'queued');
        return c.json({ received: countChanges(envelope.data), queued: true }, 200);
      }
      const { received, retryLater } = await dispatchChanges(dispatch, envelope.data, receivedAt);
      // A busy database is the one failure a redelivery cures; Meta redelivers on any non-200, and
      // every change is idempotent, so what did go through is not applied twice.
      if (retryLater) return c.json(RETRY_LATER, 503);
      return c.json({ received }, 200);
    },
  );
  return router;
}

const IGNORE: WebhookObserver = { outcome: () => {}, lag: () => {} };
/** The answer to a webhook the database was too busy for: Meta delivers it again. */
const RETRY_LATER = errorBody('retry_later', 'the database was busy; deliver this webhook again');

function countChanges(envelope: MetaWebhookEnvelope): number {
  return envelope.entry.reduce((sum, entry) => sum + entry.changes.length, 0);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
