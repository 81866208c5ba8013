import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { requireAccount } from '../domain/accounts.js';
import { isLive } from '../domain/sessions.js';
import type { LiveEvent, LiveEventBus } from '../live/live-events.js';
import { newId } from '../domain/ids.js';
import { errorBody } from '../middleware/errors.js';
import type { WidgetEnv } from '../middleware/widget-session.js';
import { balancePayload } from './balance-payload.js';
import type { StreamObserver } from '../ops/metrics.js';
import type { RouteDeps } from './router.js';
import { createRouter, widgetSecurity } from './router.js';
import { errorResponses } from './schemas.js';

/** Tuning of the event stream; the defaults suit production. */
export interface EventStreamOptions {
  /** Interval of the `: ping` comment that keeps proxies from closing an idle stream (25 s). */
  readonly heartbeatMs?: number | undefined;
  /** Streams one session may hold open at once, across instances (5); more are `429 too_many_streams`. */
  readonly maxStreamsPerSession?: number | undefined;
}

/** What the event stream reports to, and what tells it the server is stopping. */
export interface EventStreamLifecycle {
  /** Counts open streams (the `wa_sse_clients` gauge). */
  readonly streams?: StreamObserver | undefined;
  /**
   * Aborted when the server shuts down: every stream sends `event: shutdown` and ends, so that the
   * page's `EventSource` reconnects (to another instance), and new streams are refused with 503.
   */
  readonly closing?: AbortSignal | undefined;
}

/** The reconnection delay suggested to `EventSource`, in ms. */
export const EVENT_STREAM_RETRY_MS = 3000;
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Widget API: `GET /v1/events`, the account's live events as Server-Sent Events. The stream opens
 * with `retry: 3000` and a `balance` snapshot, then relays the {@link LiveEventBus} (`balance`,
 * `quality`, `quota`, `usage`, `topup`, each with JSON data) with a comment heartbeat. When the
 * session expires or is revoked it sends `event: session_expired` and closes, so the page renews its secret.
 * Auth takes the client secret from the header or `?client_secret=` (see `eventStreamAuth`).
 */
export function eventRoutes(
  { store, clock, auth, streams, closing }: RouteDeps<WidgetEnv> & EventStreamLifecycle,
  bus: LiveEventBus,
  options: EventStreamOptions = {},
) {
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const maxStreams = options.maxStreamsPerSession ?? 5;
  // One listener on the signal for all streams: hundreds of listeners would each warn as a leak.
  const shutdowns = new Set<() => void>();
  closing?.addEventListener('abort', () => shutdowns.forEach((shutdown) => shutdown()), { once: true });
  // A stream holds a slot in the database, renewed with each heartbeat: a slot of an instance that
  // died without releasing it lapses after a few missed heartbeats.
  const slotTtlMs = Math.max(3 * heartbeatMs, 60_000);
  const slotExpiry = () => new Date(clock.now().getTime() + slotTtlMs);

  const events = createRoute({
    method: 'get',
    path: '/v1/events',
    tags: ['widget'],
    summary: 'Live updates (Server-Sent Events); the client secret may also come as ?client_secret=',
    security: widgetSecurity,
    middleware: [auth] as const,
    request: { query: z.object({ client_secret: z.string().optional() }) },
    responses: {
      200: {
        description: 'An event stream: `balance`, `quality`, `quota`, `usage`, `topup`, `session_expired`',
        content: { 'text/event-stream': { schema: z.string() } },
      },
      ...errorResponses(401, 429, 503),
    },
  });

  return createRouter<WidgetEnv>().openapi(events, async (c) => {
    const session = c.get('session');
    if (closing?.aborted) return c.json(errorBody('shutting_down', 'the server is shutting down; reconnect'), 503);
    const slotId = newId('ess');
    if (!(await store.acquireStreamSlot(session.id, slotId, maxStreams, clock.now(), slotExpiry()))) {
      return c.json(errorBody('too_many_streams', `a widget session may hold ${maxStreams} event streams at once`), 429);
    }
    const release = () => store.releaseStreamSlot(slotId);

    return streamSSE(c, async (stream) => {
      let finish = () => {};
      const finished = new Promise<void>((resolve) => (finish = resolve));
      // Writes go through one chain so that events keep their order; subscribing before the
      // snapshot is read means no change can fall between the two.
      let writes = Promise.resolve();
      const enqueue = (write: () => Promise<unknown>) => {
        writes = writes.then(write).then(
          () => undefined,
          () => finish(),
        );
      };
      let expired = false;
      const expire = () => {
        if (expired) return;
        expired = true;
        enqueue(() => stream.writeSSE({ event: 'session_expired', data: JSON.stringify({ code: 'session_expired' }) }));
        enqueue(async () => finish());
      };
      const send = (event: LiveEvent) => {
        if (event.type !== 'session_revoked') {
          enqueue(() => stream.writeSSE({ event: event.type, data: JSON.stringify(event.data) }));
        } else if (event.data.session_id === null || event.data.session_id === session.id) {
          expire();
        }
      };
      const unsubscribe = bus.subscribe(session.accountId, send);
      const snapshot = requireAccount(store, session.accountId).then((account) => balancePayload(store, clock, account));
      snapshot.catch(() => {}); // awaited (and its failure handled) by the write below
      enqueue(() => stream.write(`retry: ${EVENT_STREAM_RETRY_MS}\n\n`));
      enqueue(async () => stream.writeSSE({ event: 'balance', data: JSON.stringify(await snapshot) }));

      const msLeft = () => session.expiresAt.getTime() - clock.now().getTime();
      const expiry = setTimeout(expire, Math.min(Math.max(msLeft(), 0), MAX_TIMER_MS));
      // Each heartbeat reads the session again: a revocation made through another instance, whose
      // live events this process does not hear, still ends the stream within one heartbeat.
      const stillLive = async () => {
        const current = await store.getWidgetSession(session.id);
        return current !== null && isLive(current, clock.now());
      };
      const heartbeat = setInterval(() => {
        if (msLeft() <= 0) return expire();
        enqueue(async () => {
          if (await stillLive()) await stream.write(': ping\n\n');
          else expire();
        });
        store.renewStreamSlot(slotId, slotExpiry()).catch(() => {}); // a missed renewal only shortens the lease
      }, heartbeatMs);
      stream.onAbort(finish);
      const shutdown = () => {
        enqueue(() => stream.writeSSE({ event: 'shutdown', data: '{}' }));
        enqueue(async () => finish());
      };
      shutdowns.add(shutdown);
      streams?.opened();

      try {
        await finished;
      } finally {
        clearTimeout(expiry);
        clearInterval(heartbeat);
        unsubscribe();
        shutdowns.delete(shutdown);
        streams?.closed();
        await release().catch(() => {}); // the slot lapses by itself
      }
    });
  });
}
