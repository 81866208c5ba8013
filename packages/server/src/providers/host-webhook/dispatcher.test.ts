import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ManualClock } from '../../domain/clock.js';
import { createManualClock } from '../../domain/clock.js';
import type { HostEvent } from '../../domain/host-events/host-event.js';
import { newHostEvent } from '../../domain/host-events/host-event.js';
import type { Store } from '../../store/store.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { HostEventDispatcher } from './dispatcher.js';
import { verifyHostEventSignature } from './signature.js';

const SECRET = 'whsec_test_0123456789abcdef';
const SECOND = 1000;

/** A host backend on 127.0.0.1 that answers with the next scripted status (200 once the script runs out). */
interface Host {
  url: string;
  received: { headers: IncomingHttpHeaders; body: string; status: number }[];
  script: number[];
  /** Ids the host accepted with a 2xx, in order. */
  accepted(): string[];
  close(): Promise<void>;
}

async function startHost(options: { hang?: boolean } = {}): Promise<Host> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (options.hang) return;
      const status = host.script.shift() ?? 200;
      host.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host: Host = {
    url: `http://127.0.0.1:${port}/wa-events`,
    received: [],
    script: [],
    accepted: () => host.received.filter((r) => r.status < 300).map((r) => JSON.parse(r.body).id as string),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return host;
}

