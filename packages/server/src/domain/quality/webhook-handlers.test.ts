import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { TestApp } from '../../test/harness.js';
import { createTestApp } from '../../test/harness.js';
import type { WebhookChange } from '../meta/webhook-change.js';
import { limitForAccount } from './limits.js';
import type { IgnoredReason } from './webhook-handlers.js';
import { qualityWebhookHandlers } from './webhook-handlers.js';

/** Meta's own examples (docs/meta-platform-notes.md §2 and §3), split into the dispatcher's changes. */
const THROUGHPUT_UPGRADE_SAMPLE = {
  entry: [
    {
      id: '102290129340398',
      time: 1748454394,
      changes: [
        {
          value: { display_phone_number: '15550783881', event: 'THROUGHPUT_UPGRADE', current_limit: 'TIER_UNLIMITED' },
          field: 'phone_number_quality_update',
        },
      ],
    },
  ],
  object: 'whatsapp_business_account',
};
const CAPABILITY_SAMPLE = {
  entry: [
    {
      id: '524126980791429',
      time: 1739321024,
      changes: [
        { value: { max_daily_conversations_per_business: 2000, max_phone_numbers_per_waba: 25 }, field: 'business_capability_update' },
      ],
    },
  ],
  object: 'whatsapp_business_account',
};

function changesOf(payload: typeof THROUGHPUT_UPGRADE_SAMPLE | typeof CAPABILITY_SAMPLE, receivedAt: Date): WebhookChange[] {
  return payload.entry.flatMap((entry) =>
    entry.changes.map((change) => ({ wabaId: entry.id, field: change.field, value: change.value, receivedAt })),
  );
}

