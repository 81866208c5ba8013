import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { TestApp } from '../test/harness.js';
import { createTestApp } from '../test/harness.js';

/** Invisible characters that would change what a reader of a name or note sees. */
const HIDDEN = {
  'right-to-left override': 'Acme\u202Eevil',
  'left-to-right isolate': '\u2066Acme\u2069',
  'pop directional formatting': 'Acme\u202C',
  newline: 'Acme\nPay to: Bank',
  'carriage return': 'Acme\rCo',
  NUL: 'Acme\u0000',
  'C1 control': 'Acme\u0085',
  escape: 'Acme\u001b[31m',
  'lone surrogate': 'Acme\uD800',
};

/** Text a person may well type, in scripts of either direction. */
const FINE = ['Café São João', 'مخبز الحي', 'מאפייה', 'Bäckerei 🥐 & Co', 'Ŝ‎ (with a left-to-right mark)'];

describe('names and notes shown to people', () => {
  let t: TestApp;
  let accountId: string;
  let secret: string;

  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount()).id;
    secret = await t.mintSession(accountId, ['payment_links']);
  });
  afterEach(() => t.close());

  const openAccount = (name: string) =>
    t.partner('POST', '/v1/accounts', { name, currency: 'USD', waba_id: '1', phone_number_id: String(Math.floor(Math.random() * 1e12)) });
  const adjust = (reason: string, key: string) =>
    t.partner('POST', `/v1/accounts/${accountId}/adjustments`, { amount: { amount: '1.00', currency: 'USD' }, reason, idempotency_key: key });
  const createLink = (note: string) =>
    t.widget(secret, 'POST', '/v1/payment-links', { amount: { amount: '25.00', currency: 'USD' }, note });

  for (const [what, text] of Object.entries(HIDDEN)) {
    it(`refuses a ${what} in an account name, an adjustment reason and a payment-link note, writing nothing`, async () => {
      for (const res of [await openAccount(text), await adjust(text, `k-${what}`), await createLink(text)]) {
        assert.equal(res.status, 400);
        assert.equal(res.body.error.code, 'invalid_request');
        assert.match(res.body.error.message, /control or bidirectional-override/);
      }
      assert.equal((await t.store.listAccounts({ limit: 10 })).length, 1);
      assert.deepEqual(await t.store.listLedgerEntries(accountId), []);
      assert.deepEqual((await t.widget(secret, 'GET', '/v1/payment-links')).body.data, []);
    });
  }

  it('accepts names and notes in any script, emoji and direction marks included', async () => {
    for (const [i, text] of FINE.entries()) {
      assert.equal((await openAccount(text)).status, 201, text);
      assert.equal((await adjust(text, `fine-${i}`)).status, 201, text);
      const link = await createLink(text);
      assert.equal(link.status, 201, JSON.stringify(link.body));
    }
  });
});
