import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../session/wa-session.js';
import type { WaSession } from '../session/session.js';
import type { BalanceResponse } from '../shared/api/types.js';
import { listenToAnnouncements, liveRegion } from '../test/announcements.js';
import { apiError, balance, balanceHandler, endpoint, http, HttpResponse, useApi } from '../test/api-mock.js';
import type { WaBalance } from './balance.js';
import { parseThreshold } from './threshold-input.js';
import './wa-balance.js';

const part = (el: WaBalance, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: WaBalance, name: string) => part(el, name)?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
const input = (el: WaBalance) => part(el, 'threshold-input') as HTMLInputElement;
const loaded = (el: WaBalance) => waitUntil(() => text(el, 'amount') !== '', 'the balance never showed');

async function balanceInSession(locale = 'en-US') {
  const session = await fixture<WaSession>(html`
    <wa-session endpoint=${endpoint} client-secret="ws_test" locale=${locale}><wa-balance></wa-balance></wa-session>
  `);
  const el = session.querySelector('wa-balance')!;
  await loaded(el);
  return { session, el };
}

/** `PUT /v1/alerts/low-balance` answering the balance with the threshold it received, remembering the bodies. */
function alertHandler(bodies: unknown[] = []) {
  return http.put(`${endpoint}/v1/alerts/low-balance`, async ({ request }) => {
    const body = (await request.json()) as { threshold: BalanceResponse['low_balance_threshold'] };
    bodies.push(body);
    return HttpResponse.json(balance({ low_balance_threshold: body.threshold, updated_at: '2025-11-25T14:06:00Z' }));
  });
}

