import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { amountRules, checkAmount } from './amount-rules.js';
import { fromMinorUnits, ISO_4217_TABLE, STRIPE_CURRENCY_TABLE, toMinorUnits } from './currency-tables.js';
import { textOn } from '../../pages/brand.js';

describe('amount rules', () => {
  it('uses tuned bounds for main markets and the provider table’s step', () => {
    assert.equal(amountRules('BRL', ISO_4217_TABLE).minMicros, 50_000_000n);
    assert.equal(amountRules('USD', ISO_4217_TABLE).stepMicros, 10_000n);
    assert.equal(amountRules('JPY', ISO_4217_TABLE).stepMicros, 1_000_000n);
    assert.equal(amountRules('KWD', ISO_4217_TABLE).stepMicros, 1_000n);
    assert.deepEqual(amountRules('CHF', ISO_4217_TABLE).presetsMicros, [10_000_000n, 50_000_000n, 100_000_000n, 500_000_000n]);
  });

  it('checks the step in the provider’s own minor unit', () => {
    assert.equal(checkAmount('JPY', { micros: 3_000_000_000n, currency: 'JPY' }, STRIPE_CURRENCY_TABLE), 3_000_000_000n);
    assert.throws(() => checkAmount('JPY', { micros: 3_000_500_000n, currency: 'JPY' }, STRIPE_CURRENCY_TABLE), /multiple of 1 JPY/);
    assert.throws(() => checkAmount('KWD', { micros: 5_124_000n, currency: 'KWD' }, STRIPE_CURRENCY_TABLE), /multiple of 0.01 KWD/);
    assert.throws(() => checkAmount('ISK', { micros: 10_500_000n, currency: 'ISK' }, STRIPE_CURRENCY_TABLE), /multiple of 1 ISK/);
  });

  it('gives IDR and HUF a step of 0.01 whatever the ICU version says (Node 20 says 0 digits)', () => {
    for (const table of [ISO_4217_TABLE, STRIPE_CURRENCY_TABLE]) {
      assert.equal(amountRules('IDR', table).stepMicros, 10_000n);
      assert.equal(amountRules('HUF', table).stepMicros, 10_000n);
    }
    assert.deepEqual(
      amountRules('IDR', STRIPE_CURRENCY_TABLE).presetsMicros,
      [250_000_000_000n, 500_000_000_000n, 1_000_000_000_000n, 2_500_000_000_000n],
    );
  });

  it('converts micro-units to minor units exactly, or not at all', () => {
    assert.equal(toMinorUnits(ISO_4217_TABLE, 25_000_000n, 'USD'), 2500n);
    assert.equal(toMinorUnits(ISO_4217_TABLE, 25_005_000n, 'USD'), null);
    assert.equal(toMinorUnits(ISO_4217_TABLE, 3_000_000_000n, 'JPY'), 3000n);
    assert.equal(fromMinorUnits(ISO_4217_TABLE, 2500n, 'USD'), 25_000_000n);
  });

  it('picks the brand text colour with the better contrast', () => {
    assert.equal(textOn('#1f6feb'), '#ffffff');
    assert.equal(textOn('#ffd400'), '#111111');
  });
});

describe("Stripe's currency table", () => {
  const both = (currency: string, micros: bigint, minor: bigint) => {
    assert.equal(toMinorUnits(STRIPE_CURRENCY_TABLE, micros, currency), minor, `${currency} to Stripe`);
    assert.equal(fromMinorUnits(STRIPE_CURRENCY_TABLE, minor, currency), micros, `${currency} from Stripe`);
  };

  it('sends two-decimal currencies in hundredths: 100,000 IDR is 10000000', () => {
    both('IDR', 100_000_000_000n, 10_000_000n);
    both('USD', 25_000_000n, 2_500n);
    both('HUF', 5_000_000_000n, 500_000n);
    both('TWD', 300_000_000n, 30_000n);
  });

  it('sends its zero-decimal currencies in whole units', () => {
    for (const currency of ['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']) {
      both(currency, 5_000_000n, 5n);
    }
  });

  it('sends three-decimal currencies in thousandths ending in 0', () => {
    for (const currency of ['BHD', 'JOD', 'KWD', 'OMR', 'TND']) both(currency, 5_120_000n, 5_120n);
    assert.equal(toMinorUnits(STRIPE_CURRENCY_TABLE, 5_124_000n, 'KWD'), null);
  });

  it('sends ISK and UGX as two-decimal values whose decimals are 00 (its special cases)', () => {
    both('ISK', 5_000_000n, 500n);
    both('UGX', 60_000_000_000n, 6_000_000n);
    assert.equal(toMinorUnits(STRIPE_CURRENCY_TABLE, 5_500_000n, 'ISK'), null);
    assert.equal(toMinorUnits(STRIPE_CURRENCY_TABLE, 5_500_000n, 'UGX'), null);
  });

  it('charges HUF and TWD in two decimals (zero-decimal only for payouts)', () => {
    both('HUF', 10_450_000n, 1_045n);
    both('TWD', 10_450_000n, 1_045n);
  });
});
