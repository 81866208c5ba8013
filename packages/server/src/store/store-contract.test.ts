import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DomainError } from '../domain/errors.js';
import { newHostEvent } from '../domain/host-events/host-event.js';
import type { MessageCharge, MessageStatusUpdate } from '../domain/billing/message-charge.js';
import type { NewLedgerEntry } from '../domain/ledger.js';
import { noOverdraft } from '../domain/ledger.js';
import type { StoreKind } from '../test/stores.js';
import { newTestSchema, openTestStore, postgresSkipReason, STORE_TEST_AT, storeTestAccount } from '../test/stores.js';
import type { StoreChange } from './changes.js';
import type { Store } from './store.js';

const AT = STORE_TEST_AT;


function entry(key: string, amountMicros: bigint, accountId = 'acc_1'): NewLedgerEntry {
  return {
    id: `le_${key}`,
    accountId,
    idempotencyKey: key,
    kind: 'adjustment',
    amountMicros,
    description: `entry ${key}`,
    reference: null,
    createdAt: AT,
  };
}

/** A status that settles `wamid` as charged `priceMicros` (a debit), as the webhook handler decides it. */
function chargedStatus(wamid: string, priceMicros: bigint, accountId = 'acc_1'): MessageStatusUpdate {
  return {
    wamid,
    decide: (current) => {
      if (current?.outcome) return null;
      const charge: MessageCharge = {
        accountId,
        wamid,
        recipient: '15550001111',
        market: 'US',
        country: 'US',
        isGroup: false,
        lastStatus: 'delivered',
        pricingType: 'regular',
        category: 'marketing',
        billable: true,
        deliveredAt: AT,
        failedAt: null,
        outcome: 'charged',
        priceMicros,
        ledgerEntryId: null,
        createdAt: AT,
        updatedAt: AT,
      };
      const debit: NewLedgerEntry = { ...entry(`msg:${wamid}`, -priceMicros), kind: 'message', reference: wamid };
      return {
        charge,
        ledgerEntry: debit,
        usage: null,
        marketingDelivery: {
          accountId: 'acc_1',
          recipient: '+15550001111',
          messageId: wamid,
          at: AT,
          claimSince: new Date(AT.getTime() - 86_400_000),
          claimUntil: new Date(AT.getTime() + 3_000),
        },
      };
    },
  };
}

const postgresSkip = postgresSkipReason();
if (postgresSkip) console.log(postgresSkip);

