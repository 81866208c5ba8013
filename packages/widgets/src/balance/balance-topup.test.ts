import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../session/wa-session.js';
import type { WaSession } from '../session/session.js';
import { balance, endpoint, http, HttpResponse, useApi } from '../test/api-mock.js';
import { topupApi } from '../test/topup-mock.js';
import type { WaTopup } from '../topup/topup.js';
// The balance imports its dialog on the first press. Loaded here, before any test, so that a test's wait for the
// dialog never includes fetching and transforming the module on a busy machine (the lazy import itself is
// checked end to end, in the cross-origin embed test).
import '../topup/topup.js';
import { WaBalance } from './balance.js';
import './wa-balance.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
const loaded = (el: WaBalance) => waitUntil(() => text(el, 'amount') !== '', 'the balance never showed');
const innerTopup = (el: WaBalance) => part(el, 'topup') as WaTopup | null;

async function balanceWithTopup(tag = 'wa-balance') {
  const session = await fixture<WaSession>(html`
    <wa-session endpoint=${endpoint} client-secret="ws_test" locale="en-US" live-updates="off"></wa-session>
  `);
  const el = document.createElement(tag) as WaBalance;
  el.toggleAttribute('topup', true);
  session.append(el);
  await loaded(el);
  return { session, el };
}

describe('<wa-balance topup>', () => {
  let balanceBody = balance();
  beforeEach(async () => {
    balanceBody = balance();
    await useApi(http.get(`${endpoint}/v1/balance`, () => HttpResponse.json(balanceBody)), ...topupApi().handlers);
  });

  describe('accessibility', () => {
    it('is accessible with its "Add credits" button, and with the dialog open', async () => {
      const { el } = await balanceWithTopup();
      expect(text(el, 'add-credits')).to.equal('Add credits');
      await expect(el).to.be.accessible();

      part(el, 'add-credits')!.click();
      await waitUntil(() => innerTopup(el)?.open);
      await expect(el).to.be.accessible();
    });
  });

  describe('rendering', () => {
    it('shows no "Add credits" button without the attribute', async () => {
      const session = await fixture<WaSession>(html`
        <wa-session endpoint=${endpoint} client-secret="ws_test"><wa-balance></wa-balance></wa-session>
      `);
      const el = session.querySelector('wa-balance')!;
      await loaded(el);
      expect(part(el, 'add-credits')).to.be.null;
    });

    it('opens the top-up dialog when "Add credits" is pressed', async () => {
      const { el } = await balanceWithTopup();
      const height = el.getBoundingClientRect().height;
      part(el, 'add-credits')!.click();
      await waitUntil(() => innerTopup(el)?.open);

      const topup = innerTopup(el)!;
      expect(el.getBoundingClientRect().height).to.equal(height);
      expect(topup.localName).to.equal('wa-topup');
      expect(part(topup, 'trigger')).to.be.null;
      expect(text(topup, 'title')).to.equal('Add credits');
    });

    it('opens the top-up of its own prefix', async () => {
      WaBalance.define('acme-balance');
      const { el } = await balanceWithTopup('acme-balance');
      part(el, 'add-credits')!.click();
      await waitUntil(() => innerTopup(el)?.open);
      expect(innerTopup(el)!.localName).to.equal('acme-topup');
    });

    it('shows the new balance when a landed top-up is pushed', async () => {
      const { session, el } = await balanceWithTopup();
      session.client!.emit('balance', balance({ balance: { amount: '8373.87', currency: 'USD' }, updated_at: '2025-11-25T14:10:00Z' }));
      await el.updateComplete;
      expect(text(el, 'amount')).to.equal('$8,373.87');
    });

    it('reloads the balance when its dialog’s top-up succeeded', async () => {
      const { el } = await balanceWithTopup();
      part(el, 'add-credits')!.click();
      await waitUntil(() => innerTopup(el)?.open);

      balanceBody = balance({ balance: { amount: '8373.87', currency: 'USD' }, updated_at: '2025-11-25T14:10:00Z' });
      innerTopup(el)!.emit('wa-topup-succeeded', {
        topup: {
          id: 'tu_1',
          status: 'succeeded',
          amount: { amount: '50.00', currency: 'USD' },
          checkout_url: '',
          created_at: '',
          expires_at: '',
          completed_at: null,
        },
      });
      await waitUntil(() => text(el, 'amount') === '$8,373.87');
    });
  });

  describe('styling', () => {
    it('exports every part of its dialog as topup-<part>, so the host styles each piece', async () => {
      const style = document.createElement('style');
      style.textContent = 'wa-balance::part(topup-preset) { letter-spacing: 3px } wa-balance::part(topup-pay) { letter-spacing: 5px }';
      document.head.append(style);
      try {
        const { el } = await balanceWithTopup();
        part(el, 'add-credits')!.click();
        await waitUntil(() => innerTopup(el)?.open && part(innerTopup(el)!, 'preset'), 'the presets never showed');
        const dialog = innerTopup(el)!;
        const exported = new Set(
          dialog.getAttribute('exportparts')!.split(',').map(pair => pair.split(':')[0]!.trim()),
        );
        const shown = [...dialog.shadowRoot!.querySelectorAll('[part]')].flatMap(node => node.getAttribute('part')!.split(/\s+/));
        expect(shown.filter(name => !exported.has(name))).to.deep.equal([]);
        expect(getComputedStyle(part(dialog, 'preset')!).letterSpacing).to.equal('3px');
        expect(getComputedStyle(part(dialog, 'pay')!).letterSpacing).to.equal('5px');
      } finally {
        style.remove();
      }
    });
  });

  describe('events', () => {
    it('asks the host first with a cancelable wa-add-credits-requested, and opens nothing when it is cancelled', async () => {
      const { el } = await balanceWithTopup();
      el.addEventListener('wa-add-credits-requested', event => event.preventDefault(), { once: true });
      const requested = oneEvent(el, 'wa-add-credits-requested');
      part(el, 'add-credits')!.click();
      const event = await requested;

      expect(event.cancelable).to.be.true;
      expect(event.composed).to.be.true;
      await el.updateComplete;
      expect(innerTopup(el)).to.be.null;
    });
  });

  describe('keyboard', () => {
    it('opens the dialog with Enter and gives focus back to "Add credits" on Escape', async () => {
      const { el } = await balanceWithTopup();
      part(el, 'add-credits')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => innerTopup(el)?.open);

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !innerTopup(el)!.open);
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'add-credits'));
    });
  });
});
