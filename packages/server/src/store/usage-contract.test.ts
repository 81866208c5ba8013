import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { seededRandom } from '../test/prng.js';
import type { StoreKind } from '../test/stores.js';
import { newTestSchema, openTestStore, postgresSkipReason, STORE_TEST_AT, storeTestAccount } from '../test/stores.js';
import { countedStatus as counted, plainCounts as plain, UsageRows } from '../test/usage-rows.js';
import type { Store } from './store.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** On a day's edge, so that instants below land on minute and hour edges. */
const T0 = Math.floor(STORE_TEST_AT.getTime() / DAY) * DAY;
const PORTFOLIO = 'bp:contract';
const OTHER_PORTFOLIO = 'acc:acc_3';
const ACCOUNTS = ['acc_1', 'acc_2', 'acc_3'];

const postgresSkip = postgresSkipReason();

for (const kind of ['sqlite', 'postgres'] as const satisfies readonly StoreKind[]) {
  describe(`Store contract: the usage roll-up (${kind})`, { skip: kind === 'postgres' ? postgresSkip : false }, () => {
    let store: Store;
    let rows: UsageRows;
    let seq = 0;
    beforeEach(async () => {
      store = openTestStore(kind, { schema: newTestSchema() });
      rows = new UsageRows();
      for (const [n, id] of ACCOUNTS.entries()) await store.createAccount(storeTestAccount(id, `${n + 1}${n + 1}${n + 1}`));
    });
    afterEach(() => store.close());

    /** Applies the touches as statuses, in batches per account, and to the model. */
    async function touch(touches: readonly { accountId: string; key: string; recipient: string; at: number }[]): Promise<void> {
      for (const accountId of ACCOUNTS) {
        const mine = touches.filter((t) => t.accountId === accountId);
        for (let i = 0; i < mine.length; i += 40) {
          const batch = mine.slice(i, i + 40);
          const outcomes = await store.applyMessageStatuses(
            accountId,
            batch.map((t) => counted(`wamid.${seq++}`, t.accountId, t.key, t.recipient, t.at)),
          );
          assert.ok(outcomes.every((outcome) => outcome.ok));
        }
        for (const t of mine) rows.touch(t.key, t.accountId, t.recipient, t.at);
      }
    }

    /** Every window of `sinces` (with new customers over its last hour, and from its start) answered as the rows say. */
    async function assertCountsMatch(sinces: readonly number[], label: string, newSinces = (since: number) => [since + DAY - HOUR, since + 1, since + MINUTE, since, since - HOUR]): Promise<void> {
      for (const since of sinces) {
        for (const newSince of newSinces(since)) {
          for (const portfolioKey of [PORTFOLIO, OTHER_PORTFOLIO, 'bp:nobody']) {
            const query = { portfolioKey, accountIds: [...ACCOUNTS, 'acc_none'], since: new Date(since), newSince: new Date(newSince) };
            assert.deepEqual(plain(await store.countUsage(query)), rows.count(query), `${label}: ${portfolioKey} since ${since - T0} new since ${newSince - T0}`);
          }
        }
      }
    }

    it('answers exactly as counting the rows would, at bucket edges, as recipients move between buckets, come back anew and are pruned', async () => {
      const random = seededRandom(12);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      /** Instants on minute and hour edges (and a millisecond either side), or anywhere, over three days. */
      const instant = (): number => {
        const edge = T0 + Math.floor(random() * 72) * HOUR + Math.floor(random() * 3) * 29 * MINUTE;
        return pick([edge, edge - 1, edge + 1, edge + Math.floor(random() * HOUR), T0 + Math.floor(random() * 3 * DAY)]);
      };
      const recipients = Array.from({ length: 30 }, (_, i) => `1555000${String(i).padStart(4, '0')}`);
      const touches = () =>
        Array.from({ length: 160 }, () => {
          const accountId = pick(ACCOUNTS);
          return { accountId, key: accountId === 'acc_3' && random() < 0.5 ? OTHER_PORTFOLIO : PORTFOLIO, recipient: pick(recipients), at: instant() };
        });
      const sinces = () => [T0 + DAY, T0 + DAY + 1, T0 + DAY - 1, T0 + 30 * HOUR + 29 * MINUTE, T0 + 47 * HOUR + 59 * MINUTE - 1, ...Array.from({ length: 5 }, instant)];

      // Out of order: a recipient's later instants arrive before earlier ones.
      await touch(touches());
      await assertCountsMatch(sinces(), 'first writes');
      await touch(touches());
      await assertCountsMatch(sinces(), 'recipients moved');

      const before = T0 + 30 * HOUR + 17 * MINUTE + 5; // inside a minute and an hour: its buckets keep their later rows
      // Recipients of their own around the prune's instant, so that each lands where it is told.
      const around = [-2 * HOUR, -HOUR - 1, -17 * MINUTE - 5, -5, -1, 0, 1, 2, 42 * MINUTE, HOUR, 3 * HOUR].map((offset) => before + offset);
      await touch(around.flatMap((at, i) => ACCOUNTS.map((accountId, n) => ({ accountId, key: PORTFOLIO, recipient: `1555200${i}${n}`, at }))));
      const sweep = Array.from({ length: 4 * 60 }, (_, i) => before - 2 * HOUR + i * MINUTE + (i % 3) - 1);
      await assertCountsMatch(sweep, 'before the prune', (since) => [since + 23 * HOUR]);
      const pruned = await store.pruneUsage(new Date(before));
      const kept = rows.portfolio.size + rows.account.size;
      rows.prune(before);
      assert.equal(pruned, kept - rows.portfolio.size - rows.account.size);
      await assertCountsMatch([before - HOUR, before - 1, before, ...sinces()], 'pruned');
      await assertCountsMatch(sweep, 'pruned, minute by minute', (since) => [since + 23 * HOUR]);

      await touch(touches());
      await assertCountsMatch(sinces(), 'written again after the prune');

      // In batches, as the pruner does: a window after the instant never notices.
      const later = T0 + 50 * HOUR + 7;
      const before2 = rows.portfolio.size + rows.account.size;
      rows.prune(later);
      let batches = 0;
      for (let total = 0; ; batches++) {
        const deleted = await store.pruneUsage(new Date(later), 7);
        assert.ok(deleted <= 14, 'at most the limit of each table');
        total += deleted;
        await assertCountsMatch([later, later + 1, later + HOUR - 1], `batch ${batches}`);
        if (deleted < 7) {
          assert.equal(total, before2 - rows.portfolio.size - rows.account.size);
          break;
        }
      }
      assert.ok(batches > 2);
      await assertCountsMatch([later - HOUR, later - 1, ...sinces()], 'pruned in batches');
      assert.equal(await store.pruneUsage(new Date(T0 + 4 * DAY)), rows.portfolio.size + rows.account.size);
      rows.prune(T0 + 4 * DAY);
      await assertCountsMatch([T0, T0 + DAY], 'all pruned');
    });

    it('counts many numbers of one portfolio, each moving recipients between the same buckets at once, without a deadlock', async () => {
      const numbers = ['acc_2', 'acc_1', 'acc_3'];
      const recipients = Array.from({ length: 24 }, (_, i) => `1555100${String(i).padStart(4, '0')}`);
      // Yesterday, every recipient in one of four minutes; then every number moves them, in different orders, into the same minutes of today.
      await touch(recipients.map((recipient, i) => ({ accountId: numbers[i % 3]!, key: PORTFOLIO, recipient, at: T0 + (i % 4) * MINUTE })));
      for (let round = 1; round <= 3; round++) {
        const at = (i: number) => T0 + round * 5 * HOUR + (i % 4) * MINUTE;
        const batches = numbers.map((accountId, n) => {
          const order = n % 2 === 0 ? recipients : [...recipients].reverse();
          return order.map((recipient, i) => ({ accountId, key: PORTFOLIO, recipient, at: at(i + n) }));
        });
        const outcomes = await Promise.all(
          batches.map((batch) => store.applyMessageStatuses(batch[0]!.accountId, batch.map((t) => counted(`wamid.${seq++}`, t.accountId, t.key, t.recipient, t.at)))),
        );
        assert.ok(outcomes.flat().every((outcome) => outcome.ok), `round ${round}`);
        for (const batch of batches) for (const t of batch) rows.touch(t.key, t.accountId, t.recipient, t.at);
      }
      await assertCountsMatch([T0 - 1, T0 + 14 * HOUR + 1, T0 + 15 * HOUR + 2 * MINUTE, T0 + 15 * HOUR + 3 * MINUTE + 1], 'after the concurrent rounds');
    });
  });
}
