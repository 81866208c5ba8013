import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { LiveEvent } from '../live/live-events.js';
import { createApp } from '../app.js';
import { hashSecret } from '../domain/ids.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp, SECRET_KEY } from '../test/harness.js';
import { eventually } from '../test/eventually.js';

/** One Server-Sent Events frame: its fields, or the text of a comment line. */
interface Frame {
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

/** Reads an event stream frame by frame. */
class SseReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  #buffer = '';

  constructor(res: Response) {
    assert.ok(res.body);
    this.#reader = res.body.getReader();
  }

  /** The next frame, or null when the stream ended. */
  async next(timeoutMs = 2000): Promise<Frame | null> {
    const deadline = Date.now() + timeoutMs;
    while (!this.#buffer.includes('\n\n')) {
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no frame in time')), deadline - Date.now()));
      const { done, value } = await Promise.race([this.#reader.read(), timeout]);
      if (done) return null;
      this.#buffer += this.#decoder.decode(value, { stream: true });
    }
    const end = this.#buffer.indexOf('\n\n');
    const text = this.#buffer.slice(0, end);
    this.#buffer = this.#buffer.slice(end + 2);
    const frame: Frame = {};
    for (const line of text.split('\n')) {
      if (line.startsWith(':')) frame.comment = line.slice(1).trim();
      else {
        const [field, ...rest] = line.split(':');
        frame[field as 'event' | 'data' | 'retry'] = rest.join(':').trimStart();
      }
    }
    return frame;
  }

  /** The next frame that is not a heartbeat. */
  async nextEvent(timeoutMs?: number): Promise<Frame | null> {
    for (;;) {
      const frame = await this.next(timeoutMs);
      if (frame?.comment === undefined) return frame;
    }
  }

  cancel(): Promise<void> {
    return this.#reader.cancel();
  }
}

describe('GET /v1/events', () => {
  let t: TestApp;
  let accountId: string;
  let secret: string;
  const readers: SseReader[] = [];
  let seq = 0;

  const adjust = (amount: string) =>
    t.partner('POST', `/v1/accounts/${accountId}/adjustments`, { amount: { amount, currency: 'USD' }, reason: 'test', idempotency_key: `k-${seq++}` });

  async function connect(options: { secret?: string; query?: boolean } = {}): Promise<{ res: Response; sse: SseReader }> {
    const clientSecret = options.secret ?? secret;
    const res = options.query
      ? await t.app.request(`/v1/events?client_secret=${encodeURIComponent(clientSecret)}`)
      : await t.app.request('/v1/events', { headers: { Authorization: `Bearer ${clientSecret}` } });
    assert.equal(res.status, 200);
    const sse = new SseReader(res);
    readers.push(sse);
    return { res, sse };
  }

  /**
   * Reads (heartbeats included) until `session_expired`, which must come well before the session's
   * own expiry (60 s) would send it: within `ms` of wall time.
   */
  async function expiresWithin(sse: SseReader, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const frame = await sse.next(deadline - Date.now());
      if (frame?.event === 'session_expired') return;
      if (frame === null) assert.fail('the stream ended without session_expired');
    }
    assert.fail(`no session_expired within ${ms} ms`);
  }

  beforeEach(async () => {
    t = createTestApp({ eventStream: { heartbeatMs: 20 } });
    accountId = (await t.openAccount({ low_balance_threshold: { amount: '5.00', currency: 'USD' } })).id;
    secret = await t.mintSession(accountId, ['alerts:write'], 60);
    await adjust('10.00');
  });
  afterEach(async () => {
    await Promise.all(readers.splice(0).map((reader) => reader.cancel().catch(() => {})));
    await t.close();
  });

  it('opens with a retry hint and a balance snapshot, then sends the new balance after an adjustment', async () => {
    const { res, sse } = await connect();
    assert.equal(res.headers.get('Content-Type'), 'text/event-stream');
    assert.equal(res.headers.get('Cache-Control'), 'no-cache');
    assert.deepEqual(await sse.next(), { retry: '3000' });
    const snapshot = await sse.next();
    assert.equal(snapshot?.event, 'balance');
    assert.deepEqual(JSON.parse(snapshot?.data ?? ''), (await t.widget(secret, 'GET', '/v1/balance')).body);

    assert.equal((await adjust('-6.00')).status, 201);
    const update = await sse.nextEvent();
    assert.equal(update?.event, 'balance');
    const data = JSON.parse(update?.data ?? '');
    assert.deepEqual(data.balance, { amount: '4.00', currency: 'USD' });
    assert.equal(data.is_low, true);
    assert.equal(data.runway.basis_days, 7);
  });

  it('accepts the client secret as ?client_secret= for EventSource', async () => {
    const { sse } = await connect({ query: true });
    await sse.next();
    assert.equal((await sse.next())?.event, 'balance');
  });

  it('answers 401 in the error shape without a valid, live secret', async () => {
    const expired = await t.mintSession(accountId, [], 60);
    t.clock.advance(61_000);
    const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer ws_unknown' }, { Authorization: `Bearer ${expired}` }];
    for (const headers of attempts) {
      const res = await t.app.request('/v1/events', { headers });
      assert.equal(res.status, 401);
      assert.match(res.headers.get('Content-Type') ?? '', /application\/json/);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'session_expired');
    }
    const res = await t.app.request('/v1/events?client_secret=ws_unknown');
    assert.equal(res.status, 401);
  });

  it('publishes nothing for a refused, rolled-back debit', async () => {
    // An account of its own with no earlier change: on PostgreSQL a change is heard a moment after
    // its commit, so the funding of beforeEach could otherwise arrive during this test.
    const empty = (await t.openAccount()).id;
    const emptySecret = await t.mintSession(empty, [], 60);
    const heard: LiveEvent[] = [];
    const unsubscribe = t.liveEvents.subscribe(empty, (event) => heard.push(event));
    const { sse } = await connect({ secret: emptySecret });
    await sse.next();
    await sse.next();

    const debit = (amount: string) =>
      t.partner('POST', `/v1/accounts/${empty}/adjustments`, { amount: { amount, currency: 'USD' }, reason: 'test', idempotency_key: `k-${seq++}` });
    assert.equal((await debit('-50.00')).status, 409);
    await debit('1.00');
    await eventually(() => heard.length >= 1);
    assert.deepEqual(heard.map((event) => (event.data as { balance: unknown }).balance), [{ amount: '1.00', currency: 'USD' }]);
    const next = await sse.nextEvent();
    assert.deepEqual(JSON.parse(next?.data ?? '').balance, { amount: '1.00', currency: 'USD' });
    unsubscribe();
  });

  it('sends the balance when the threshold changes', async () => {
    const { sse } = await connect();
    await sse.next();
    await sse.next();
    await t.widget(secret, 'PUT', '/v1/alerts/low-balance', { threshold: { amount: '20.00', currency: 'USD' } });
    const data = JSON.parse((await sse.nextEvent())?.data ?? '');
    assert.deepEqual(data.low_balance_threshold, { amount: '20.00', currency: 'USD' });
    assert.equal(data.is_low, true);
  });

  it('relays the other engineers’ events published on the bus', async () => {
    const { sse } = await connect();
    await sse.next();
    await sse.next();
    t.liveEvents.publish(accountId, { type: 'topup', data: { id: 'tu_1', status: 'succeeded', amount: { amount: '5.00', currency: 'USD' }, source: 'topup' } });
    const frame = await sse.nextEvent();
    assert.equal(frame?.event, 'topup');
    assert.deepEqual(JSON.parse(frame?.data ?? ''), { id: 'tu_1', status: 'succeeded', amount: { amount: '5.00', currency: 'USD' }, source: 'topup' });
  });

  it('keeps the stream alive with comment heartbeats', async () => {
    const { sse } = await connect();
    await sse.next();
    await sse.next();
    assert.deepEqual(await sse.next(), { comment: 'ping' });
  });

  it('tells the page and closes the stream when the session expires', async () => {
    const { sse } = await connect();
    await sse.next();
    await sse.next();
    t.clock.advance(60_000);
    const frame = await sse.nextEvent();
    assert.equal(frame?.event, 'session_expired');
    assert.equal(await sse.next(), null);
    await eventually(() => !t.liveEvents.hasSubscribers(accountId));
  });

  it('closes the streams of a revoked session at once, and leaves the other sessions’ open', async () => {
    const other = await t.mintSession(accountId);
    const { sse } = await connect();
    const { sse: kept } = await connect({ secret: other });
    for (const reader of [sse, sse, kept, kept]) await reader.next();
    const sessionId = (await t.store.findWidgetSession(hashSecret(secret)))?.id;
    assert.equal((await t.partner('DELETE', `/v1/widget-sessions/${sessionId}`)).status, 200);
    await expiresWithin(sse, 5000);
    assert.equal(await sse.next(), null);
    assert.deepEqual(await kept.next(), { comment: 'ping' });
  });

  it('closes every stream of an account on logout', async () => {
    const { sse } = await connect();
    await sse.next();
    await sse.next();
    assert.deepEqual((await t.partner('DELETE', `/v1/accounts/${accountId}/widget-sessions`)).body, { revoked: 1 });
    await expiresWithin(sse, 5000);
    assert.equal(await sse.next(), null);
  });

  it('closes a stream at its next heartbeat when another instance revoked the session', async () => {
    const otherInstance = createApp({ store: t.store, clock: t.clock, config: { secretKey: SECRET_KEY, allowedOrigins: [] } });
    const { sse } = await connect();
    await sse.next();
    await sse.next();
    const sessionId = (await t.store.findWidgetSession(hashSecret(secret)))?.id;
    const res = await otherInstance.request(`/v1/widget-sessions/${sessionId}`, { method: 'DELETE', headers: { Authorization: `Bearer ${SECRET_KEY}` } });
    assert.equal(res.status, 200);
    await expiresWithin(sse, 5000);
    assert.equal(await sse.next(), null);
  });

  it('limits a session to 5 streams and unsubscribes a stream the client closes', async () => {
    const open = await Promise.all(Array.from({ length: 5 }, () => connect()));
    const sixth = await t.app.request('/v1/events', { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(sixth.status, 429);
    assert.equal(((await sixth.json()) as { error: { code: string } }).error.code, 'too_many_streams');
    const other = await t.mintSession(accountId);
    await connect({ secret: other });

    await open[0]!.sse.cancel();
    let again: Response | undefined;
    for (let i = 0; i < 100; i++) {
      again = await t.app.request('/v1/events', { headers: { Authorization: `Bearer ${secret}` } });
      if (again.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.equal(again?.status, 200);
    readers.push(new SseReader(again!));

    await Promise.all(readers.splice(0).map((reader) => reader.cancel()));
    await eventually(() => !t.liveEvents.hasSubscribers(accountId));
  });
});
