import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../session/wa-session.js';
import type { WaSession } from '../session/session.js';
import { apiError, balance, balanceHandler, endpoint, http, HttpResponse, useApi } from '../test/api-mock.js';
import type { WaBalance } from './balance.js';
import './wa-balance.js';

const part = (el: WaBalance, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: WaBalance, name: string) => part(el, name)?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
const loaded = (el: WaBalance) => waitUntil(() => text(el, 'amount') !== '', 'the balance never showed');

async function balanceInSession(attributes: { locale?: string } = {}) {
  const session = await fixture<WaSession>(html`
    <wa-session endpoint=${endpoint} client-secret="ws_test" locale=${attributes.locale ?? 'en-US'}>
      <wa-balance></wa-balance>
    </wa-session>
  `);
  return { session, el: session.querySelector('wa-balance')! };
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>(resolve => (open = resolve));
  return { opened, open };
}

describe('<wa-balance>', () => {
  describe('accessibility', () => {
    it('is accessible with a normal balance', async () => {
      await useApi(balanceHandler());
      const { el } = await balanceInSession();
      await loaded(el);
      await expect(el).to.be.accessible();
    });

    it('is accessible with a low balance', async () => {
      await useApi(balanceHandler(balance({ balance: { amount: '42.10', currency: 'USD' }, is_low: true })));
      const { el } = await balanceInSession();
      await loaded(el);
      await expect(el).to.be.accessible();
    });

    it('is accessible when the balance could not be loaded', async () => {
      await useApi(http.get(`${endpoint}/v1/balance`, () => apiError(503, 'unavailable')));
      const { el } = await balanceInSession();
      await waitUntil(() => part(el, 'retry'));
      await expect(el).to.be.accessible();
    });

    it('tells assistive technology it is busy while loading, with a skeleton as tall as the loaded card', async () => {
      const response = gate();
      await useApi(http.get(`${endpoint}/v1/balance`, async () => (await response.opened, HttpResponse.json(balance()))));
      const { el } = await balanceInSession();

      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      const loadingHeight = part(el, 'base')!.getBoundingClientRect().height;

      response.open();
      await loaded(el);
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
      expect(part(el, 'base')!.getBoundingClientRect().height).to.be.closeTo(loadingHeight, 0.5);
    });
  });

  describe('rendering', () => {
    it('shows the labelled balance formatted for en-US', async () => {
      await useApi(balanceHandler());
      const { el } = await balanceInSession();
      await loaded(el);

      expect(text(el, 'label')).to.equal('Messaging credit balance');
      expect(text(el, 'amount')).to.equal('$8,323.87');
      expect(part(el, 'base')!.getAttribute('aria-labelledby')).to.equal(part(el, 'label')!.id);
    });

    it('formats the balance and the words for pt-BR', async () => {
      await useApi(balanceHandler());
      const { el } = await balanceInSession({ locale: 'pt-BR' });
      await loaded(el);

      expect(text(el, 'label')).to.equal('Saldo de crédito para mensagens');
      expect(text(el, 'amount')).to.equal('US$\u00a08.323,87');
      expect(text(el, 'threshold')).to.equal('Alerta abaixo de US$\u00a0100,00');
    });

    it('keeps every digit of large amounts', async () => {
      await useApi(balanceHandler(balance({ balance: { amount: '12345678901234.57', currency: 'USD' } })));
      const { el } = await balanceInSession();
      await loaded(el);
      expect(text(el, 'amount')).to.equal('$12,345,678,901,234.57');
    });

    it('shows the low-balance alert threshold', async () => {
      await useApi(balanceHandler());
      const { el } = await balanceInSession();
      await loaded(el);
      expect(text(el, 'threshold')).to.equal('Alert below $100.00');
    });

    it('says when no alert threshold is set', async () => {
      await useApi(balanceHandler(balance({ low_balance_threshold: null })));
      const { el } = await balanceInSession();
      await loaded(el);
      expect(text(el, 'threshold')).to.equal('No low-balance alert set');
    });

    it('shows a low balance with words and an icon, not colour alone', async () => {
      await useApi(balanceHandler(balance({ balance: { amount: '42.10', currency: 'USD' }, is_low: true })));
      const { el } = await balanceInSession();
      await loaded(el);

      expect(text(el, 'status')).to.equal('Low balance');
      expect(part(el, 'status')!.querySelector('svg[aria-hidden="true"]')).to.exist;
    });

    it('shows no low-balance status while the balance is above the threshold', async () => {
      await useApi(balanceHandler());
      const { el } = await balanceInSession();
      await loaded(el);
      expect(part(el, 'status')).to.be.null;
    });

    it('shows an error with a Retry button, and Retry loads the balance', async () => {
      let fail = true;
      await useApi(
        http.get(`${endpoint}/v1/balance`, () => (fail ? apiError(503, 'unavailable') : HttpResponse.json(balance()))),
      );
      const { el } = await balanceInSession();
      await waitUntil(() => part(el, 'retry'));
      expect(text(el, 'error')).to.equal('Couldn’t load the balance.');

      fail = false;
      part(el, 'retry')!.click();
      await loaded(el);
      expect(text(el, 'amount')).to.equal('$8,323.87');
      expect(part(el, 'error')).to.be.null;
    });

    it('keeps showing the last value with a note when a refresh fails', async () => {
      await useApi(balanceHandler());
      const { el } = await balanceInSession();
      await loaded(el);

      await useApi(http.get(`${endpoint}/v1/balance`, () => HttpResponse.error()));
      await el.refresh();
      await el.updateComplete;

      expect(text(el, 'amount')).to.equal('$8,323.87');
      expect(text(el, 'stale')).to.match(/^Couldn’t refresh — showing the value from \d{1,2}:\d{2}/);
      expect(part(el, 'stale')!.querySelector('[part="retry"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('updates when the client pushes a new balance', async () => {
      await useApi(balanceHandler());
      const { session, el } = await balanceInSession();
      await loaded(el);

      session.client!.emit('balance', balance({ balance: { amount: '9000.00', currency: 'USD' } }));
      await el.updateComplete;
      expect(text(el, 'amount')).to.equal('$9,000.00');
    });

    it('uses the host’s wording from `strings`', async () => {
      await useApi(balanceHandler());
      const { el } = await balanceInSession();
      el.strings = { balanceLabel: 'WhatsApp credit', alertBelow: amount => `Warn me under ${amount}` };
      await loaded(el);

      expect(text(el, 'label')).to.equal('WhatsApp credit');
      expect(text(el, 'threshold')).to.equal('Warn me under $100.00');
    });

    it('takes the dark theme on its own', async () => {
      await useApi(balanceHandler());
      const el = await fixture<WaBalance>(html`<wa-balance theme="dark" endpoint=${endpoint} client-secret="ws_t"></wa-balance>`);
      await loaded(el);
      expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(22, 27, 34)');
      await expect(el).to.be.accessible();
    });

    it('works on its own, without a session', async () => {
      const seen: string[] = [];
      await useApi(balanceHandler(balance(), seen));
      const el = await fixture<WaBalance>(
        html`<wa-balance endpoint=${endpoint} client-secret="ws_alone" locale="es"></wa-balance>`,
      );
      await loaded(el);

      expect(text(el, 'label')).to.equal('Saldo de crédito para mensajes');
      expect(text(el, 'amount')).to.equal('8323,87\u00a0US$');
      expect(seen).to.deep.equal(['Bearer ws_alone']);
    });
  });

  describe('changing account', () => {
    it('shows the new account’s balance after the session’s client secret changes, even with an older updated_at', async () => {
      await useApi(
        http.get(`${endpoint}/v1/balance`, ({ request }) =>
          HttpResponse.json(
            request.headers.get('Authorization') === 'Bearer ws_other'
              ? balance({ balance: { amount: '10.00', currency: 'USD' }, updated_at: '2025-11-20T08:00:00Z' })
              : balance(),
          ),
        ),
      );
      const { session, el } = await balanceInSession();
      await loaded(el);
      expect(text(el, 'amount')).to.equal('$8,323.87');

      session.clientSecret = 'ws_other';
      await waitUntil(() => text(el, 'amount') === '$10.00', 'the old account’s balance stayed');
    });

    it('never shows the old account’s balance while the new one loads', async () => {
      const response = gate();
      await useApi(
        http.get(`${endpoint}/v1/balance`, async ({ request }) => {
          if (request.headers.get('Authorization') === 'Bearer ws_other') await response.opened;
          return HttpResponse.json(balance());
        }),
      );
      const { session, el } = await balanceInSession();
      await loaded(el);

      session.clientSecret = 'ws_other';
      await el.updateComplete;
      await el.updateComplete;
      expect(text(el, 'amount')).to.equal('');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      response.open();
      await loaded(el);
    });
  });

  describe('events', () => {
    it('fires wa-balance-low with the balance and threshold when the balance is low', async () => {
      await useApi(balanceHandler(balance({ balance: { amount: '42.10', currency: 'USD' }, is_low: true })));
      const lowEvent = oneEvent(document, 'wa-balance-low');
      await balanceInSession();
      const event = await lowEvent;

      expect(event.composed).to.be.true;
      expect(event.detail).to.deep.equal({
        balance: { amount: '42.10', currency: 'USD' },
        threshold: { amount: '100.00', currency: 'USD' },
      });
    });

    it('does not fire wa-balance-low again while the balance stays low', async () => {
      await useApi(balanceHandler(balance({ is_low: true })));
      const { el } = await balanceInSession();
      await loaded(el);
      let fired = 0;
      el.addEventListener('wa-balance-low', () => fired++);

      await el.refresh();
      expect(fired).to.equal(0);
    });
  });

  describe('keyboard', () => {
    it('reaches Retry with Tab and retries with Enter', async () => {
      let fail = true;
      await useApi(
        http.get(`${endpoint}/v1/balance`, () => (fail ? apiError(503, 'unavailable') : HttpResponse.json(balance()))),
      );
      const { el } = await balanceInSession();
      await waitUntil(() => part(el, 'retry'));

      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'retry'));

      fail = false;
      await sendKeys({ press: 'Enter' });
      await loaded(el);
      expect(text(el, 'amount')).to.equal('$8,323.87');
    });
  });
});