describe('HostEventDispatcher', () => {
  let host: Host;
  let store: Store;
  let clock: ManualClock;
  let file: string;
  const logs: string[] = [];

  const dispatcher = (overrides: Partial<ConstructorParameters<typeof HostEventDispatcher>[0]> = {}) =>
    new HostEventDispatcher({ outbox: store, clock, url: host.url, secret: SECRET, random: () => 0, log: (m) => logs.push(m), ...overrides });

  async function enqueue(count = 1): Promise<HostEvent[]> {
    const events = Array.from({ length: count }, (_, i) =>
      newHostEvent('topup.succeeded', 'acc_1', { topup_id: `tu_${i}`, amount: { amount: '10.00', currency: 'USD' } }, clock.now()),
    );
    await store.enqueueHostEvents(events);
    return events;
  }

  beforeEach(async () => {
    host = await startHost();
    file = join(mkdtempSync(join(tmpdir(), 'wa-outbox-')), 'wa.db');
    store = openSqliteStore({ file });
    clock = createManualClock();
    logs.length = 0;
    await store.createAccount({
      id: 'acc_1',
      name: 'Bakery',
      currency: 'USD',
      wabaId: '1',
      phoneNumberId: '1',
      displayPhoneNumber: null,
      verifiedName: null,
      businessPortfolioId: null,
      lowBalanceThresholdMicros: null,
      createdAt: clock.now(),
    });
  });

  afterEach(async () => {
    await store.close();
    await host.close();
  });

  it('POSTs the event body with WA-Event-Id and a WA-Signature the host can verify', async () => {
    const [event] = await enqueue();
    assert.deepEqual(await dispatcher().dispatchDue(), { delivered: 1, retrying: 0, failed: 0 });
    assert.equal(host.received.length, 1);
    const [request] = host.received;
    assert.deepEqual(JSON.parse(request!.body), {
      id: event!.id,
      type: 'topup.succeeded',
      created_at: '2025-01-15T10:00:00.000Z',
      account_id: 'acc_1',
      data: { topup_id: 'tu_0', amount: { amount: '10.00', currency: 'USD' } },
    });
    assert.equal(request!.headers['wa-event-id'], event!.id);
    assert.equal(request!.headers['content-type'], 'application/json');
    const signature = request!.headers['wa-signature'] as string;
    const now = clock.now().getTime() / 1000;
    assert.match(signature, /^t=\d+,v1=[0-9a-f]{64}$/);
    assert.ok(verifyHostEventSignature(SECRET, signature, request!.body, now));
    assert.ok(!verifyHostEventSignature('whsec_some_other_secret_0000', signature, request!.body, now));
    assert.ok(!verifyHostEventSignature(SECRET, signature, request!.body.replace('10.00', '99.00'), now));
    assert.ok(!verifyHostEventSignature(SECRET, signature, request!.body, now + 301), 'too old');

    const [stored] = await store.listHostEvents('acc_1');
    assert.deepEqual(stored?.deliveredAt, clock.now());
    assert.deepEqual(await dispatcher().dispatchDue(), { delivered: 0, retrying: 0, failed: 0 });
    assert.equal(host.received.length, 1);
  });

  it('retries failed deliveries with backoff until the host accepts each event exactly once', async () => {
    const events = await enqueue(3);
    host.script = [500, 503, 500]; // every event fails its first attempt
    const d = dispatcher();
    assert.deepEqual(await d.dispatchDue(), { delivered: 0, retrying: 3, failed: 0 });
    assert.deepEqual(await d.dispatchDue(), { delivered: 0, retrying: 0, failed: 0 }, 'nothing is due before the backoff');
    clock.advance(10 * SECOND);
    assert.deepEqual(await d.dispatchDue(), { delivered: 3, retrying: 0, failed: 0 });
    clock.advance(3_600 * SECOND);
    await d.dispatchDue();
    assert.deepEqual(host.accepted().sort(), events.map((e) => e.id).sort());
    assert.equal(host.received.length, 6);
    const stored = await store.listHostEvents('acc_1');
    assert.ok(stored.every((e) => e.deliveredAt !== null && e.attempts === 2 && e.lastError === null));
  });

  it('backs off 10 s × 2^(attempts−1), capped at 1 h', async () => {
    await enqueue();
    host.script = Array<number>(12).fill(500);
    const d = dispatcher();
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const before = clock.now().getTime();
      await d.dispatchDue();
      const [event] = await store.listHostEvents('acc_1');
      delays.push((event!.nextAttemptAt.getTime() - before) / SECOND);
      clock.set(event!.nextAttemptAt);
    }
    assert.deepEqual(delays, [10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600, 3600]);
    const [event] = await store.listHostEvents('acc_1');
    assert.equal(event!.lastError, 'HTTP 500');
  });

  it('adds jitter on top of the nominal delay, never below it', async () => {
    await enqueue();
    host.script = [500];
    await dispatcher({ random: () => 0.5 }).dispatchDue();
    const [event] = await store.listHostEvents('acc_1');
    assert.equal(event!.nextAttemptAt.getTime() - clock.now().getTime(), 11 * SECOND);
  });

  it('gives up 3 days after the event, marking it failed and keeping it visible', async () => {
    await enqueue();
    host.script = Array<number>(100).fill(500);
    const d = dispatcher();
    await d.dispatchDue();
    clock.advance(3 * 86_400 * SECOND);
    assert.deepEqual(await d.dispatchDue(), { delivered: 0, retrying: 0, failed: 1 });
    const [event] = await store.listHostEvents('acc_1');
    assert.deepEqual(event?.failedAt, clock.now());
    assert.equal(event?.lastError, 'HTTP 500');
    clock.advance(86_400 * SECOND);
    const attempts = host.received.length;
    await d.dispatchDue();
    assert.equal(host.received.length, attempts, 'a failed event is not retried');
    assert.match(logs.join('\n'), /gave up on evt_/);
  });

  it('treats a timeout and an unreachable host as failed attempts', async () => {
    await host.close();
    host = await startHost({ hang: true });
    await enqueue();
    assert.deepEqual(await dispatcher({ timeoutMs: 50 }).dispatchDue(), { delivered: 0, retrying: 1, failed: 0 });
    assert.equal((await store.listHostEvents('acc_1'))[0]?.lastError, 'timed out');

    clock.advance(10 * SECOND);
    const unreachable = dispatcher({ url: 'http://127.0.0.1:1/wa-events' });
    assert.deepEqual(await unreachable.dispatchDue(), { delivered: 0, retrying: 1, failed: 0 });
    assert.match((await store.listHostEvents('acc_1'))[0]?.lastError ?? '', /fetch failed/);
  });

  it('re-delivers an event claimed by a process that died mid-delivery, once its lease ends', async () => {
    const [event] = await enqueue();
    // The "crashed" process claimed the event (as a dispatcher does just before POSTing) and died.
    const claimed = await store.claimDueHostEvents(clock.now(), new Date(clock.now().getTime() + 60 * SECOND), 10);
    assert.deepEqual(claimed.map((e) => e.id), [event!.id]);
    await store.close();

    store = openSqliteStore({ file });
    const restarted = dispatcher();
    assert.deepEqual(await restarted.dispatchDue(), { delivered: 0, retrying: 0, failed: 0 }, 'still leased');
    clock.advance(60 * SECOND);
    assert.deepEqual(await restarted.dispatchDue(), { delivered: 1, retrying: 0, failed: 0 });
    assert.deepEqual(host.accepted(), [event!.id]);
    const [stored] = await store.listHostEvents('acc_1');
    assert.equal(stored?.attempts, 2);
  });

  it('keeps events in the outbox, saying so once, when no URL is configured', async () => {
    await enqueue();
    const d = dispatcher({ url: undefined });
    await d.dispatchDue();
    await d.dispatchDue();
    assert.equal(host.received.length, 0);
    assert.equal(logs.filter((m) => /WA_HOST_WEBHOOK_URL/.test(m)).length, 1);
    const [event] = await store.listHostEvents('acc_1');
    assert.equal(event?.deliveredAt, null);
    assert.equal(event?.attempts, 0);
  });

  it('polls on a timer once started and stops cleanly', async () => {
    await enqueue();
    const d = dispatcher();
    d.start(10);
    for (let i = 0; i < 100 && host.received.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await d.stop();
    assert.equal(host.received.length, 1);
  });
});
