import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { WaBalance } from '../balance/balance.js';
import '../balance/wa-balance.js';
import { defineWidgets } from '../index.js';
import { apiError, balance, balanceHandler, endpoint, http, HttpResponse, useApi } from '../test/api-mock.js';
import type { WaSession } from './session.js';
import './wa-session.js';

const amount = (el: WaBalance) => el.shadowRoot!.querySelector('[part="amount"]')?.textContent?.trim() ?? '';
const loaded = (el: WaBalance) => waitUntil(() => amount(el) !== '', 'the balance never showed');

describe('<wa-session>', () => {
  describe('accessibility', () => {
    it('is accessible with a widget inside', async () => {
      await useApi(balanceHandler());
      const session = await fixture<WaSession>(
        html`<wa-session endpoint=${endpoint} client-secret="ws_test"><wa-balance></wa-balance></wa-session>`,
      );
      await loaded(session.querySelector('wa-balance')!);
      await expect(session).to.be.accessible();
    });
  });

  describe('rendering', () => {
    it('shows its content', async () => {
      const session = await fixture<WaSession>(html`<wa-session><p>Billing</p></wa-session>`);
      expect(session.shadowRoot!.querySelector('slot')).to.exist;
      expect(session.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
    });

    it('gives the widgets inside the dark theme', async () => {
      await useApi(balanceHandler());
      const session = await fixture<WaSession>(
        html`<wa-session theme="dark" endpoint=${endpoint} client-secret="ws_test"><wa-balance></wa-balance></wa-session>`,
      );
      const el = session.querySelector('wa-balance')!;
      await loaded(el);
      const base = el.shadowRoot!.querySelector('[part="base"]')!;
      expect(getComputedStyle(base).backgroundColor).to.equal('rgb(22, 27, 34)');
    });

    it('lets the page theme the widgets with --wa-widget-* properties', async () => {
      await useApi(balanceHandler());
      const session = await fixture<WaSession>(html`
        <wa-session endpoint=${endpoint} client-secret="ws_test" style="--wa-widget-color-surface: rgb(1, 2, 3)">
          <wa-balance></wa-balance>
        </wa-session>
      `);
      const el = session.querySelector('wa-balance')!;
      await loaded(el);
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    });

    it('sends every request of its widgets with its client secret, as one request', async () => {
      const seen: string[] = [];
      await useApi(balanceHandler(balance(), seen));
      const session = await fixture<WaSession>(html`
        <wa-session endpoint=${endpoint} client-secret="ws_test">
          <wa-balance></wa-balance>
          <wa-balance></wa-balance>
        </wa-session>
      `);
      const [first, second] = session.querySelectorAll('wa-balance');
      await loaded(first!);
      await loaded(second!);
      expect(seen).to.deep.equal(['Bearer ws_test']);
    });

    it('reloads its widgets with a new client secret', async () => {
      const seen: string[] = [];
      await useApi(balanceHandler(balance(), seen));
      const session = await fixture<WaSession>(
        html`<wa-session endpoint=${endpoint} client-secret="ws_one"><wa-balance></wa-balance></wa-session>`,
      );
      await loaded(session.querySelector('wa-balance')!);

      session.setAttribute('client-secret', 'ws_two');
      await waitUntil(() => seen.length === 2);
      expect(seen).to.deep.equal(['Bearer ws_one', 'Bearer ws_two']);
    });

    it('switches the language of its widgets', async () => {
      await useApi(balanceHandler());
      const session = await fixture<WaSession>(
        html`<wa-session endpoint=${endpoint} client-secret="ws_test"><wa-balance></wa-balance></wa-session>`,
      );
      const el = session.querySelector('wa-balance')!;
      await loaded(el);

      session.locale = 'es';
      await session.updateComplete;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Saldo de crédito para mensajes');
    });
  });

  describe('events', () => {
    it('renews an expired session with fetchClientSecret and retries with the new secret', async () => {
      const seen: string[] = [];
      await useApi(
        http.get(`${endpoint}/v1/balance`, ({ request }) => {
          const authorization = request.headers.get('Authorization')!;
          seen.push(authorization);
          return authorization === 'Bearer ws_new' ? HttpResponse.json(balance()) : apiError(401, 'session_expired');
        }),
      );
      let renewals = 0;
      const session = document.createElement('wa-session');
      session.endpoint = endpoint;
      session.clientSecret = 'ws_old';
      session.fetchClientSecret = async () => (renewals++, 'ws_new');
      session.append(document.createElement('wa-balance'));
      await fixture(session);
      await loaded(session.querySelector('wa-balance')!);

      expect(renewals).to.equal(1);
      expect(seen).to.deep.equal(['Bearer ws_old', 'Bearer ws_new']);
    });

    it('fires wa-session-expired when the session expired and cannot be renewed', async () => {
      await useApi(http.get(`${endpoint}/v1/balance`, () => apiError(401, 'session_expired', 'Session expired')));
      const expired = oneEvent(document, 'wa-session-expired');
      const session = await fixture<WaSession>(
        html`<wa-session endpoint=${endpoint} client-secret="ws_old"><wa-balance></wa-balance></wa-session>`,
      );
      const event = await expired;

      expect(event.target).to.equal(session);
      expect(event.composed).to.be.true;
      expect(event.detail.error).to.include({ code: 'session_expired', status: 401 });
      const el = session.querySelector('wa-balance')!;
      await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'));
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('Your session has expired');
    });

    it('fires wa-request-failed when a request fails', async () => {
      await useApi(http.get(`${endpoint}/v1/balance`, () => apiError(503, 'unavailable', 'Try later')));
      const failed = oneEvent(document, 'wa-request-failed');
      await fixture(html`<wa-session endpoint=${endpoint} client-secret="ws_test"><wa-balance></wa-balance></wa-session>`);
      const event = await failed;

      expect(event.detail.error).to.include({ code: 'unavailable', status: 503, message: 'Try later' });
    });
  });

  describe('registration', () => {
    it('registers every widget under another prefix, and a second call changes nothing', async () => {
      defineWidgets({ prefix: 'acme' });
      const balanceClass = customElements.get('acme-balance');
      defineWidgets({ prefix: 'acme' });

      expect(customElements.get('acme-session')).to.exist;
      expect(customElements.get('acme-balance')).to.equal(balanceClass);
      expect(document.createElement('acme-balance')).to.be.instanceOf(customElements.get('wa-balance')!);
    });

    it('accepts a second registration of the default tags', () => {
      expect(() => defineWidgets()).not.to.throw();
      expect(() => customElements.get('wa-balance')!.prototype).not.to.throw();
    });

    it('serves widgets that were registered before the session', async () => {
      await useApi(balanceHandler());
      const { WaBalance, WaSession } = await import('../index.js');
      WaBalance.define('late-balance');
      // fixtureSync: waiting for an element that is not defined yet means waiting for an animation frame, which a
      // background page (a second test file running beside this one) never gets
      const session = fixtureSync(
        html`<late-session endpoint=${endpoint} client-secret="ws_test"><late-balance></late-balance></late-session>`,
      );
      WaSession.define('late-session');
      await loaded(session.querySelector('late-balance') as WaBalance);
      expect(amount(session.querySelector('late-balance') as WaBalance)).to.equal('$8,323.87');
    });

    it('serves widgets registered under another prefix', async () => {
      await useApi(balanceHandler());
      defineWidgets({ prefix: 'acme' });
      const session = await fixture(
        html`<acme-session endpoint=${endpoint} client-secret="ws_test"><acme-balance></acme-balance></acme-session>`,
      );
      await loaded(session.querySelector('acme-balance') as WaBalance);
      expect(amount(session.querySelector('acme-balance') as WaBalance)).to.equal('$8,323.87');
    });
  });
});
