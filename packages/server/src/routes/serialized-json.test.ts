import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonPerState } from './serialized-json.js';

describe('jsonPerState', () => {
  it('builds once per owner and parts, and again when the owner or any part changes', () => {
    let builds = 0;
    const text = jsonPerState((owner: { readonly balance: number }, days: number | null, spend: bigint) => {
      builds += 1;
      return { balance: owner.balance, days, spend: String(spend) };
    });
    const account = Object.freeze({ balance: 10 });
    assert.equal(text(account, 3, 5n), '{"balance":10,"days":3,"spend":"5"}');
    assert.equal(text(account, 3, 5n), '{"balance":10,"days":3,"spend":"5"}');
    assert.equal(builds, 1, 'the same state: kept');
    assert.equal(text(account, null, 5n), '{"balance":10,"days":null,"spend":"5"}');
    assert.equal(text(account, null, 6n), '{"balance":10,"days":null,"spend":"6"}');
    assert.equal(builds, 3, 'a part changed: built again');
    // The store's next state is a new object, however alike.
    assert.equal(text(Object.freeze({ balance: 9 }), null, 6n), '{"balance":9,"days":null,"spend":"6"}');
    assert.equal(text(Object.freeze({ balance: 10 }), null, 6n), '{"balance":10,"days":null,"spend":"6"}');
    assert.equal(builds, 5);
  });
});
