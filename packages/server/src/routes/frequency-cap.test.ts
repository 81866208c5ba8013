import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { recordMarketingDelivery } from '../domain/frequency-cap.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp } from '../test/harness.js';

const HOUR = 3_600_000;

describe('frequency cap', () => {
  let t: TestApp;
  let accountId: string;
  let writer: string;

  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount()).id;
    writer = await t.mintSession(accountId, ['frequency_cap:write'], 86_400);
  });
  afterEach(() => t.close());

  const setCap = (cap: unknown, as = writer) => t.widget(as, 'PUT', '/v1/frequency-cap', cap);
  const check = (recipient: string, id = accountId) =>
    t.partner('POST', `/v1/accounts/${id}/marketing-sends`, { recipient });

  describe('GET|PUT /v1/frequency-cap', () => {
    it('reads the documented default until set', async () => {
      const res = await t.widget(writer, 'GET', '/v1/frequency-cap');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { enabled: false, max_messages: 1, window_hours: 24 });
    });

    it('replaces the cap and reads it back', async () => {
      const cap = { enabled: true, max_messages: 3, window_hours: 48 };
      assert.deepEqual((await setCap(cap)).body, cap);
      assert.deepEqual((await t.widget(writer, 'GET', '/v1/frequency-cap')).body, cap);
    });

    it('answers 403 to a session without frequency_cap:write and changes nothing', async () => {
      const reader = await t.mintSession(accountId);
      const res = await setCap({ enabled: true, max_messages: 3, window_hours: 48 }, reader);
      assert.equal(res.status, 403);
      assert.equal((await t.widget(reader, 'GET', '/v1/frequency-cap')).body.enabled, false);
    });

    it('refuses out-of-range, missing, mistyped and unknown fields', async () => {
      for (const cap of [
        { enabled: true, max_messages: 0, window_hours: 24 },
        { enabled: true, max_messages: 101, window_hours: 24 },
        { enabled: true, max_messages: 1, window_hours: 721 },
        { enabled: true, max_messages: 1.5, window_hours: 24 },
        { enabled: 'yes', max_messages: 1, window_hours: 24 },
        { enabled: true, max_messages: 1 },
        { enabled: true, max_messages: 1, window_hours: 24, scope: 'all' },
      ]) {
        const res = await setCap(cap);
        assert.equal(res.status, 400, JSON.stringify(cap));
        assert.equal(res.body.error.code, 'invalid_request');
      }
    });
  });

  describe('POST /v1/accounts/:id/marketing-sends', () => {
    it('allows every send while the cap is off, with remaining null', async () => {
      for (let i = 0; i < 3; i++) {
        const res = await check('+14155550100');
        assert.equal(res.status, 200);
        assert.deepEqual(res.body, { allowed: true, remaining: null, next_allowed_at: null });
      }
    });

    it('counts sends made while the cap was off once it is turned on', async () => {
      await check('+14155550100');
      await setCap({ enabled: true, max_messages: 1, window_hours: 24 });
      assert.equal((await check('+14155550100')).body.allowed, false);
    });

    it('admits exactly one of 50 concurrent checks for one recipient under a cap of 1', async () => {
      await setCap({ enabled: true, max_messages: 1, window_hours: 24 });
      const results = await Promise.all(Array.from({ length: 50 }, () => check('+14155550100')));
      assert.ok(results.every((res) => res.status === 200));
      assert.equal(results.filter((res) => res.body.allowed).length, 1);
    });

    it('slides the window: refuses until the oldest send leaves it, and says when', async () => {
      await setCap({ enabled: true, max_messages: 2, window_hours: 24 });
      const start = t.clock.now().getTime();
      assert.deepEqual((await check('14155550100')).body, { allowed: true, remaining: 1, next_allowed_at: null });
      t.clock.advance(HOUR);
      assert.deepEqual((await check('+1 (415) 555-0100')).body, { allowed: true, remaining: 0, next_allowed_at: null });
      t.clock.advance(HOUR);
      const refused = { allowed: false, remaining: 0, next_allowed_at: new Date(start + 24 * HOUR).toISOString() };
      assert.deepEqual((await check('+14155550100')).body, refused);
      t.clock.set(new Date(start + 24 * HOUR - 1));
      assert.deepEqual((await check('+14155550100')).body, refused);
      t.clock.set(new Date(start + 24 * HOUR));
      assert.deepEqual((await check('+14155550100')).body, { allowed: true, remaining: 0, next_allowed_at: null });
      assert.equal((await check('+14155550100')).body.next_allowed_at, new Date(start + 25 * HOUR).toISOString());
    });

    it('counts each recipient separately', async () => {
      await setCap({ enabled: true, max_messages: 1, window_hours: 24 });
      assert.equal((await check('+14155550100')).body.allowed, true);
      assert.equal((await check('+5511987654321')).body.allowed, true);
      assert.equal((await check('+14155550100')).body.allowed, false);
    });

    it('lowering the cap below the sends in the window waits for enough of them to leave', async () => {
      const start = t.clock.now().getTime();
      for (let i = 0; i < 3; i++) {
        await check('+14155550100');
        t.clock.advance(HOUR);
      }
      await setCap({ enabled: true, max_messages: 1, window_hours: 24 });
      const res = await check('+14155550100');
      assert.deepEqual(res.body, { allowed: false, remaining: 0, next_allowed_at: new Date(start + 26 * HOUR).toISOString() });
    });

    it('answers 400 invalid_recipient to something that is not a phone number', async () => {
      for (const recipient of ['hello', '+1', '12345678901234567', '+1 415 555 0100 ext 2']) {
        const res = await check(recipient);
        assert.equal(res.status, 400, recipient);
        assert.equal(res.body.error.code, 'invalid_recipient', recipient);
      }
    });

    it('answers 400 to an unknown field and 404 to an unknown account', async () => {
      const extra = await t.partner('POST', `/v1/accounts/${accountId}/marketing-sends`, { recipient: '+14155550100', x: 1 });
      assert.equal(extra.status, 400);
      assert.equal((await check('+14155550100', 'acc_nope')).status, 404);
    });

    it('needs the partner key', async () => {
      const res = await t.partner('POST', `/v1/accounts/${accountId}/marketing-sends`, { recipient: '+14155550100' }, null);
      assert.equal(res.status, 401);
    });
  });

  describe('recordMarketingDelivery', () => {
    const deliver = (messageId: string, recipient = '14155550100') =>
      recordMarketingDelivery(t.store, { accountId, recipient, messageId, at: t.clock.now() });

    it('records a delivery once per message id', async () => {
      await setCap({ enabled: true, max_messages: 2, window_hours: 24 });
      assert.equal(await deliver('wamid.A'), 'recorded');
      assert.equal(await deliver('wamid.A'), 'duplicate');
      assert.equal(await deliver('wamid.A'), 'duplicate');
      assert.deepEqual((await check('+14155550100')).body, { allowed: true, remaining: 0, next_allowed_at: null });
    });

    it('counts a send that bypassed the check', async () => {
      await setCap({ enabled: true, max_messages: 1, window_hours: 24 });
      await deliver('wamid.B');
      assert.equal((await check('+14155550100')).body.allowed, false);
    });

    it('pairs a delivery with its earlier check so that the message counts once', async () => {
      await setCap({ enabled: true, max_messages: 2, window_hours: 24 });
      assert.equal((await check('+14155550100')).body.remaining, 1);
      t.clock.advance(5_000);
      assert.equal(await deliver('wamid.C'), 'claimed');
      assert.equal(await deliver('wamid.C'), 'duplicate');
      assert.deepEqual((await check('+14155550100')).body, { allowed: true, remaining: 0, next_allowed_at: null });
    });

    it("pairs a check with a delivery whose whole-second timestamp Meta truncated to before it", async () => {
      await setCap({ enabled: true, max_messages: 2, window_hours: 24 });
      const second = t.clock.now().getTime();
      t.clock.advance(700);
      assert.equal((await check('+14155550100')).body.remaining, 1);
      t.clock.advance(200);
      const truncated = new Date(second);
      assert.equal(await recordMarketingDelivery(t.store, { accountId, recipient: '14155550100', messageId: 'wamid.T', at: truncated }), 'claimed');
      assert.deepEqual((await check('+14155550100')).body, { allowed: true, remaining: 0, next_allowed_at: null });
    });

    it('leaves a check made later than the slack for its own delivery', async () => {
      await setCap({ enabled: true, max_messages: 3, window_hours: 24 });
      const deliveredAt = t.clock.now();
      t.clock.advance(3_000);
      await check('+14155550100');
      assert.equal(await recordMarketingDelivery(t.store, { accountId, recipient: '14155550100', messageId: 'wamid.U', at: deliveredAt }), 'recorded');
      assert.equal(await deliver('wamid.V'), 'claimed');
    });

    it('refuses a recipient that is not a phone number', async () => {
      await assert.rejects(deliver('wamid.D', 'nobody'), { code: 'invalid_recipient' });
    });

    it('counts a wa_id our phone metadata finds impossible, since Meta delivered to it', async () => {
      assert.equal(await deliver('wamid.E', '187601005000'), 'recorded');
    });
  });
});
