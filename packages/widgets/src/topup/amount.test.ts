import { expect } from '@open-wc/testing';
import { topupOptions } from '../test/topup-mock.js';
import { checkAmount } from './amount.js';

describe('checkAmount', () => {
  const options = topupOptions();

  it('accepts a dot or a comma as the decimal separator and pads to the step’s decimals', () => {
    expect(checkAmount('75.5', options, 'en')).to.deep.equal({ ok: true, money: { amount: '75.50', currency: 'USD' } });
    expect(checkAmount('49,90', options, 'en')).to.deep.equal({ ok: true, money: { amount: '49.90', currency: 'USD' } });
    expect(checkAmount('0010', options, 'en')).to.deep.equal({ ok: true, money: { amount: '10.00', currency: 'USD' } });
  });

  it('keeps the bounds exact, without floating point', () => {
    expect(checkAmount('9.99', options, 'en')).to.deep.equal({ ok: false, problem: 'belowMin' });
    expect(checkAmount('10000.00', options, 'en').ok).to.be.true;
    expect(checkAmount('10000.01', options, 'en')).to.deep.equal({ ok: false, problem: 'aboveMax' });
    expect(checkAmount('99999999999999999999.99', options, 'en')).to.deep.equal({ ok: false, problem: 'aboveMax' });
  });

  it('refuses what is not a plain decimal number', () => {
    for (const typed of ['-10', '1e3', '10.', '.5', '$10', '1 00', '10,00.5', 'NaN']) {
      expect(checkAmount(typed, options, 'en'), typed).to.deep.equal({ ok: false, problem: 'notANumber' });
    }
  });

  it('honours a coarser step', () => {
    const fives = topupOptions({ step: { amount: '5.00', currency: 'USD' } });
    expect(checkAmount('15', fives, 'en')).to.deep.equal({ ok: true, money: { amount: '15.00', currency: 'USD' } });
    expect(checkAmount('17', fives, 'en')).to.deep.equal({ ok: false, problem: 'notAStep' });
    expect(checkAmount('15.001', fives, 'en')).to.deep.equal({ ok: false, problem: 'tooManyDecimals' });
  });

  it('reads an amount as people write it in the page’s language, like every widget', () => {
    expect(checkAmount('1.000', options, 'pt-BR')).to.deep.equal({ ok: true, money: { amount: '1000.00', currency: 'USD' } });
    expect(checkAmount('1.000,50', options, 'pt-BR')).to.deep.equal({ ok: true, money: { amount: '1000.50', currency: 'USD' } });
    expect(checkAmount('1,000.50', options, 'en')).to.deep.equal({ ok: true, money: { amount: '1000.50', currency: 'USD' } });
    expect(checkAmount('1 000', options, 'fr')).to.deep.equal({ ok: true, money: { amount: '1000.00', currency: 'USD' } });
    expect(checkAmount('1.000', options, 'en')).to.deep.equal({ ok: false, problem: 'tooManyDecimals' });
  });
});
