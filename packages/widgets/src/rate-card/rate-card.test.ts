import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../session/wa-session.js';
import type { WaSession } from '../session/session.js';
import { apiError, balance, balanceHandler, endpoint, gate, http, HttpResponse, jsonHandler, rateCard, useApi } from '../test/api-mock.js';
import type { WaRateCard } from './rate-card.js';
import './wa-rate-card.js';

const all = (el: WaRateCard, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const part = (el: WaRateCard, name: string) => all(el, name)[0] ?? null;
const words = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const text = (el: WaRateCard, name: string) => words(part(el, name));
const settled = (el: WaRateCard) => waitUntil(() => part(el, 'base')?.getAttribute('aria-busy') === 'false', 'never loaded');
const rows = (el: WaRateCard) => [...part(el, 'table')!.querySelectorAll('tbody tr')].map(words);
const columns = (el: WaRateCard) => [...part(el, 'table')!.querySelectorAll('thead th')].map(words);

/** The balance loads apart from the card: wait for the coverage line rather than read it too early. */
const coverageSays = (el: WaRateCard, expected: string) =>
  waitUntil(() => text(el, 'coverage') === expected, `coverage never said "${expected}" (said "${text(el, 'coverage')}")`);

async function rateCardInSession(locale = 'en-US') {
  const session = await fixture<WaSession>(html`
    <wa-session endpoint=${endpoint} client-secret="ws_test" locale=${locale}><wa-rate-card></wa-rate-card></wa-session>
  `);
  const el = session.querySelector('wa-rate-card')!;
  await settled(el);
  return el;
}

async function type(field: HTMLInputElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

async function priceLine(el: WaRateCard, line: number, { market, category, audience }: { market?: string; category?: string; audience?: string }) {
  const select = (name: string, value?: string) => {
    if (value === undefined) return;
    const field = all(el, name)[line] as HTMLSelectElement;
    field.value = value;
    field.dispatchEvent(new Event('change'));
  };
  select('estimate-market', market);
  select('estimate-category', category);
  if (audience !== undefined) await type(all(el, 'estimate-audience')[line] as HTMLInputElement, audience);
  await el.updateComplete;
}

const api = (...extra: Parameters<typeof useApi>) => useApi(jsonHandler('/v1/rate-card', rateCard()), balanceHandler(), ...extra);

describe('<wa-rate-card>', () => {
  describe('accessibility', () => {
    it('is accessible with prices and an estimate', async () => {
      await api();
      const el = await rateCardInSession();
      await priceLine(el, 0, { market: 'IN', category: 'marketing', audience: '1000' });
      await expect(el).to.be.accessible();
    });

    it('is accessible with an invalid audience, an empty card, and when loading failed', async () => {
      await api();
      let el = await rateCardInSession();
      await priceLine(el, 0, { audience: '12abc' });
      expect(part(el, 'estimate-audience')!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      await useApi(jsonHandler('/v1/rate-card', rateCard({ rates: [] })), balanceHandler());
      el = await rateCardInSession();
      expect(text(el, 'empty')).to.equal('No prices have been set yet.');
      await expect(el).to.be.accessible();

      await useApi(http.get(`${endpoint}/v1/rate-card`, () => apiError(503, 'unavailable')), balanceHandler());
      el = await rateCardInSession();
      expect(text(el, 'error')).to.equal('Couldn’t load the prices.');
      await expect(el).to.be.accessible();
    });

    it('is busy while loading, then shows the card', async () => {
      const response = gate();
      await useApi(http.get(`${endpoint}/v1/rate-card`, async () => (await response.opened, HttpResponse.json(rateCard()))), balanceHandler());
      const session = await fixture<WaSession>(html`<wa-session endpoint=${endpoint} client-secret="ws_test"><wa-rate-card></wa-rate-card></wa-session>`);
      const el = session.querySelector('wa-rate-card')!;
      await el.updateComplete;
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();

      response.open();
      await settled(el);
      expect(rows(el)).to.have.length(3);
    });

    it('loading state has the same height as loaded (720 px wide)', async () => {
      const response = gate();
      await useApi(http.get(`${endpoint}/v1/rate-card`, async () => (await response.opened, HttpResponse.json(rateCard()))), balanceHandler());
      const session = await fixture<WaSession>(html`
        <wa-session style="width: 720px" endpoint=${endpoint} client-secret="ws_test"><wa-rate-card></wa-rate-card></wa-session>
      `);
      const el = session.querySelector('wa-rate-card')!;
      await el.updateComplete;
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal('Loading…');
      const placeholders = [...el.shadowRoot!.querySelectorAll('.skeleton, .skeleton-text')];
      expect(placeholders).not.to.be.empty;
      expect(placeholders.every(node => node.closest('[aria-hidden="true"]'))).to.be.true;
      const loadingHeight = part(el, 'base')!.getBoundingClientRect().height;

      response.open();
      await settled(el);
      expect(rows(el)).to.have.length(3);
      expect(part(el, 'base')!.getBoundingClientRect().height).to.be.closeTo(loadingHeight, 24);
    });
  });

  describe('rendering', () => {
    it('fits a narrow host: the price table scrolls inside the card, which never overflows', async () => {
      await useApi(http.get(`${endpoint}/v1/rate-card`, () => HttpResponse.json(rateCard())), balanceHandler());
      const session = await fixture<WaSession>(html`
        <wa-session style="width: 320px" endpoint=${endpoint} client-secret="ws_test"><wa-rate-card></wa-rate-card></wa-session>
      `);
      const el = session.querySelector('wa-rate-card')!;
      await settled(el);
      const base = part(el, 'base')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      const region = el.shadowRoot!.querySelector<HTMLElement>('.table-scroll')!;
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.tabIndex).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('keeps showing the prices, not the skeleton, while refresh() reloads them', async () => {
      const response = gate();
      let requests = 0;
      await useApi(
        http.get(`${endpoint}/v1/rate-card`, async () => {
          if (++requests > 1) await response.opened;
          return HttpResponse.json(rateCard());
        }),
        balanceHandler(),
      );
      const el = await rateCardInSession();
      const before = rows(el);
      const height = part(el, 'base')!.getBoundingClientRect().height;

      const refreshed = el.refresh();
      try {
        await el.updateComplete;
        await waitUntil(() => requests === 2);
        expect(el.shadowRoot!.querySelector('.skeleton')).to.be.null;
        expect(rows(el)).to.deep.equal(before);
        expect(part(el, 'base')!.getBoundingClientRect().height).to.equal(height);
      } finally {
        response.open();
      }
      await refreshed;
    });

    it('shows one row per market, sorted by name, with columns only for the categories present', async () => {
      await api();
      const el = await rateCardInSession();

      expect(columns(el)).to.deep.equal(['Market', 'Marketing', 'Utility', 'Authentication']);
      expect(rows(el)).to.deep.equal([
        'Brazil BR $0.0625 $0.0068 $0.0068',
        'India IN $0.0107 $0.0014 —Not available',
        'Rest of Africa REST_OF_AFRICA $0.0225 —Not available —Not available',
      ]);
    });

    it('names markets and formats prices for pt-BR, sorted with the locale’s collation', async () => {
      await api();
      const el = await rateCardInSession('pt-BR');
      expect(rows(el)[1]).to.equal('Índia IN US$ 0,0107 US$ 0,0014 —Indisponível');
      expect(rows(el).map(row => row.split(' ')[0])).to.deep.equal(['Brasil', 'Índia', 'Resto']);
      expect(columns(el)).to.deep.equal(['Mercado', 'Marketing', 'Utilidade', 'Autenticação']);
    });

    it('filters markets by name or code and announces how many are shown', async () => {
      await api();
      const el = await rateCardInSession();
      const announcer = el.shadowRoot!.querySelector('[data-announcer]')!;
      expect(announcer.getAttribute('role')).to.equal('status');
      expect(text(el, 'count')).to.equal('3 markets');
      expect(announcer.textContent).to.equal('');

      await type(part(el, 'search') as HTMLInputElement, 'in');
      await el.updateComplete;
      expect(rows(el).map(row => row.split(' $')[0])).to.deep.equal(['India IN']);
      expect(text(el, 'count')).to.equal('1 market');
      await waitUntil(() => announcer.textContent === '1 market', 'the count was never read once typing paused', { timeout: 3000 });
      expect(el.shadowRoot!.querySelector('[data-announcer]')).to.equal(announcer);

      await type(part(el, 'search') as HTMLInputElement, 'br');
      await el.updateComplete;
      expect(rows(el)[0]).to.match(/^Brazil BR/);

      await type(part(el, 'search') as HTMLInputElement, 'atlantis');
      await el.updateComplete;
      expect(part(el, 'table')).to.be.null;
      expect(text(el, 'no-match')).to.equal('No market matches “atlantis”.');
      expect(text(el, 'count')).to.equal('0 markets');
    });

    it('prices a campaign exactly: 0.0107 × 1,000,003 = $10,700.0321, and says what is missing', async () => {
      await api();
      const el = await rateCardInSession();
      await priceLine(el, 0, { market: 'IN', category: 'marketing', audience: '1,000,003' });

      expect(text(el, 'estimate-cost')).to.equal('$10,700.0321');
      expect(text(el, 'total')).to.equal('Estimated total: $10,700.0321');
      await coverageSays(el, 'You need $2,376.1621 more');
    });

    it('adds lines up and says when the balance covers the campaign', async () => {
      await api();
      const el = await rateCardInSession();
      await priceLine(el, 0, { market: 'IN', category: 'marketing', audience: '1000' });
      part(el, 'add-line')!.click();
      await el.updateComplete;
      await priceLine(el, 1, { market: 'BR', category: 'utility', audience: '3' });

      expect(all(el, 'estimate-cost').map(words)).to.deep.equal(['$10.70', '$0.0204']);
      expect(text(el, 'total')).to.equal('Estimated total: $10.7204');
      await coverageSays(el, 'Your balance of $8,323.87 covers this campaign');
    });

    it('says when a market has no price for the category', async () => {
      await api();
      const el = await rateCardInSession();
      await priceLine(el, 0, { market: 'IN', category: 'authentication', audience: '10' });
      expect(el.shadowRoot!.querySelector('.problem')!.textContent!.trim()).to.equal('No price for this category in this market.');
      expect(text(el, 'total')).to.equal('Estimated total: $0.00');
      expect(part(el, 'coverage')).to.be.null;
    });

    it('prices in pt-BR', async () => {
      await api();
      const el = await rateCardInSession('pt-BR');
      await priceLine(el, 0, { market: 'IN', category: 'marketing', audience: '1.000.003' });
      expect(text(el, 'total')).to.equal('Total estimado: US$ 10.700,0321');
      await coverageSays(el, 'Faltam US$ 2.376,1621');
    });
  });

  describe('events', () => {
    it('tells the host the exact estimate and shortfall', async () => {
      await api();
      const el = await rateCardInSession();
      const estimated = oneEvent(el, 'wa-campaign-estimated');
      await priceLine(el, 0, { market: 'IN', category: 'marketing', audience: '1000003' });
      expect((await estimated).detail).to.deep.equal({
        total: { amount: '10700.0321', currency: 'USD' },
        balance: { amount: '8323.87', currency: 'USD' },
        shortfall: { amount: '2376.1621', currency: 'USD' },
      });
    });
  });

  describe('keyboard', () => {
    it('searches, and builds an estimate, with the keyboard alone', async () => {
      await useApi(jsonHandler('/v1/rate-card', rateCard()), balanceHandler(balance()));
      const el = await rateCardInSession();

      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'search'));
      await sendKeys({ type: 'ind' });
      await el.updateComplete;
      expect(text(el, 'count')).to.equal('1 market');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;

      const market = part(el, 'estimate-market') as HTMLSelectElement;
      market.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(market.value).to.equal('IN');

      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'estimate-category'));
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'estimate-audience'));
      await sendKeys({ type: '1000003' });
      await el.updateComplete;
      expect(text(el, 'total')).to.equal('Estimated total: $10,700.0321');

      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'add-line'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(all(el, 'estimate-market')).to.have.length(2);
      expect(el.shadowRoot!.activeElement).to.equal(all(el, 'estimate-market')[1]);

      all(el, 'remove-line')[1]!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(all(el, 'estimate-market')).to.have.length(1);
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'add-line'));
    });
  });
});
