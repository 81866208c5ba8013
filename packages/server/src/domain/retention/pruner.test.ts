import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { openAccount } from '../accounts.js';
import type { ManualClock } from '../clock.js';
import { createManualClock } from '../clock.js';
import { checkMarketingSend, setFrequencyCap } from '../frequency-cap.js';
import { newHostEvent } from '../host-events/host-event.js';
import { hashSecret } from '../ids.js';
import { authenticateWidgetSession, mintWidgetSession } from '../sessions.js';
import type { Store } from '../../store/store.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { StoreKind } from '../../test/stores.js';
import { newTestSchema, openTestStore, postgresSkipReason } from '../../test/stores.js';
import { pruneIntervalFromEnv, pruneOnce, startPruner } from './pruner.js';
import type { PruneStep } from './retention.js';
import { DEFAULT_RETENTION, retentionSteps } from './retention.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const postgresSkip = postgresSkipReason();

for (const kind of ['sqlite', 'postgres'] as const satisfies readonly StoreKind[]) {
  describe(`pruning what is no longer needed (${kind})`, { skip: kind === 'postgres' ? postgresSkip : false }, () => {
    let dir: string;
    let schema: string;
    let store: Store;
    let clock: ManualClock;
    let accountId: string;
    /** Another instance on the same database. */
    const secondInstance = (): Store =>
      kind === 'sqlite' ? openSqliteStore({ file: join(dir, 'wa.db') }) : openTestStore(kind, { schema, keepSchema: true });

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'wa-prune-'));
      schema = newTestSchema();
      store = kind === 'sqlite' ? openSqliteStore({ file: join(dir, 'wa.db') }) : openTestStore(kind, { schema });
      clock = createManualClock();
      accountId = (await openAccount(store, clock, { name: 'Prune', currency: 'USD', wabaId: '1', phoneNumberId: '2' })).id;
    });
    afterEach(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const sessionExists = async (clientSecret: string) => (await store.findWidgetSession(hashSecret(clientSecret))) !== null;
    const topupEvent = (n: number) => newHostEvent('topup.succeeded', accountId, { topup_id: `tu_${n}` }, clock.now());

    it('deletes expired sessions after the grace period, and keeps live and recently expired ones', async () => {
      const old = await mintWidgetSession(store, clock, { accountId, ttlSeconds: 60 });
      clock.advance(DEFAULT_RETENTION.expiredSessionsMs);
      const recent = await mintWidgetSession(store, clock, { accountId, ttlSeconds: 60 });
      const live = await mintWidgetSession(store, clock, { accountId, ttlSeconds: 3600 });
      clock.advance(60_001);
      const report = await pruneOnce(retentionSteps(store), clock);
      assert.equal(report['widget_sessions'], 1);
      assert.equal(await sessionExists(old.clientSecret), false);
      assert.equal(await sessionExists(recent.clientSecret), true);
      assert.equal((await authenticateWidgetSession(store, clock, live.clientSecret)).id, live.session.id);
    });

    it('deletes marketing sends older than the longest cap window, which no cap can count again', async () => {
      await setFrequencyCap(store, clock, accountId, { enabled: true, maxMessages: 2, windowHours: 720 });
      await checkMarketingSend(store, clock, accountId, '+14155550100');
      clock.advance(720 * HOUR);
      await checkMarketingSend(store, clock, accountId, '+5511987654321');
      clock.advance(1);
      assert.equal((await pruneOnce(retentionSteps(store), clock))['marketing_sends'], 1);
      assert.equal((await checkMarketingSend(store, clock, accountId, '+14155550100')).remaining, 1);
      assert.equal((await checkMarketingSend(store, clock, accountId, '+5511987654321')).allowed, true);
    });

    it('deletes host events delivered more than 30 days ago, never one still awaiting delivery', async () => {
      const [delivered, failing, pending] = [topupEvent(1), topupEvent(2), topupEvent(3)];
      await store.enqueueHostEvents([delivered, failing, pending]);
      await store.markHostEventDelivered(delivered.id, clock.now());
      await store.markHostEventFailed(failing.id, clock.now(), 'HTTP 500');
      clock.advance(30 * DAY);
      assert.equal((await pruneOnce(retentionSteps(store), clock))['host_events'], 0);
      clock.advance(1);
      assert.equal((await pruneOnce(retentionSteps(store), clock))['host_events'], 1);
      assert.deepEqual((await store.listHostEvents(accountId)).map((event) => event.id), [failing.id, pending.id]);
    });

    it('is idempotent, and safe with two instances on one database pruning at once', async () => {
      for (let i = 0; i < 50; i++) await mintWidgetSession(store, clock, { accountId, ttlSeconds: 60 });
      const events = Array.from({ length: 50 }, (_, i) => topupEvent(i));
      await store.enqueueHostEvents(events);
      for (const event of events) await store.markHostEventDelivered(event.id, clock.now());
      clock.advance(31 * DAY);
      const other = secondInstance();
      try {
        const reports = await Promise.all([pruneOnce(retentionSteps(store), clock), pruneOnce(retentionSteps(other), clock)]);
        const total = (name: string) => reports.reduce((sum, report) => sum + (report[name] ?? -1000), 0);
        assert.deepEqual([total('widget_sessions'), total('host_events')], [50, 50]);
        assert.deepEqual(await pruneOnce(retentionSteps(store), clock), {
          widget_sessions: 0,
          marketing_sends: 0,
          host_events: 0,
          usage_recipients: 0,
          payments: 0,
        });
      } finally {
        await other.close();
      }
    });

    it('deletes a backlog in bounded batches, never more than the batch size per statement', async () => {
      for (let i = 0; i < 50; i++) await mintWidgetSession(store, clock, { accountId, ttlSeconds: 60 });
      clock.advance(2 * DAY);
      const batches: number[] = [];
      const [sessions] = retentionSteps(store);
      const probe: PruneStep = {
        name: 'widget_sessions',
        async prune(now, limit) {
          const deleted = await sessions!.prune(now, limit);
          batches.push(deleted);
          return deleted;
        },
      };
      assert.deepEqual(await pruneOnce([probe], clock, undefined, 7), { widget_sessions: 50 });
      assert.deepEqual(batches, [7, 7, 7, 7, 7, 7, 7, 1]);
    });

    it('keeps running the other steps when one fails, and reports it', async () => {
      const errors: string[] = [];
      const steps: PruneStep[] = [
        { name: 'broken', prune: () => Promise.reject(new Error('disk on fire')) },
        ...retentionSteps(store),
      ];
      const report = await pruneOnce(steps, clock, (step) => errors.push(step));
      assert.deepEqual(errors, ['broken']);
      assert.equal(report['broken'], undefined);
      assert.equal(report['widget_sessions'], 0);
    });

    it('runs on its interval at the injected clock’s time, one run at a time, until stopped', async () => {
      const seen: number[] = [];
      let inFlight = 0;
      let overlapped = false;
      const step: PruneStep = {
        name: 'probe',
        async prune(now) {
          overlapped ||= inFlight > 0;
          inFlight++;
          seen.push(now.getTime());
          await new Promise((resolve) => setTimeout(resolve, 15));
          inFlight--;
          return 0;
        },
      };
      const pruner = startPruner({ steps: [step], clock, intervalMs: 5 });
      while (seen.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
      await pruner.stop();
      const runs = seen.length;
      await new Promise((resolve) => setTimeout(resolve, 30));
      assert.equal(seen.length, runs);
      assert.equal(overlapped, false);
      assert.ok(seen.every((at) => at === clock.now().getTime()));
    });

    it('reads WA_PRUNE_INTERVAL_MS, refusing anything but whole milliseconds of at least a second', () => {
      assert.equal(pruneIntervalFromEnv({}), 600_000);
      assert.equal(pruneIntervalFromEnv({ WA_PRUNE_INTERVAL_MS: '60000' }), 60_000);
      for (const bad of ['999', '1e4', '-5000', '10 min', '5000.5']) {
        assert.throws(() => pruneIntervalFromEnv({ WA_PRUNE_INTERVAL_MS: bad }), /WA_PRUNE_INTERVAL_MS/, bad);
      }
    });
  });
}
