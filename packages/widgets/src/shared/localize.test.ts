import { expect } from '@open-wc/testing';
import { formatMoney } from './money.js';
import { translationFor } from './localize.js';

describe('localization', () => {
  it('formats decimal strings exactly, in the locale’s style', () => {
    expect(formatMoney({ amount: '0.0107', currency: 'USD' }, 'en-US')).to.equal('$0.0107');
    expect(formatMoney({ amount: '-12.50', currency: 'BRL' }, 'pt-BR')).to.equal('-R$\u00a012,50');
    expect(formatMoney({ amount: '99999999999999.99', currency: 'EUR' }, 'es')).to.equal('99.999.999.999.999,99\u00a0€');
  });

  it('picks the closest translation, then English', () => {
    expect(translationFor('pt-BR').$code).to.equal('pt-BR');
    expect(translationFor('pt').$code).to.equal('pt-BR');
    expect(translationFor('es-MX').$code).to.equal('es');
    expect(translationFor('de-DE').$code).to.equal('en');
  });
});
