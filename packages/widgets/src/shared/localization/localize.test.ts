import { expect, waitUntil } from '@open-wc/testing';
import { formatMoney } from '../formatting/money.js';
import { fixture, html } from '@open-wc/testing';
import '../../balance/wa-balance.js';
import type { WaBalance } from '../../balance/balance.js';
import { loadTranslation, normalizeLocale } from './localize.js';
import { translationFor } from './translation-for.js';
import { plural } from './plural.js';
import { balanceHandler, endpoint, useApi } from '../../test/api-mock.js';

describe('localization', () => {
  it('formats decimal strings exactly, in the locale’s style', () => {
    expect(formatMoney({ amount: '0.0107', currency: 'USD' }, 'en-US')).to.equal('$0.0107');
    expect(formatMoney({ amount: '-12.50', currency: 'BRL' }, 'pt-BR')).to.equal('-R$\u00a012,50');
    expect(formatMoney({ amount: '99999999999999.99', currency: 'EUR' }, 'es')).to.equal('99.999.999.999.999,99\u00a0€');
  });

  it('picks the closest translation, then English', async () => {
    await loadTranslation('pt-BR');
    await loadTranslation('es-MX');
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

  it('loads a language only when asked for it', async () => {
    expect(translationFor('id').$code).to.equal('en');
    await loadTranslation('id-ID');
    expect(translationFor('id-ID').$code).to.equal('id');
    expect(translationFor('id').balanceLabel).to.equal('Saldo kredit pesan');
  });

  it('chooses plural forms by the language’s rules', () => {
    const forms = { zero: 'zero', one: 'one', two: 'two', few: 'few', many: 'many', other: 'other' };
    expect([0, 1, 2, 3, 11, 100].map(n => plural('ar', n, forms))).to.deep.equal(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect([0, 1, 2].map(n => plural('en', n, forms))).to.deep.equal(['other', 'one', 'other']);
    expect(plural('hi', 0, forms)).to.equal('one');
  });

  it('renders Arabic right to left, in Arabic, from its first render', async () => {
    await useApi(balanceHandler());
    const el = await fixture<WaBalance>(html`<wa-balance endpoint=${endpoint} client-secret="ws_test" locale="ar-EG"></wa-balance>`);
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    expect(base.querySelector('[part="label"]')!.textContent).to.equal('رصيد المراسلة');
    expect(base.lang).to.equal('ar-EG');
    expect(base.dir).to.equal('rtl');
    expect(getComputedStyle(base).direction).to.equal('rtl');
  });

  it('says English content is English on a page in a language it has no words for', async () => {
    await useApi(balanceHandler());
    const el = await fixture<WaBalance>(html`<wa-balance endpoint=${endpoint} client-secret="ws_test" locale="fr-FR"></wa-balance>`);
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    expect(base.lang).to.equal('en');
    expect(base.dir).to.equal('ltr');
  });

  it('follows changes of <html lang> when no locale is given', async () => {
    await useApi(balanceHandler());
    const previous = document.documentElement.lang;
    try {
      document.documentElement.lang = 'en';
      const el = await fixture<WaBalance>(html`<wa-balance endpoint=${endpoint} client-secret="ws_test"></wa-balance>`);
      const fixed = await fixture<WaBalance>(html`<wa-balance endpoint=${endpoint} client-secret="ws_test" locale="en"></wa-balance>`);
      const label = (widget: WaBalance) => widget.shadowRoot!.querySelector('[part="label"]')!.textContent;
      expect(label(el)).to.equal('Messaging credit balance');

      document.documentElement.lang = 'hi';
      await waitUntil(() => label(el) === 'मैसेजिंग क्रेडिट बैलेंस', 'the widget never switched to Hindi');
      expect(el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!.lang).to.equal('hi');
      expect(label(fixed)).to.equal('Messaging credit balance');

      document.documentElement.lang = 'ar';
      await waitUntil(() => label(el) === 'رصيد المراسلة', 'the widget never switched to Arabic');
      expect(el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!.dir).to.equal('rtl');
    } finally {
      document.documentElement.lang = previous;
    }
  });
});
