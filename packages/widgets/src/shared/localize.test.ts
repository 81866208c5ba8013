import { expect, waitUntil } from '@open-wc/testing';
import { formatMoney } from './money.js';
import { fixture, html } from '@open-wc/testing';
import '../balance/wa-balance.js';
import type { WaBalance } from '../balance/balance.js';
import { normalizeLocale, translationFor } from './localize.js';
import { balanceHandler, endpoint, useApi } from '../test/api-mock.js';

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

  it('normalises underscores and falls back to English for a locale Intl would reject', () => {
    expect(normalizeLocale('en_US')).to.equal('en-US');
    expect(normalizeLocale('pt_br')).to.equal('pt-BR');
    expect(normalizeLocale('xx_YY')).to.equal('xx-YY');
    expect(normalizeLocale('!!')).to.equal('en');
    expect(normalizeLocale('e')).to.equal('en');
  });

  it('still renders a widget when the page’s lang or the locale attribute is malformed', async () => {
    await useApi(balanceHandler());
    const previous = document.documentElement.lang;
    document.documentElement.lang = 'en_US';
    try {
      const fromPage = await fixture<WaBalance>(html`<wa-balance endpoint=${endpoint} client-secret="ws_test"></wa-balance>`);
      const amount = (el: WaBalance) => el.shadowRoot!.querySelector('[part="amount"]')?.textContent?.trim() ?? '';
      await waitUntil(() => amount(fromPage) !== '', 'the balance never showed with lang="en_US"');
      expect(amount(fromPage)).to.equal('$8,323.87');

      const fromAttribute = await fixture<WaBalance>(html`<wa-balance endpoint=${endpoint} client-secret="ws_test" locale="xx_YY"></wa-balance>`);
      await waitUntil(() => amount(fromAttribute) !== '', 'the balance never showed with locale="xx_YY"');
      expect(amount(fromAttribute)).to.match(/8.323.87/);
    } finally {
      document.documentElement.lang = previous;
    }
  });
});
