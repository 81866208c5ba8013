import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAmount, isCurrencyCode, MAX_AMOUNT_MICROS, parseAmount, tryParseAmount } from './money.js';

describe('parseAmount', () => {
  it('reads decimal strings into integer micro-units', () => {
    assert.equal(parseAmount('12.50'), 12_500_000n);
    assert.equal(parseAmount('12.5'), 12_500_000n);
    assert.equal(parseAmount('12'), 12_000_000n);
    assert.equal(parseAmount('0.000001'), 1n);
    assert.equal(parseAmount('0.0107'), 10_700n);
    assert.equal(parseAmount('-3.10'), -3_100_000n);
    assert.equal(parseAmount('8323.87'), 8_323_870_000n);
  });

  it('treats "-0" and "-0.00" as zero', () => {
    assert.equal(parseAmount('-0'), 0n);
    assert.equal(parseAmount('-0.00'), 0n);
  });

  it('accepts leading zeros, which are unambiguous', () => {
    assert.equal(parseAmount('007.50'), 7_500_000n);
  });

  for (const bad of ['1e3', ' 1', '1 ', '1.', '.5', '+1', '1.1234567', '', '-', '1,50', '1.5.0', 'NaN', 'Infinity', '0x10', '١٢']) {
    it(`rejects ${JSON.stringify(bad)}`, () => {
      assert.equal(tryParseAmount(bad), null);
      assert.throws(() => parseAmount(bad), RangeError);
    });
  }

  it('accepts amounts up to 1e12 units and rejects anything larger', () => {
    assert.equal(parseAmount('1000000000000'), MAX_AMOUNT_MICROS);
    assert.equal(parseAmount('-1000000000000.000000'), -MAX_AMOUNT_MICROS);
    assert.equal(tryParseAmount('1000000000000.000001'), null);
    assert.equal(tryParseAmount('9'.repeat(40)), null);
  });
});

describe('formatAmount', () => {
  it('writes at least 2 and at most 6 fraction digits', () => {
    assert.equal(formatAmount(12_500_000n), '12.50');
    assert.equal(formatAmount(0n), '0.00');
    assert.equal(formatAmount(1n), '0.000001');
    assert.equal(formatAmount(10_700n), '0.0107');
    assert.equal(formatAmount(8_323_870_000n), '8323.87');
    assert.equal(formatAmount(-3_100_000n), '-3.10');
    assert.equal(formatAmount(-1n), '-0.000001');
    assert.equal(formatAmount(123_456_789n), '123.456789');
    assert.equal(formatAmount(MAX_AMOUNT_MICROS), '1000000000000.00');
  });

  it('round-trips with parseAmount', () => {
    for (const micros of [0n, 1n, -1n, 999_999n, 1_000_000n, 10_700n, -12_345_678_901n, MAX_AMOUNT_MICROS]) {
      assert.equal(parseAmount(formatAmount(micros)), micros);
    }
  });
});

describe('isCurrencyCode', () => {
  it('knows ISO 4217 codes and refuses the rest', () => {
    assert.equal(isCurrencyCode('USD'), true);
    assert.equal(isCurrencyCode('BRL'), true);
    assert.equal(isCurrencyCode('usd'), false);
    assert.equal(isCurrencyCode('XYZ'), false);
    assert.equal(isCurrencyCode('US'), false);
  });
});
