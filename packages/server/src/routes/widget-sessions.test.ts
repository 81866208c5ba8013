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
    assert.deepEqual({ ...res.body, client_secret: undefined }, {
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