describe('quality webhook handlers', () => {
  let t: TestApp;
  let ignored: IgnoredReason[];
  let handlers: ReturnType<typeof qualityWebhookHandlers>;

  const dispatch = async (changes: WebhookChange[]) => {
    for (const change of changes) await handlers[change.field]?.(change);
  };
  const history = async (secret: string) => (await t.widget(secret, 'GET', '/v1/quality')).body.history;

  beforeEach(() => {
    t = createTestApp();
    ignored = [];
    handlers = qualityWebhookHandlers({ store: t.store, onIgnored: (reason) => ignored.push(reason) });
  });
  afterEach(() => t.close());

  describe('phone_number_quality_update', () => {
    it("finds the number by its display digits under the WABA, whatever our formatting, and sets the portfolio's tier", async () => {
      const account = await t.openAccount({ waba_id: '102290129340398', display_phone_number: '+1 (555) 078-3881' });
      const other = await t.openAccount({ waba_id: '102290129340398', display_phone_number: '+1 555-078-0000' });
      const secret = await t.mintSession(account.id);
      await dispatch(changesOf(THROUGHPUT_UPGRADE_SAMPLE, t.clock.now()));
      assert.deepEqual(await history(secret), [
        { at: '2025-01-15T10:00:00.000Z', event: 'THROUGHPUT_UPGRADE', rating: null, tier: 'TIER_UNLIMITED', source: 'webhook' },
      ]);
      assert.deepEqual(await limitForAccount(t.store, account.id), { tier: 'TIER_UNLIMITED', limit: null, unlimited: true });
      assert.equal(await limitForAccount(t.store, other.id), null);
      const quota = await t.widget(secret, 'GET', '/v1/quota');
      assert.equal(quota.body.unlimited, true);
      assert.equal(quota.body.limit, null);
    });

    it('prefers max_daily_conversations_per_business over current_limit and keeps legacy events', async () => {
      const account = await t.openAccount({
        waba_id: '102290129340398',
        display_phone_number: '15550783881',
        business_portfolio_id: '1203948576102938',
      });
      const sibling = await t.openAccount({ waba_id: '102290129340399', business_portfolio_id: '1203948576102938' });
      const value = {
        display_phone_number: '15550783881',
        event: 'DOWNGRADE',
        old_limit: 'TIER_10K',
        current_limit: 'TIER_1K',
        max_daily_conversations_per_business: 'TIER_2K',
      };
      await dispatch([{ wabaId: '102290129340398', field: 'phone_number_quality_update', value, receivedAt: t.clock.now() }]);
      assert.deepEqual(await limitForAccount(t.store, account.id), { tier: 'TIER_2K', limit: 2000, unlimited: false });
      assert.deepEqual(await limitForAccount(t.store, sibling.id), { tier: 'TIER_2K', limit: 2000, unlimited: false });
      const secret = await t.mintSession(account.id);
      assert.equal((await history(secret))[0].event, 'DOWNGRADE');
    });

    it('writes one line for a duplicate delivery, and a new one once the window has passed', async () => {
      const account = await t.openAccount({ waba_id: '102290129340398', display_phone_number: '+1 555 078 3881' });
      const secret = await t.mintSession(account.id);
      await dispatch(changesOf(THROUGHPUT_UPGRADE_SAMPLE, t.clock.now()));
      t.clock.advance(30_000);
      await dispatch(changesOf(THROUGHPUT_UPGRADE_SAMPLE, t.clock.now()));
      assert.equal((await history(secret)).length, 1);
      t.clock.advance(10 * 60_000);
      await dispatch(changesOf(THROUGHPUT_UPGRADE_SAMPLE, t.clock.now()));
      assert.equal((await history(secret)).length, 2);
    });

    it('writes nothing twice for a webhook applied again with its first receipt time, after newer ones, and keeps the newer limit', async () => {
      const account = await t.openAccount({ waba_id: '102290129340398', display_phone_number: '+1 555 078 3881' });
      const firstReceived = t.clock.now();
      await dispatch(changesOf(THROUGHPUT_UPGRADE_SAMPLE, firstReceived));
      t.clock.advance(10 * 60_000);
      await dispatch([
        { wabaId: '102290129340398', field: 'business_capability_update', value: { max_daily_conversations_per_business: 2000 }, receivedAt: t.clock.now() },
      ]);
      // The first webhook again, as the inbox applies it after a crash: its receipt time, an hour on.
      t.clock.advance(60 * 60_000);
      await dispatch(changesOf(THROUGHPUT_UPGRADE_SAMPLE, firstReceived));
      const secret = await t.mintSession(account.id); // minted now: sessions last less than the hour gone by
      assert.deepEqual(
        (await history(secret)).map((line: { event: string }) => line.event),
        ['BUSINESS_CAPABILITY_UPDATE', 'THROUGHPUT_UPGRADE'],
      );
      assert.deepEqual(await limitForAccount(t.store, account.id), { tier: 'TIER_2K', limit: 2000, unlimited: false });
    });

    it('acknowledges an unknown number, another WABA or a malformed value without effect, counting it', async () => {
      await t.openAccount({ waba_id: '200000000000001', display_phone_number: '+1 555-078-3881' });
      await dispatch(changesOf(THROUGHPUT_UPGRADE_SAMPLE, t.clock.now()));
      await dispatch([{ wabaId: '102290129340398', field: 'phone_number_quality_update', value: 'nonsense', receivedAt: t.clock.now() }]);
      assert.deepEqual(ignored, ['unknown_number', 'malformed']);
    });

    it('records ONBOARDING without a tier as a timeline line only', async () => {
      const account = await t.openAccount({ waba_id: '102290129340398', display_phone_number: '15550783881' });
      const value = { display_phone_number: '15550783881', event: 'ONBOARDING' };
      await dispatch([{ wabaId: '102290129340398', field: 'phone_number_quality_update', value, receivedAt: t.clock.now() }]);
      assert.equal(await limitForAccount(t.store, account.id), null);
      assert.deepEqual((await history(await t.mintSession(account.id)))[0], {
        at: '2025-01-15T10:00:00.000Z',
        event: 'ONBOARDING',
        rating: null,
        tier: null,
        source: 'webhook',
      });
    });
  });

  describe('business_capability_update', () => {
    it("sets the limit of every account of the WABA from Meta's sample (2000 → TIER_2K)", async () => {
      const a = await t.openAccount({ waba_id: '524126980791429' });
      const b = await t.openAccount({ waba_id: '524126980791429' });
      await dispatch(changesOf(CAPABILITY_SAMPLE, t.clock.now()));
      for (const account of [a, b]) {
        assert.deepEqual(await limitForAccount(t.store, account.id), { tier: 'TIER_2K', limit: 2000, unlimited: false });
        assert.deepEqual(await history(await t.mintSession(account.id)), [
          { at: '2025-01-15T10:00:00.000Z', event: 'BUSINESS_CAPABILITY_UPDATE', rating: null, tier: 'TIER_2K', source: 'webhook' },
        ]);
      }
    });

    const forms: [string, Record<string, unknown>, { tier: string; limit: number | null; unlimited: boolean }][] = [
      ['a number', { max_daily_conversations_per_business: 10000 }, { tier: 'TIER_10K', limit: 10000, unlimited: false }],
      ['a tier string', { max_daily_conversations_per_business: 'TIER_100K' }, { tier: 'TIER_100K', limit: 100000, unlimited: false }],
      ['"UNLIMITED"', { max_daily_conversations_per_business: 'UNLIMITED' }, { tier: 'TIER_UNLIMITED', limit: null, unlimited: true }],
      ['TIER_UNLIMITED', { max_daily_conversations_per_business: 'TIER_UNLIMITED' }, { tier: 'TIER_UNLIMITED', limit: null, unlimited: true }],
      ['the old per-phone -1', { max_daily_conversation_per_phone: -1 }, { tier: 'TIER_UNLIMITED', limit: null, unlimited: true }],
      ['the old per-phone 250', { max_daily_conversation_per_phone: 250, max_phone_numbers_per_business: 2 }, { tier: 'TIER_250', limit: 250, unlimited: false }],
      ['a number off the ladder', { max_daily_conversations_per_business: 5000 }, { tier: '5000', limit: 5000, unlimited: false }],
      ['an unknown tier name', { max_daily_conversations_per_business: 'TIER_NOT_SET' }, { tier: 'TIER_NOT_SET', limit: null, unlimited: false }],
    ];
    for (const [name, value, expected] of forms) {
      it(`parses max_daily_conversations as ${name}`, async () => {
        const account = await t.openAccount({ waba_id: '524126980791429' });
        await dispatch([{ wabaId: '524126980791429', field: 'business_capability_update', value, receivedAt: t.clock.now() }]);
        assert.deepEqual(await limitForAccount(t.store, account.id), expected);
      });
    }

    it('ignores a change without any limit, and an unknown WABA', async () => {
      await t.openAccount({ waba_id: '524126980791429' });
      await dispatch([
        { wabaId: '524126980791429', field: 'business_capability_update', value: { max_phone_numbers_per_waba: 25 }, receivedAt: t.clock.now() },
      ]);
      await dispatch(changesOf({ ...CAPABILITY_SAMPLE, entry: [{ ...CAPABILITY_SAMPLE.entry[0]!, id: '1' }] }, t.clock.now()));
      assert.deepEqual(ignored, ['no_limit', 'unknown_waba']);
    });
  });
});