async function type(el: WaBalance, value: string) {
  const field = input(el);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function openForm(el: WaBalance) {
  part(el, 'change-threshold')!.click();
  await el.updateComplete;
  await waitUntil(() => !!input(el) && el.shadowRoot!.activeElement === input(el), 'the amount field never took focus');
}

// The alert's form is a module of its own, imported on the first "Change": compile it once up front, so the first
// test that opens it does not wait for the test server's cold compile.
before(() => import('./threshold-editor.js'));

describe('<wa-balance> low-balance alert and runway', () => {
  describe('accessibility', () => {
    it('is accessible with the Change button, the open form, and a validation error', async () => {
      await useApi(balanceHandler(), alertHandler());
      const { el } = await balanceInSession();
      expect(part(el, 'change-threshold')!.getAttribute('aria-label')).to.equal('Change low-balance alert');
      await expect(el).to.be.accessible();

      await openForm(el);
      expect(input(el).labels![0]!.textContent!.trim()).to.equal('Alert me when the balance falls below (USD)');
      await expect(el).to.be.accessible();

      await type(el, 'lots');
      part(el, 'threshold-save')!.click();
      await el.updateComplete;
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(input(el).getAttribute('aria-describedby')).to.include('threshold-error');
      await expect(el).to.be.accessible();
    });
  });

  describe('rendering', () => {
    it('shows the runway from the balance payload', async () => {
      await useApi(balanceHandler(balance({ runway: { days: 23, average_daily_spend: { amount: '12.40', currency: 'USD' }, basis_days: 7 } })));
      const { el } = await balanceInSession();
      expect(text(el, 'runway')).to.equal('About 23 days at your average spend of $12.40/day (last 7 days)');
    });

    it('says "more than a year" rather than a count of thousands of days', async () => {
      await useApi(balanceHandler(balance({ runway: { days: 1_101_450, average_daily_spend: { amount: '0.007557', currency: 'USD' }, basis_days: 7 } })));
      const { el } = await balanceInSession();
      expect(text(el, 'runway')).to.equal('More than a year at your average spend of $0.007557/day (last 7 days)');
    });

    it('says there was no spend when the runway has no days, and in pt-BR', async () => {
      await useApi(balanceHandler(balance({ runway: { days: null, average_daily_spend: { amount: '0.00', currency: 'USD' }, basis_days: 7 } })));
      const { el } = await balanceInSession('pt-BR');
      expect(text(el, 'runway')).to.equal('Nenhum gasto nos últimos 7 dias');
    });

    it('opens an inline form filled with the current threshold, and Cancel closes it', async () => {
      await useApi(balanceHandler());
      const { el } = await balanceInSession();
      await openForm(el);

      expect(input(el).value).to.equal('100.00');
      expect(part(el, 'change-threshold')).to.be.null;
      part(el, 'threshold-cancel')!.click();
      await el.updateComplete;

      expect(part(el, 'threshold-form')).to.be.null;
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'change-threshold'));
      expect(text(el, 'threshold')).to.equal('Alert below $100.00');
    });

    it('refuses negative, malformed and over-precise amounts with an example', async () => {
      const bodies: unknown[] = [];
      await useApi(balanceHandler(), alertHandler(bodies));
      const { el } = await balanceInSession();
      await openForm(el);

      for (const typed of ['-5', '1,0000', '12.345', 'abc']) {
        await type(el, typed);
        part(el, 'threshold-save')!.click();
        await el.updateComplete;
        expect(text(el, 'threshold-error'), typed).to.equal('Enter an amount of 0 or more, like 100.00.');
      }
      await type(el, '50');
      expect(part(el, 'threshold-error')).to.be.null;
      expect(bodies).to.deep.equal([]);
    });

    it('saves the new threshold in the balance currency and shows the server’s answer', async () => {
      const bodies: unknown[] = [];
      await useApi(balanceHandler(), alertHandler(bodies));
      const { el } = await balanceInSession();
      await openForm(el);

      await type(el, '250.5');
      const heard = listenToAnnouncements(el);
      part(el, 'threshold-save')!.click();
      await waitUntil(() => !part(el, 'threshold-form'), 'the form never closed');

      expect(bodies).to.deep.equal([{ threshold: { amount: '250.5', currency: 'USD' } }]);
      expect(text(el, 'threshold')).to.equal('Alert below $250.50');
      expect(heard).to.deep.equal(['Alert set below $250.50.']);
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'change-threshold'));
    });

    it('reads a pt-BR decimal comma', async () => {
      const bodies: unknown[] = [];
      await useApi(balanceHandler(), alertHandler(bodies));
      const { el } = await balanceInSession('pt-BR');
      await openForm(el);
      expect(input(el).value).to.equal('100,00');

      await type(el, '75,25');
      part(el, 'threshold-save')!.click();
      await waitUntil(() => bodies.length === 1);
      expect(bodies).to.deep.equal([{ threshold: { amount: '75.25', currency: 'USD' } }]);
    });

    it('turns the alert off when the amount is left empty', async () => {
      const bodies: unknown[] = [];
      await useApi(balanceHandler(), alertHandler(bodies));
      const { el } = await balanceInSession();
      await openForm(el);

      await type(el, '');
      part(el, 'threshold-save')!.click();
      await waitUntil(() => !part(el, 'threshold-form'));

      expect(bodies).to.deep.equal([{ threshold: null }]);
      expect(text(el, 'threshold')).to.equal('No low-balance alert set');
      expect(liveRegion(el).textContent).to.equal('Low-balance alert turned off.');
    });

    it('says the session can’t change the alert when the server answers 403, and hides Change', async () => {
      await useApi(balanceHandler(), http.put(`${endpoint}/v1/alerts/low-balance`, () => apiError(403, 'forbidden')));
      const { el } = await balanceInSession();
      await openForm(el);

      part(el, 'threshold-save')!.click();
      await waitUntil(() => part(el, 'threshold-error'));
      expect(text(el, 'threshold-error')).to.equal('This session isn’t allowed to change the alert.');
      expect(part(el, 'threshold-save')).to.be.null;
      await expect(el).to.be.accessible();

      part(el, 'threshold-cancel')!.click();
      await el.updateComplete;
      expect(part(el, 'change-threshold')).to.be.null;
      expect(text(el, 'threshold-forbidden')).to.equal('This session isn’t allowed to change the alert.');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'threshold-forbidden'));
    });

    it('keeps the form and the typed amount when saving fails', async () => {
      await useApi(balanceHandler(), http.put(`${endpoint}/v1/alerts/low-balance`, () => apiError(503, 'unavailable')));
      const { el } = await balanceInSession();
      await openForm(el);
      await type(el, '20');

      part(el, 'threshold-save')!.click();
      await waitUntil(() => part(el, 'threshold-error'));
      expect(text(el, 'threshold-error')).to.equal('Couldn’t save the alert.');
      expect(input(el).value).to.equal('20');
      expect(part(el, 'threshold-save')).to.exist;
    });
  });

  describe('events', () => {
    it('fires wa-threshold-changed with the saved threshold and pushes the new balance to the session', async () => {
      await useApi(balanceHandler(), alertHandler());
      const { session, el } = await balanceInSession();
      const pushed: BalanceResponse[] = [];
      session.client!.on('balance', update => pushed.push(update));
      await openForm(el);
      await type(el, '300');

      const changed = oneEvent(el, 'wa-threshold-changed');
      part(el, 'threshold-save')!.click();
      expect((await changed).detail).to.deep.equal({ threshold: { amount: '300', currency: 'USD' } });
      expect(pushed.map(update => update.low_balance_threshold)).to.deep.equal([{ amount: '300', currency: 'USD' }]);
    });

    it('fires wa-balance-low once when a pushed balance becomes low', async () => {
      await useApi(balanceHandler());
      const { session, el } = await balanceInSession();
      let fired = 0;
      el.addEventListener('wa-balance-low', () => fired++);

      const low = balance({ balance: { amount: '42.10', currency: 'USD' }, is_low: true, updated_at: '2025-11-25T15:00:00Z' });
      session.client!.emit('balance', low);
      session.client!.emit('balance', { ...low, updated_at: '2025-11-25T15:01:00Z' });
      await el.updateComplete;

      expect(fired).to.equal(1);
      expect(text(el, 'status')).to.equal('Low balance');
    });
  });

  describe('keyboard', () => {
    it('opens with Enter, saves with Enter in the field, and cancels with Escape', async () => {
      const bodies: unknown[] = [];
      await useApi(balanceHandler(), alertHandler(bodies));
      const { el } = await balanceInSession();

      part(el, 'change-threshold')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !!input(el) && el.shadowRoot!.activeElement === input(el));
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'change-threshold'));

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !!input(el) && el.shadowRoot!.activeElement === input(el));
      input(el).select();
      await sendKeys({ type: '80' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => bodies.length === 1);
      expect(bodies).to.deep.equal([{ threshold: { amount: '80', currency: 'USD' } }]);
    });
  });
});

