import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonPerState } from './serialized-json.js';

describe('jsonPerState', () => {
  it('builds once per owner and parts, and again when the owner or any field of a part changes', () => {
    let builds = 0;
    const text = jsonPerState((owner: { readonly balance: number }, runway: { readonly days: number | null; readonly spend: bigint }) => {
      builds += 1;
      return { balance: owner.balance, days: runway.days, spend: String(runway.spend) };
    });
    const account = Object.freeze({ balance: 10 });
    assert.equal(text(account, { days: 3, spend: 5n }), '{"balance":10,"days":3,"spend":"5"}');
    // A fresh part with the same fields is the same state.
    assert.equal(text(account, { days: 3, spend: 5n }), '{"balance":10,"days":3,"spend":"5"}');
    assert.equal(builds, 1, 'the same state: kept');
    assert.equal(text(account, { days: null, spend: 5n }), '{"balance":10,"days":null,"spend":"5"}');
    assert.equal(text(account, { days: null, spend: 6n }), '{"balance":10,"days":null,"spend":"6"}');
    assert.equal(builds, 3, 'a field of a part changed: built again');
    // The store's next state is a new object, however alike.
    assert.equal(text(Object.freeze({ balance: 9 }), { days: null, spend: 6n }), '{"balance":9,"days":null,"spend":"6"}');
    assert.equal(text(Object.freeze({ balance: 10 }), { days: null, spend: 6n }), '{"balance":10,"days":null,"spend":"6"}');
    assert.equal(builds, 5);
  });
});
