import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { hashSecret } from '../domain/ids.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp } from '../test/harness.js';

describe('POST /v1/widget-sessions', () => {
  let t: TestApp;
  let accountId: string;
  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount()).id;
  });
  afterEach(() => t.close());

  it('mints a read-only session for one hour by default', async () => {
    const res = await t.partner('POST', '/v1/widget-sessions', { account_id: accountId });
    assert.equal(res.status, 201);
    assert.match(res.body.client_secret, /^ws_[\w-]{43}$/);
    assert.match(res.body.id, /^wss_/);
    assert.deepEqual({ ...res.body, client_secret: undefined }, {
      id: res.body.id,
      client_secret: undefined,
      account_id: accountId,
      permissions: [],
      expires_at: '2025-01-15T11:00:00.000Z',
    });
  });

  it('grants the requested permissions once each and honours ttl_seconds', async () => {
    const res = await t.partner('POST', '/v1/widget-sessions', {
      account_id: accountId,
      permissions: ['statement:export', 'alerts:write', 'alerts:write'],
      ttl_seconds: 60,
    });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body.permissions, ['alerts:write', 'statement:export']);
    assert.equal(res.body.expires_at, '2025-01-15T10:01:00.000Z');
  });

  it('stores only the hash of the client secret', async () => {
    const res = await t.partner('POST', '/v1/widget-sessions', { account_id: accountId });
    const session = await t.store.findWidgetSession(hashSecret(res.body.client_secret));
    assert.equal(session?.accountId, accountId);
    assert.equal(await t.store.findWidgetSession(res.body.client_secret), null);
  });

  it('answers 404 for an unknown account', async () => {
    const res = await t.partner('POST', '/v1/widget-sessions', { account_id: 'acc_nope' });
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'account_not_found');
  });

  it('rejects unknown permissions, out-of-range lifetimes and unknown fields', async () => {
    const bodies = [
      { account_id: accountId, permissions: ['admin'] },
      { account_id: accountId, permissions: 'topup' },
      { account_id: accountId, ttl_seconds: 59 },
      { account_id: accountId, ttl_seconds: 86_401 },
      { account_id: accountId, ttl_seconds: '3600' },
      { account_id: accountId, ttl_seconds: 90.5 },
      { account_id: accountId, scope: 'all' },
      {},
    ];
    for (const body of bodies) {
      const res = await t.partner('POST', '/v1/widget-sessions', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'invalid_request');
    }
  });

  it('answers 401 without the partner key, and to a client secret posing as one', async () => {
    const secret = await t.mintSession(accountId, ['topup']);
    for (const auth of [null, secret]) {
      const res = await t.partner('POST', '/v1/widget-sessions', { account_id: accountId }, auth);
      assert.equal(res.status, 401);
      assert.equal(res.body.error.code, 'unauthorized');
    }
  });
});

describe('revoking widget sessions', () => {
  let t: TestApp;
  let accountId: string;
  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount()).id;
  });
  afterEach(() => t.close());

  const mint = async (account = accountId) => (await t.partner('POST', '/v1/widget-sessions', { account_id: account })).body;
  const balanceStatus = async (secret: string) => {
    const res = await t.widget(secret, 'GET', '/v1/balance');
    return res.status === 401 ? res.body.error.code : res.status;
  };

  it('DELETE /v1/widget-sessions/:id makes its secret 401 session_expired at once; other sessions go on', async () => {
    const revoked = await mint();
    const kept = await mint();
    assert.equal(await balanceStatus(revoked.client_secret), 200);
    t.clock.advance(1000);
    const res = await t.partner('DELETE', `/v1/widget-sessions/${revoked.id}`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, {
      id: revoked.id,
      account_id: accountId,
      permissions: [],
      expires_at: revoked.expires_at,
      revoked_at: '2025-01-15T10:00:01.000Z',
    });
    assert.equal(await balanceStatus(revoked.client_secret), 'session_expired');
    assert.equal(await balanceStatus(kept.client_secret), 200);
  });

  it('is idempotent: revoking again answers the first revocation', async () => {
    const session = await mint();
    const first = await t.partner('DELETE', `/v1/widget-sessions/${session.id}`);
    t.clock.advance(5000);
    const again = await t.partner('DELETE', `/v1/widget-sessions/${session.id}`);
    assert.deepEqual([again.status, again.body], [200, first.body]);
  });

  it('answers 404 session_not_found for an unknown id, and 401 without the partner key', async () => {
    const unknown = await t.partner('DELETE', '/v1/widget-sessions/wss_nope');
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'session_not_found']);
    const session = await mint();
    for (const auth of [null, session.client_secret]) {
      assert.equal((await t.partner('DELETE', `/v1/widget-sessions/${session.id}`, undefined, auth)).status, 401);
    }
    assert.equal(await balanceStatus(session.client_secret), 200);
  });

  it('DELETE /v1/accounts/:id/widget-sessions logs the account out everywhere, and nobody else', async () => {
    const [a, b] = [await mint(), await mint()];
    const otherAccount = (await t.openAccount()).id;
    const other = await mint(otherAccount);
    const res = await t.partner('DELETE', `/v1/accounts/${accountId}/widget-sessions`);
    assert.deepEqual([res.status, res.body], [200, { revoked: 2 }]);
    assert.equal(await balanceStatus(a.client_secret), 'session_expired');
    assert.equal(await balanceStatus(b.client_secret), 'session_expired');
    assert.equal(await balanceStatus(other.client_secret), 200);
    assert.deepEqual((await t.partner('DELETE', `/v1/accounts/${accountId}/widget-sessions`)).body, { revoked: 0 });
    assert.equal(await balanceStatus((await mint()).client_secret), 200);
  });

  it('answers 404 for the sessions of an unknown account', async () => {
    const res = await t.partner('DELETE', '/v1/accounts/acc_nope/widget-sessions');
    assert.deepEqual([res.status, res.body.error.code], [404, 'account_not_found']);
  });
});
