import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import { applyMarkup, formatMarkupPercent, parseMarkupPercent } from './markup.js';

describe('markup', () => {
  it('parses and formats percents with up to 4 fraction digits', () => {
    assert.equal(parseMarkupPercent('15'), 150_000n);
    assert.equal(parseMarkupPercent('12.5'), 125_000n);
    assert.equal(parseMarkupPercent('0.0001'), 1n);
    assert.equal(parseMarkupPercent('1000'), 10_000_000n);
    assert.equal(formatMarkupPercent(150_000n), '15');
    assert.equal(formatMarkupPercent(125_000n), '12.5');
    assert.equal(formatMarkupPercent(1n), '0.0001');
    assert.equal(formatMarkupPercent(0n), '0');
  });

  it('refuses negatives, more than 1000, 5 fraction digits, exponents and blanks', () => {
    for (const text of ['-1', '1000.0001', '0.00001', '1e2', '', ' 5', '5.', '.5', '10000']) {
      assert.throws(() => parseMarkupPercent(text), (error: unknown) => error instanceof DomainError && error.code === 'invalid_markup', text);
    }
  });

  it('rounds half up to the micro-unit in integer arithmetic', () => {
    assert.equal(applyMarkup(11_800n, 150_000n), 13_570n); // 0.0118 × 1.15 = 0.01357
    assert.equal(applyMarkup(1n, 500_000n), 2n); // 0.000001 × 1.5 = 0.0000015 → 0.000002
    assert.equal(applyMarkup(1n, 490_000n), 1n); // × 1.49 → 0.00000149 → 0.000001
    assert.equal(applyMarkup(33_333n, 1n), 33_333n); // + 0.0001 % → 33_333.0033 → 33_333
    assert.equal(applyMarkup(1_400n, 333_333n), 1_867n); // × 1.33333 3 → 1866.6662 → 1867
    assert.equal(applyMarkup(0n, 10_000_000n), 0n);
    assert.equal(applyMarkup(25_000n, 10_000_000n), 275_000n); // + 1000 % = × 11
  });
});
