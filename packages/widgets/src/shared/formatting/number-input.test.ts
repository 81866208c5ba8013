import { expect } from '@open-wc/testing';
import { parseThreshold } from '../../balance/threshold-input.js';
import { parseBoundedInteger } from '../../frequency-cap/cap-input.js';
import { topupOptions } from '../../test/topup-mock.js';
import { checkAmount } from '../../topup/amount.js';
import { parseWholeNumber } from './micros.js';
import { parseNumberInput } from './number-input.js';

const read = (text: string, locale: string, digits = 2) => {
  const typed = parseNumberInput(text, locale, digits);
  return typed.ok ? `${typed.units}${typed.fraction ? `.${typed.fraction}` : ''}` : typed.problem;
};

describe('parseNumberInput', () => {
  it('reads a separator once as the locale writes it: grouping before three digits, else the decimal mark', () => {
    expect(read('1.000', 'pt-BR')).to.equal('1000');
    expect(read('1,000', 'en')).to.equal('1000');
    expect(read('49,90', 'en')).to.equal('49.90');
    expect(read('49.90', 'pt-BR')).to.equal('49.90');
    expect(read('1,5', 'pt-BR')).to.equal('1.5');
    expect(read('1.5', 'en')).to.equal('1.5');
    expect(read('1.000', 'en', 2)).to.equal('tooManyDecimals');
  });

  it('reads both separators, repeated grouping, and spaces or apostrophes as grouping', () => {
    expect(read('1.000,50', 'pt-BR')).to.equal('1000.50');
    expect(read('1,000.50', 'pt-BR')).to.equal('1000.50');
    expect(read('1.000.000', 'es')).to.equal('1000000');
    expect(read('1\u202f000,5', 'fr')).to.equal('1000.5');
    expect(read("1'000", 'de-CH')).to.equal('1000');
    expect(read(' 0012 ', 'en')).to.equal('12');
  });

  it('refuses what it would have to guess', () => {
    for (const typed of ['1,0000.5', '1.00.000', '1 00', ',5', '5,', '1..0', '-5', '1e3', '$5', '5 %']) {
      expect(read(typed, 'en'), typed).to.equal('notANumber');
    }
    expect(read('', 'en')).to.equal('required');
    expect(read('1.5', 'en', 0), 'a count is whole: 1.5 is never read as 15').to.equal('tooManyDecimals');
  });

  it('is the one reading of every widget: "1.000" in pt-BR is one thousand for each of them', () => {
    const options = topupOptions();
    expect(checkAmount('1.000', options, 'pt-BR')).to.deep.equal({ ok: true, money: { amount: '1000.00', currency: 'USD' } });
    expect(parseThreshold('1.000', 'USD', 'pt-BR')).to.deep.equal({ amount: '1000' });
    expect(parseWholeNumber('1.000', 'pt-BR')).to.equal(1000n);
    expect(parseBoundedInteger('1.000', { min: 1, max: 5000 }, 'pt-BR')).to.equal(1000);
    expect(parseBoundedInteger('1,5', { min: 1, max: 5000 }, 'pt-BR')).to.be.undefined;
  });
});