describe('parseThreshold', () => {
  it('reads amounts in the locale, refusing grouping and guesses', () => {
    expect(parseThreshold(' 100 ', 'USD', 'en')).to.deep.equal({ amount: '100' });
    expect(parseThreshold('0', 'USD', 'en')).to.deep.equal({ amount: '0' });
    expect(parseThreshold('', 'USD', 'en')).to.deep.equal({ off: true });
    expect(parseThreshold('1.000', 'USD', 'pt-BR')).to.deep.equal({ amount: '1000' });
    expect(parseThreshold('1.000,5', 'USD', 'pt-BR')).to.deep.equal({ amount: '1000.5' });
    expect(parseThreshold('1,000', 'USD', 'en')).to.deep.equal({ amount: '1000' });
    expect(parseThreshold('1,5', 'USD', 'pt-BR')).to.deep.equal({ amount: '1.5' });
    expect(parseThreshold('1.5', 'JPY', 'en')).to.deep.equal({ invalid: true });
    expect(parseThreshold('1500', 'JPY', 'en')).to.deep.equal({ amount: '1500' });
  });
});

describe('<wa-balance> low-balance alert when the account changes', () => {
  it('drops the answer of a save sent for the previous account, and closes its form', async () => {
    let answer!: () => void;
    const answered = new Promise<void>(resolve => (answer = resolve));
    const changed: Event[] = [];
    await useApi(
      http.get(`${endpoint}/v1/balance`, ({ request }) =>
        HttpResponse.json(
          request.headers.get('Authorization') === 'Bearer ws_other'
            ? balance({ balance: { amount: '10.00', currency: 'USD' }, low_balance_threshold: null })
            : balance(),
        ),
      ),
      http.put(`${endpoint}/v1/alerts/low-balance`, async ({ request }) => {
        const body = (await request.json()) as { threshold: BalanceResponse['low_balance_threshold'] };
        await answered;
        // the previous account's balance, newer than the new account's
        return HttpResponse.json(balance({ low_balance_threshold: body.threshold, updated_at: '2025-11-26T00:00:00Z' }));
      }),
    );
    const { session, el } = await balanceInSession();
    el.addEventListener('wa-threshold-changed', event => changed.push(event));
    await openForm(el);
    await type(el, '250');
    part(el, 'threshold-save')!.click();
    await el.updateComplete;
    const heard = listenToAnnouncements(el);

    session.clientSecret = 'ws_other';
    try {
      await waitUntil(() => text(el, 'amount') === '$10.00', 'the new account’s balance never showed');
      expect(part(el, 'threshold-form') !== null, 'the form opened for the previous account is still open').to.be.false;
    } finally {
      answer();
    }
    await new Promise(resolve => setTimeout(resolve, 100));

    expect(text(el, 'amount')).to.equal('$10.00');
    expect(text(el, 'threshold')).to.equal('No low-balance alert set');
    expect(heard.filter(said => said.startsWith('Alert set')), 'the previous account’s save is not announced').to.deep.equal([]);
    expect(changed).to.have.length(0);
  });
});