for (const kind of ['sqlite', 'postgres'] as const satisfies readonly StoreKind[]) {
  describe(`Store contract (${kind})`, { skip: kind === 'postgres' ? postgresSkip : false }, () => {
    let store: Store;
    let heard: StoreChange[];
    let schema: string;
    /** Another instance on the same database (PostgreSQL); SQLite in memory has only one. */
    const secondInstance = (): Store => (kind === 'postgres' ? openTestStore(kind, { schema, keepSchema: true }) : store);
    beforeEach(async () => {
      schema = newTestSchema();
      store = openTestStore(kind, { schema });
      heard = [];
      store.changes.subscribe((change) => heard.push(change));
      await store.createAccount(storeTestAccount('acc_1', '111'));
    });
    afterEach(() => store.close());

    /** Changes arrive after commit; on PostgreSQL through NOTIFY, a moment later. */
    async function heardSoon(count: number): Promise<StoreChange[]> {
      for (let i = 0; i < 200 && heard.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      return heard;
    }

    it('round-trips money beyond 2^53 exactly as bigint', async () => {
      const big = 900_000_000_000_000_123n;
      await store.appendLedgerEntry(entry('big', big), () => {});
      const account = await store.getAccount('acc_1');
      assert.equal(account?.balanceMicros, big);
      const [stored] = await store.listLedgerEntries('acc_1');
      assert.equal(stored?.amountMicros, big);
      assert.equal(stored?.balanceAfterMicros, big);
    });

    it('returns the existing entry, flagged replayed, for a repeated idempotency key', async () => {
      const first = await store.appendLedgerEntry(entry('k', 5n), noOverdraft);
      const again = await store.appendLedgerEntry({ ...entry('k', 99n), id: 'le_other' }, noOverdraft);
      assert.equal(first.replayed, false);
      assert.equal(again.replayed, true);
      assert.deepEqual(again.entry, first.entry);
      assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 5n);
    });

    it('answers a replay with the entry it repeats, even when the policy would refuse it now', async () => {
      await store.appendLedgerEntry(entry('fund', 100n), noOverdraft);
      const debit = await store.appendLedgerEntry(entry('spend', -80n), noOverdraft);
      // The same debit again: 20 left, so a new -80 would overdraw; it is the one already made.
      const again = await store.appendLedgerEntry({ ...entry('spend', -80n), id: 'le_spend_again' }, noOverdraft);
      assert.equal(again.replayed, true);
      assert.deepEqual(again.entry, debit.entry);
      // A repeated key with another amount is still the first entry, never a second one.
      const other = await store.appendLedgerEntry({ ...entry('fund', 7n), id: 'le_fund_again' }, noOverdraft);
      assert.equal(other.replayed, true);
      assert.equal(other.entry.amountMicros, 100n);
      assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 20n);
      assert.equal((await store.listLedgerEntries('acc_1')).length, 2);
      // A new key that would overdraw is refused.
      await assert.rejects(store.appendLedgerEntry(entry('more', -21n), noOverdraft), (error: unknown) => error instanceof DomainError && error.code === 'insufficient_balance');
    });

    it('rolls back everything when the policy refuses', async () => {
      await store.appendLedgerEntry(entry('a', 5n), noOverdraft);
      await assert.rejects(store.appendLedgerEntry(entry('b', -6n), noOverdraft), (error: unknown) => {
        return error instanceof DomainError && error.code === 'insufficient_balance';
      });
      assert.equal((await store.listLedgerEntries('acc_1')).length, 1);
      assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 5n);
    });

    it('lets a permissive policy take the balance below zero', async () => {
      const { entry: debit } = await store.appendLedgerEntry(entry('msg', -10_700n), () => {});
      assert.equal(debit.type, 'debit');
      assert.equal(debit.balanceAfterMicros, -10_700n);
    });

    it('refuses entries for an unknown account with not_found', async () => {
      await assert.rejects(store.appendLedgerEntry(entry('x', 1n, 'acc_nope'), noOverdraft), (error: unknown) => {
        return error instanceof DomainError && error.kind === 'not_found';
      });
    });

    it('refuses a second account with the same phone_number_id as a conflict', async () => {
      await assert.rejects(store.createAccount(storeTestAccount('acc_2', '111')), (error: unknown) => {
        return error instanceof DomainError && error.code === 'phone_number_taken';
      });
    });

    it('lists accounts by creation time then id, strictly after the cursor', async () => {
      await store.createAccount(storeTestAccount('acc_0', '222'));
      await store.createAccount({ ...storeTestAccount('acc_a', '333'), createdAt: new Date(AT.getTime() - 1) });
      const all = await store.listAccounts({ limit: 10 });
      assert.deepEqual(all.map((a) => a.id), ['acc_a', 'acc_0', 'acc_1']);
      const after = await store.listAccounts({ limit: 10, after: { createdAt: AT, id: 'acc_0' } });
      assert.deepEqual(after.map((a) => a.id), ['acc_1']);
    });

    it('finds a widget session by the hash of its secret', async () => {
      const session = {
        id: 'wss_1',
        secretHash: 'ab'.repeat(32),
        accountId: 'acc_1',
        permissions: ['topup' as const],
        expiresAt: new Date(AT.getTime() + 60_000),
        createdAt: AT,
        revokedAt: null,
      };
      await store.createWidgetSession(session);
      assert.deepEqual(await store.findWidgetSession(session.secretHash), session);
      assert.equal(await store.findWidgetSession('cd'.repeat(32)), null);
    });

    it('keeps balance = sum of entries under concurrent appends, each key applied once', async () => {
      const amounts = Array.from({ length: 40 }, (_, i) => BigInt((i % 7) + 1) * 1_000n);
      // Every append twice at once: the second of each pair must be a replay.
      const results = await Promise.all(amounts.flatMap((amount, i) => [0, 1].map(() => store.appendLedgerEntry(entry(`c${i}`, amount), noOverdraft))));
      assert.equal(results.filter((r) => !r.replayed).length, amounts.length);
      const entries = await store.listLedgerEntries('acc_1');
      const sum = entries.reduce((total, e) => total + e.amountMicros, 0n);
      assert.equal(entries.length, amounts.length);
      assert.equal(sum, amounts.reduce((a, b) => a + b, 0n));
      assert.equal((await store.getAccount('acc_1'))?.balanceMicros, sum);
      // Each entry's balance_after is the running sum in append order: no lost update.
      let running = 0n;
      for (const e of entries) assert.equal(e.balanceAfterMicros, (running += e.amountMicros));
    });

    it('never overdraws under concurrent debits: exactly as many succeed as the balance covers', async () => {
      await store.appendLedgerEntry(entry('fund', 10_000n), noOverdraft);
      const outcomes = await Promise.allSettled(Array.from({ length: 25 }, (_, i) => store.appendLedgerEntry(entry(`d${i}`, -1_000n), noOverdraft)));
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 10);
      assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 0n);
    });

    it('hands each due outbox event to one of several concurrent claimers', async () => {
      const events = Array.from({ length: 30 }, (_, i) => newHostEvent('balance.low', 'acc_1', { n: i } as never, new Date(AT.getTime() + i)));
      await store.enqueueHostEvents(events);
      const now = new Date(AT.getTime() + 60_000);
      const lease = new Date(now.getTime() + 60_000);
      const claims = await Promise.all(Array.from({ length: 5 }, () => store.claimDueHostEvents(now, lease, 10)));
      const ids = claims.flat().map((event) => event.id);
      assert.equal(new Set(ids).size, ids.length);
      const again = await store.claimDueHostEvents(now, lease, 100);
      assert.equal(ids.length + again.length, 30);
      for (const claim of claims) {
        const createdAt = claim.map((event) => event.createdAt.getTime());
        assert.deepEqual(createdAt, [...createdAt].sort((a, b) => a - b), 'oldest first');
      }
    });

    it('keeps an inbound webhook leased to the instance that stored it, then hands it, due, to one of several claimers', async () => {
      const lease = new Date(AT.getTime() + 60_000);
      await store.webhookInbox.add({ id: 'mwh_1', body: '{"object":"whatsapp_business_account","entry":[]}', receivedAt: AT }, lease);
      assert.deepEqual(await store.webhookInbox.claimDue(AT, lease, 10), [], 'leased to the instance applying it');
      for (let i = 2; i <= 12; i++) await store.webhookInbox.add({ id: `mwh_${i}`, body: `{"n":${i}}`, receivedAt: new Date(AT.getTime() + i) }, new Date(AT.getTime() + i));
      assert.deepEqual(await store.webhookInbox.count(), { waiting: 12, failed: 0 });
      const later = new Date(AT.getTime() + 60_000);
      const claims = await Promise.all([store, secondInstance(), store].map((instance) => instance.webhookInbox.claimDue(later, new Date(later.getTime() + 60_000), 5)));
      const ids = claims.flat().map((webhook) => webhook.id);
      assert.equal(new Set(ids).size, ids.length, 'each webhook to one claimer');
      assert.equal(ids.length, 12);
      for (const claim of claims) {
        // Due in the order they were received, but mwh_1 last: its lease ran out after the others were due.
        const due = claim.map((webhook) => (webhook.id === 'mwh_1' ? Number.MAX_SAFE_INTEGER : webhook.receivedAt.getTime()));
        assert.deepEqual(due, [...due].sort((a, b) => a - b), 'first due first');
      }
      const first = claims.flat().find((webhook) => webhook.id === 'mwh_1');
      assert.deepEqual(first, { id: 'mwh_1', body: '{"object":"whatsapp_business_account","entry":[]}', receivedAt: AT, attempts: 2 });
      assert.deepEqual(await store.webhookInbox.claimDue(later, later, 100), [], 'all leased again');

      await store.webhookInbox.remove('mwh_1');
      await store.webhookInbox.remove('mwh_1');
      await store.webhookInbox.scheduleRetry('mwh_2', new Date(later.getTime() + 10_000), 'busy');
      await store.webhookInbox.markFailed('mwh_3', later, 'not a webhook');
      assert.deepEqual(await store.webhookInbox.count(), { waiting: 10, failed: 1 });
      const retried = await store.webhookInbox.claimDue(new Date(later.getTime() + 10_000), new Date(later.getTime() + 70_000), 100);
      assert.deepEqual(retried.map((webhook) => [webhook.id, webhook.attempts]), [['mwh_2', 3]], 'due again at its retry; the failed one never');
    });

    it('announces committed changes once, and nothing for replays or refusals', async () => {
      await store.appendLedgerEntry(entry('a', 5n), noOverdraft);
      await store.appendLedgerEntry(entry('a', 5n), noOverdraft);
      await store.appendLedgerEntry(entry('b', -50n), noOverdraft).catch(() => {});
      await store.updateLowBalanceThreshold('acc_1', 1n, AT);
      assert.deepEqual(await heardSoon(2), [
        { kind: 'ledger', accountId: 'acc_1' },
        { kind: 'threshold', accountId: 'acc_1' },
      ]);
    });

    it('grants at most max stream slots per session at once, and frees released and lapsed ones', async () => {
      const later = (ms: number) => new Date(AT.getTime() + ms);
      const granted = await Promise.all(Array.from({ length: 8 }, (_, i) => store.acquireStreamSlot('wss_1', `s${i}`, 5, AT, later(60_000))));
      assert.equal(granted.filter(Boolean).length, 5);
      const holder = granted.findIndex(Boolean);
      await store.releaseStreamSlot(`s${holder}`);
      assert.equal(await store.acquireStreamSlot('wss_1', 'again', 5, AT, later(60_000)), true);
      assert.equal(await store.acquireStreamSlot('wss_1', 'full', 5, AT, later(60_000)), false);
      assert.equal(await store.acquireStreamSlot('wss_2', 'other', 5, AT, later(60_000)), true);
      // Slots whose instance stopped renewing them lapse.
      assert.equal(await store.acquireStreamSlot('wss_1', 'lapsed', 5, later(60_000), later(120_000)), true);
    });

    it('lets one of concurrent Graph read claims through, then none until the interval has passed', async () => {
      const lease = new Date(AT.getTime() + 15_000);
      const claims = await Promise.all(Array.from({ length: 6 }, () => store.claimGraphRead('acc_1', AT, 30_000, lease)));
      assert.deepEqual(claims.filter((claim) => claim === 'claimed').length, 1);
      assert.ok(claims.every((claim) => claim === 'claimed' || claim === 'in_flight'));
      await store.finishGraphRead('acc_1');
      assert.equal(await store.claimGraphRead('acc_1', new Date(AT.getTime() + 1_000), 30_000, lease), 'too_soon');
      await store.forgetGraphReadAttempt('acc_1');
      assert.equal(await store.claimGraphRead('acc_1', new Date(AT.getTime() + 1_000), 30_000, lease), 'claimed');
    });

    it('fires balance.low once per crossing under concurrent debits from two instances, and hears both', async () => {
      const other = secondInstance();
      try {
        const heardByOther: StoreChange[] = [];
        other.changes.subscribe((change) => heardByOther.push(change));
        await other.ping(); // ready: migrated and listening
        await store.appendLedgerEntry(entry('fund', 100_000n), noOverdraft);
        await store.updateLowBalanceThreshold('acc_1', 50_000n, AT);
        await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : other).appendLedgerEntry(entry(`d${i}`, -4_000n), noOverdraft)),
        );
        const events = await store.listHostEvents('acc_1');
        assert.equal(events.filter((event) => event.type === 'balance.low').length, 1);
        assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 20_000n);
        if (other !== store) {
          // Every instance hears every committed change, whichever made it.
          for (let i = 0; i < 300 && heardByOther.filter((c) => c.kind === 'ledger').length < 21; i++) {
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          assert.equal(heardByOther.filter((change) => change.kind === 'ledger').length, 21);
        }
      } finally {
        if (other !== store) await other.close();
      }
    });

    it('keeps the daily debit roll-up with every append, per kind and UTC day, exact past 2^63 micro-units a day', async () => {
      const day = Math.floor(AT.getTime() / 86_400_000);
      const at = (key: string, amountMicros: bigint, createdAt: Date, kind: NewLedgerEntry['kind'] = 'message') =>
        store.appendLedgerEntry({ ...entry(key, amountMicros), kind, createdAt }, () => {});
      await at('yesterday', -7n, new Date(AT.getTime() - 86_400_000));
      // 3 × 4·10^18 debited today: more than a 64-bit integer holds, with the balance kept in range by credits.
      const huge = 4_000_000_000_000_000_000n;
      for (const i of [1, 2, 3]) {
        await at(`credit${i}`, huge, AT, 'adjustment');
        await at(`debit${i}`, -huge, AT);
      }
      await at('small', -5n, AT);
      await at('other-kind', -11n, AT, 'adjustment');
      await at('small', -5n, AT); // a replay appends nothing
      assert.equal(await store.sumDailyDebits('acc_1', 'message', day, day), 3n * huge + 5n);
      assert.equal(await store.sumDailyDebits('acc_1', 'message', day - 6, day), 3n * huge + 12n);
      assert.equal(await store.sumDailyDebits('acc_1', 'adjustment', day - 6, day), 11n);
      assert.equal(await store.sumDailyDebits('acc_1', 'message', day + 1, day + 7), 0n);
    });

    it('reports a status sent alone that fails as ok: false, with nothing of it written or announced', async () => {
      await store.appendLedgerEntry(entry('fund', 1_000n), noOverdraft);
      await heardSoon(1);
      heard.length = 0;
      const [outcome] = await store.applyMessageStatuses('acc_1', [chargedStatus('wamid.A1', 200n, 'acc_missing')]);
      assert.equal(outcome?.ok, false);
      assert.deepEqual((await store.listLedgerEntries('acc_1')).map((e) => e.idempotencyKey), ['fund']);
      assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 1_000n);
      assert.equal(await store.getMessageCharge('acc_1', 'wamid.A1'), null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(heard.length, 0);
      // The account is not left locked or half-written: the next status goes through.
      const [next] = await store.applyMessageStatuses('acc_1', [chargedStatus('wamid.A2', 300n)]);
      assert.ok(next?.ok && next.debited);
      assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 700n);
    });

    it('applies a batch of statuses each in its own savepoint, announcing only the debits that committed', async () => {
      await store.appendLedgerEntry(entry('fund', 1_000n), noOverdraft);
      await heardSoon(1);
      heard.length = 0;
      // S2's debit is appended, then its record cannot be written (no such account): it rolls back alone.
      const failing = chargedStatus('wamid.S2', 200n, 'acc_missing');
      const outcomes = await store.applyMessageStatuses('acc_1', [chargedStatus('wamid.S1', 100n), failing, chargedStatus('wamid.S3', 300n)]);
      assert.deepEqual(
        outcomes.map((outcome) => (outcome.ok ? { ok: true, debited: outcome.debited } : { ok: false })),
        [{ ok: true, debited: true }, { ok: false }, { ok: true, debited: true }],
      );
      assert.deepEqual((await store.listLedgerEntries('acc_1')).map((e) => e.idempotencyKey), ['fund', 'msg:wamid.S1', 'msg:wamid.S3']);
      assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 600n);
      assert.equal((await store.getMessageCharge('acc_1', 'wamid.S1'))?.ledgerEntryId, 'le_msg:wamid.S1');
      assert.equal(await store.getMessageCharge('acc_1', 'wamid.S2'), null);
      assert.deepEqual(await heardSoon(1), [{ kind: 'ledger', accountId: 'acc_1' }]);
      // The delivery was counted toward the frequency cap in the same transaction.
      const delivery = { accountId: 'acc_1', recipient: '+15550001111', messageId: 'wamid.S1', at: AT, claimSince: AT, claimUntil: AT };
      assert.equal(await store.recordMarketingDelivery(delivery), 'duplicate');

      // Settled messages write nothing and announce nothing.
      const again = await store.applyMessageStatuses('acc_1', [chargedStatus('wamid.S1', 100n)]);
      assert.deepEqual(again.map((outcome) => outcome.ok && outcome.debited), [false]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(heard.length, 1);
      assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 600n);
    });

    it('takes a debit already in the ledger, its record saying nothing, as a replay inside a batch: its neighbours go in, the balance stays exact', async () => {
      await store.appendLedgerEntry(entry('fund', 1_000n), noOverdraft);
      // The debit of R2 is in the ledger already (a crash between the two, say), under another entry id.
      const earlier = await store.appendLedgerEntry({ ...entry('msg:wamid.R2', -200n), id: 'le_earlier', kind: 'message', reference: 'wamid.R2' }, noOverdraft);
      const outcomes = await store.applyMessageStatuses('acc_1', [chargedStatus('wamid.R1', 100n), chargedStatus('wamid.R2', 200n), chargedStatus('wamid.R3', 300n)]);
      assert.deepEqual(
        outcomes.map((outcome) => (outcome.ok ? { ok: true, debited: outcome.debited } : { ok: false })),
        [{ ok: true, debited: true }, { ok: true, debited: false }, { ok: true, debited: true }],
      );
      assert.deepEqual((await store.listLedgerEntries('acc_1')).map((e) => e.idempotencyKey).sort(), ['fund', 'msg:wamid.R1', 'msg:wamid.R2', 'msg:wamid.R3']);
      assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 1_000n - 200n - 100n - 300n);
      for (const e of await store.listLedgerEntries('acc_1')) {
        assert.ok(e.balanceAfterMicros >= 400n && e.balanceAfterMicros <= 1_000n, `${e.idempotencyKey}: balance after ${e.balanceAfterMicros}`);
      }
      assert.equal((await store.getMessageCharge('acc_1', 'wamid.R2'))?.ledgerEntryId, earlier.entry.id);
    });

    it('applies statuses handed in concurrently for one account, each caller getting its own outcomes, a failure isolated', async () => {
      await store.appendLedgerEntry(entry('fund', 100_000n), noOverdraft);
      // 30 webhooks at once, as concurrent requests hand them in: single statuses, a pair, a repeat of
      // an earlier message, and one status that cannot be written (no such account).
      const calls: { wamids: string[]; promise: Promise<Awaited<ReturnType<Store['applyMessageStatuses']>>> }[] = [];
      for (let i = 0; i < 30; i++) {
        const wamids = i === 7 ? [`wamid.C${i}a`, `wamid.C${i}b`] : i === 12 ? ['wamid.C3'] : [`wamid.C${i}`];
        const updates = i === 20 ? [chargedStatus('wamid.C20', 10n, 'acc_missing')] : wamids.map((wamid) => chargedStatus(wamid, 10n));
        calls.push({ wamids, promise: store.applyMessageStatuses('acc_1', updates) });
      }
      const results = await Promise.all(calls.map((call) => call.promise));
      for (const [i, outcomes] of results.entries()) {
        assert.equal(outcomes.length, calls[i]!.wamids.length, `call ${i} gets one outcome per status`);
        const expected = i === 20 ? [{ ok: false }] : i === 12 ? [{ ok: true, debited: false }] : calls[i]!.wamids.map(() => ({ ok: true, debited: true }));
        assert.deepEqual(
          outcomes.map((outcome) => (outcome.ok ? { ok: true, debited: outcome.debited } : { ok: false })),
          expected,
          `call ${i}`,
        );
      }
      // 30 calls: 28 new messages plus the pair's second, less the failure and the repeat, each 10 µ.
      const charged = 30 + 1 - 1 - 1;
      assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 100_000n - 10n * BigInt(charged));
      assert.equal((await store.listLedgerEntries('acc_1')).length, 1 + charged);
      assert.equal(await store.getMessageCharge('acc_1', 'wamid.C20'), null);
      // Nothing is left waiting: the next status of the account goes through at once.
      const [next] = await store.applyMessageStatuses('acc_1', [chargedStatus('wamid.after', 10n)]);
      assert.ok(next?.ok && next.debited);
    });

    it('fires the low-balance alert once when statuses handed in together cross the threshold, and re-arms it', async () => {
      await store.appendLedgerEntry(entry('fund', 1_000n), noOverdraft);
      await store.updateLowBalanceThreshold('acc_1', 500n, AT);
      // 10 concurrent webhooks of 100 µ each from 1,000 µ: one crossing of 500 µ (at 400 µ), whichever group makes it.
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.applyMessageStatuses('acc_1', [chargedStatus(`wamid.L${i}`, 100n)])));
      assert.ok(results.every(([outcome]) => outcome?.ok && outcome.debited));
      assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 0n);
      const low = async () => (await store.listHostEvents('acc_1')).filter((event) => event.type === 'balance.low');
      assert.equal((await low()).length, 1);
      assert.deepEqual((await low())[0]?.data.balance, { amount: '0.0004', currency: 'USD' });
      // Back above the threshold re-arms it; the next crossing fires again, once.
      await store.appendLedgerEntry(entry('refund', 1_000n), noOverdraft);
      await Promise.all(Array.from({ length: 6 }, (_, i) => store.applyMessageStatuses('acc_1', [chargedStatus(`wamid.M${i}`, 100n)])));
      assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 400n);
      assert.equal((await low()).length, 2);
    });

    it('revokes a session once (the first time stands), revokes the account’s live sessions, and prunes in batches', async () => {
      const session = (id: string, expiresInMs: number) => ({
        id,
        secretHash: id.padEnd(64, '0'),
        accountId: 'acc_1',
        permissions: [],
        expiresAt: new Date(AT.getTime() + expiresInMs),
        createdAt: AT,
        revokedAt: null,
      });
      for (const [id, ttl] of [['wss_a', 60_000], ['wss_b', 60_000], ['wss_old1', -2], ['wss_old2', -2], ['wss_old3', -1]] as const) {
        await store.createWidgetSession(session(id, ttl));
      }
      const later = new Date(AT.getTime() + 1_000);
      assert.deepEqual((await store.revokeWidgetSession('wss_a', AT))?.revokedAt, AT);
      assert.deepEqual((await store.revokeWidgetSession('wss_a', later))?.revokedAt, AT);
      assert.equal(await store.revokeWidgetSession('wss_none', AT), null);
      assert.equal(await store.revokeAccountWidgetSessions('acc_1', AT), 1); // wss_b: a is revoked, the old ones expired
      assert.deepEqual((await store.getWidgetSession('wss_b'))?.revokedAt, AT);
      assert.equal(await store.pruneWidgetSessions(AT, 2), 2);
      assert.equal(await store.pruneWidgetSessions(AT, 2), 1);
      assert.equal(await store.pruneWidgetSessions(AT), 0);
      assert.notEqual(await store.getWidgetSession('wss_a'), null);
    });

    it('admits exactly as many concurrent rate-limited hits as the limit, and counts only those', async () => {
      const hit = { bucket: 'test:acc_1', windowStartMs: 60_000 * 1000, windowMs: 60_000 };
      const results = await Promise.all(
        Array.from({ length: 12 }, () => store.takeRateLimitHit(hit, (counts) => counts.previous + counts.current < 5)),
      );
      assert.equal(results.filter((r) => r.admitted).length, 5);
      const next = await store.takeRateLimitHit({ ...hit, windowStartMs: hit.windowStartMs + hit.windowMs }, () => false);
      assert.deepEqual(next.counts, { previous: 5, current: 0 });
    });

    it('reserves the link’s checkout for one of concurrent payers; the others wait, then share the recorded one', async () => {
      await store.createPaymentLink({
        id: 'pl_1',
        accountId: 'acc_1',
        tokenHash: 'cd'.repeat(32),
        amountMicros: 1_000_000n,
        currency: 'USD',
        note: null,
        status: 'open',
        createdAt: AT,
        expiresAt: new Date(AT.getTime() + 3_600_000),
        paidAt: null,
        cancelledAt: null,
        ledgerEntryId: null,
      });
      assert.equal((await store.findPaymentLinkByTokenHash('cd'.repeat(32)))?.id, 'pl_1');
      const stale = new Date(AT.getTime() - 60_000);
      const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => store.reserveLinkCheckout('pl_1', `pay_${i}`, 'sandbox', AT, stale)));
      assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['busy', 'busy', 'busy', 'busy', 'busy', 'reserved']);
      const winner = `pay_${outcomes.findIndex((o) => o.kind === 'reserved')}`;
      const payment = (id: string) => ({
        id,
        accountId: 'acc_1',
        purpose: 'payment_link' as const,
        linkId: 'pl_1',
        amountMicros: 1_000_000n,
        currency: 'USD',
        status: 'pending' as const,
        provider: 'sandbox',
        providerPaymentId: `cs_${id}`,
        checkoutUrl: `https://sandbox.test/${id}`,
        createdAt: AT,
        expiresAt: new Date(AT.getTime() + 1_800_000),
        completedAt: null,
        ledgerEntryId: null,
        reviewNote: null,
      });
      assert.equal(await store.fillLinkCheckout(payment('pay_loser'), AT), false);
      assert.equal(await store.fillLinkCheckout(payment(winner), AT), true);
      const again = await store.reserveLinkCheckout('pl_1', 'pay_late', 'sandbox', AT, stale);
      assert.equal(again.kind === 'open' && again.payment.id, winner);
      assert.deepEqual((await store.listPendingLinkPayments('pl_1')).map((p) => p.id), [winner]);
      await store.cancelPaymentLink('pl_1', AT);
      assert.equal((await store.reserveLinkCheckout('pl_1', 'pay_after', 'sandbox', AT, stale)).kind, 'closed');
    });

    it('pairs a delivery with a check up to claimUntil (exclusive), not after', async () => {
      const recipient = '+15550002222';
      const at = (ms: number) => new Date(AT.getTime() + ms);
      await store.checkMarketingSend({ accountId: 'acc_1', recipient, at: at(900), pruneBefore: at(-86_400_000) }, () => ({ record: true, result: null }));
      const delivery = (messageId: string, ms: number, untilMs: number) =>
        store.recordMarketingDelivery({ accountId: 'acc_1', recipient, messageId, at: at(ms), claimSince: at(ms - 60_000), claimUntil: at(untilMs) });
      assert.equal(await delivery('wamid.1', 0, 900), 'recorded'); // the check at +900 is not before claimUntil
      assert.equal(await delivery('wamid.2', 0, 901), 'claimed'); // a delivery stamped before its check, within the slack
      assert.equal(await delivery('wamid.2', 0, 901), 'duplicate');
    });

    it('pairs each of several deliveries to one recipient, handed in together, with its own send', async () => {
      await store.appendLedgerEntry(entry('fund', 1_000n), noOverdraft);
      const recipient = '+15550001111';
      const dayBefore = new Date(AT.getTime() - 86_400_000);
      // One send checked (and recorded) before its message was delivered: one delivery claims it.
      await store.checkMarketingSend({ accountId: 'acc_1', recipient, at: new Date(AT.getTime() - 1_000), pruneBefore: dayBefore }, () => ({ record: true, result: null }));
      const results = await Promise.all(['wamid.F1', 'wamid.F2', 'wamid.F3', 'wamid.F4'].map((wamid) => store.applyMessageStatuses('acc_1', [chargedStatus(wamid, 10n)])));
      assert.ok(results.every(([outcome]) => outcome?.ok && outcome.debited));
      // Four deliveries: the one claimed check and three sends of their own, never two on one row.
      const sends = await store.checkMarketingSend({ accountId: 'acc_1', recipient, at: AT, pruneBefore: dayBefore }, (_cap, window) => ({
        record: false,
        result: window.countSince(dayBefore),
      }));
      assert.equal(sends, 4);
    });

    it('serializes concurrent marketing-send checks of one recipient', async () => {
      const check = { accountId: 'acc_1', recipient: '+15550001111', at: AT, pruneBefore: new Date(AT.getTime() - 86_400_000) };
      const allowed = await Promise.all(
        Array.from({ length: 8 }, () =>
          store.checkMarketingSend(check, (_cap, window) => {
            const room = window.countSince(new Date(AT.getTime() - 3_600_000)) < 3;
            return { record: room, result: room };
          }),
        ),
      );
      assert.equal(allowed.filter(Boolean).length, 3);
    });
  });
}
