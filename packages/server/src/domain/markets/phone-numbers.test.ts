import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInternationalNumber } from './phone-numbers.js';

describe('parseInternationalNumber', () => {
  it('places a number and says whether its length is possible', () => {
    assert.deepEqual(parseInternationalNumber('919876543210'), { callingCode: '91', country: 'IN', digits: '919876543210', possible: true });
    assert.equal(parseInternationalNumber('4477')?.possible, false);
    assert.equal(parseInternationalNumber('999999999'), null);
  });

  it('answers a number seen recently from memory, the same result as parsed', () => {
    const first = parseInternationalNumber('5511987654321');
    assert.equal(parseInternationalNumber('5511987654321'), first);
  });

  it('keeps a bounded number of results and still parses the ones it let go', () => {
    const first = parseInternationalNumber('14155550100');
    for (let i = 0; i < 10_001; i++) parseInternationalNumber(`4915${String(10_000_000 + i)}`);
    const again = parseInternationalNumber('14155550100');
    assert.notEqual(again, first);
    assert.deepEqual(again, first);
  });
});
