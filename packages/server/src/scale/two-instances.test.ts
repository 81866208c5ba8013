import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatAmount } from '../domain/money.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { postgresSkipReason } from '../test/stores.js';
import type { HostReceiver, ServerProcess, SseClient } from './processes.js';
import { createDatabase, openEventStream, startHostReceiver, startServer } from './processes.js';
import { deliveredMessage, MESSAGE_PRICE_MICROS, prepareWorkload, runBurst, verifyWorkload, waitForOutbox } from './workload.js';

const skip = postgresSkipReason();
if (skip) console.log(skip);

describe('two server processes on one PostgreSQL database', { skip }, () => {
  let database: { url: string; drop(): Promise<void> };
  let receiver: HostReceiver;
  let a: ServerProcess;
  let b: ServerProcess;
  const streams: SseClient[] = [];

  before(async () => {
    database = await createDatabase(process.env['DATABASE_URL'] ?? '');
    receiver = await startHostReceiver();
    // One after the other is not required (migrations take an advisory lock), but at once proves it.
    [a, b] = await Promise.all([startServer({ kind: 'postgres', url: database.url }, receiver.url), startServer({ kind: 'postgres', url: database.url }, receiver.url)]);
  });
  after(async () => {
    for (const stream of streams) stream.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await receiver?.close();
    await database?.drop();
  });

  it('end with exact balances under concurrent credits, top-ups and webhooks delivered to both, and widgets on each see the other’s charges', async () => {
    const workload = await prepareWorkload(a.url, { credits: 30, messages: 60, topups: 6 }, 'two');
    const onA = await openEventStream(a.url, workload.clientSecret);
    const onB = await openEventStream(b.url, workload.clientSecret);
    streams.push(onA, onB);
    await Promise.all([onA.waitFor((e) => e.event === 'balance'), onB.waitFor((e) => e.event === 'balance')]);

    // Every webhook, payment event and partner credit goes to both instances at once.
    const completed = await runBurst(workload.operations, () => [a.url, b.url], { concurrency: 8 });
    assert.equal(completed, workload.operations.length);

    const store = openPostgresStore({ url: database.url, maxConnections: 2 });
    try {
      await waitForOutbox(store, workload.accountId);
      assert.deepEqual(await verifyWorkload(store, workload, receiver), []);
      const expected = formatAmount(workload.expectedBalanceMicros);
      // Both widgets end on the final balance, whichever instance made the last change.
      for (const stream of [onA, onB]) {
        await stream.waitFor((e) => e.event === 'balance' && JSON.parse(e.data).balance.amount === expected);
      }

      // One more charge, handled by A only: the widget connected to B hears it.
      const heardBefore = onB.events.length;
      assert.equal(await deliveredMessage(workload.phoneNumberId, 'wamid.lone', '919812345678').send(a.url), 200);
      const after = formatAmount(workload.expectedBalanceMicros - MESSAGE_PRICE_MICROS);
      const heard = await onB.waitFor((e) => e.event === 'balance' && JSON.parse(e.data).balance.amount === after);
      assert.ok(onB.events.indexOf(heard) >= heardBefore);
    } finally {
      await store.close();
    }
  });

  it('caps the event streams of one widget session across both instances', async () => {
    const workload = await prepareWorkload(a.url, { credits: 0, messages: 0, topups: 0 }, 'cap');
    // Five streams, the session's cap, spread over the two instances.
    for (const url of [a.url, b.url, a.url, b.url, a.url]) streams.push(await openEventStream(url, workload.clientSecret));
    for (const url of [a.url, b.url]) {
      const sixth = await fetch(`${url}/v1/events`, { headers: { Authorization: `Bearer ${workload.clientSecret}` } });
      assert.equal(sixth.status, 429);
      assert.equal(((await sixth.json()) as { error: { code: string } }).error.code, 'too_many_streams');
    }
    // A stream closed on A frees a slot that B can hand out.
    streams.pop()?.close();
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      const res = await fetch(`${b.url}/v1/events`, { headers: { Authorization: `Bearer ${workload.clientSecret}` } });
      status = res.status;
      if (status === 200) await res.body?.cancel();
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(status, 200);
  });
});
