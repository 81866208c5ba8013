import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { amountRules, checkAmount, fromMinorUnits, toMinorUnits } from './amount-rules.js';
import { textOn } from '../../pages/brand.js';

describe('amount rules', () => {
  it('uses tuned bounds for main markets and the Intl minor unit as the step', () => {
    assert.equal(amountRules('BRL').minMicros, 50_000_000n);
    assert.equal(amountRules('USD').stepMicros, 10_000n);
    assert.equal(amountRules('JPY').stepMicros, 1_000_000n);
    assert.equal(amountRules('KWD').stepMicros, 1_000n);
    assert.deepEqual(amountRules('CHF').presetsMicros, [10_000_000n, 50_000_000n, 100_000_000n, 500_000_000n]);
  });

  it('checks the step in the currency’s own minor unit', () => {
    assert.equal(checkAmount('JPY', { micros: 3_000_000_000n, currency: 'JPY' }), 3_000_000_000n);
    assert.throws(() => checkAmount('JPY', { micros: 3_000_500_000n, currency: 'JPY' }), /multiple of 1 JPY/);
  });

  it('converts micro-units to minor units exactly, or not at all', () => {
    assert.equal(toMinorUnits(25_000_000n, 'USD'), 2500n);
    assert.equal(toMinorUnits(25_005_000n, 'USD'), null);
    assert.equal(toMinorUnits(3_000_000_000n, 'JPY'), 3000n);
    assert.equal(fromMinorUnits(2500n, 'USD'), 25_000_000n);
  });

  it('picks the brand text colour with the better contrast', () => {
    assert.equal(textOn('#1f6feb'), '#ffffff');
    assert.equal(textOn('#ffd400'), '#111111');
  });
});
