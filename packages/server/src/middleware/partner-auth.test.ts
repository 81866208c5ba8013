import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { errorHandler } from './errors.js';
import { bearerToken, partnerAuth } from './partner-auth.js';

describe('bearerToken', () => {
  it('reads the token of a Bearer header, case-insensitively', () => {
    assert.equal(bearerToken('Bearer abc'), 'abc');
    assert.equal(bearerToken('bearer abc'), 'abc');
  });

  it('refuses other schemes, blanks and extra words', () => {
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Basic abc', 'Bearer a b', 'abc']) {
      assert.equal(bearerToken(header), null, String(header));
    }
  });
});

describe('partnerAuth', () => {
  const app = new Hono().use(partnerAuth('sk_test_secret_key_1234')).get('/', (c) => c.text('in'));
  app.onError(errorHandler());

  it('admits the exact key', async () => {
    const res = await app.request('/', { headers: { Authorization: 'Bearer sk_test_secret_key_1234' } });
    assert.equal(res.status, 200);
  });

  it('refuses prefixes, extensions and other keys with 401 unauthorized', async () => {
    for (const key of ['sk_test_secret_key_123', 'sk_test_secret_key_12345', 'SK_TEST_SECRET_KEY_1234']) {
      const res = await app.request('/', { headers: { Authorization: `Bearer ${key}` } });
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), {
        error: { code: 'unauthorized', message: 'a valid partner secret key is required (Authorization: Bearer <key>)' },
      });
    }
  });
});
