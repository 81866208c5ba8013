import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../session/wa-session.js';
import type { WaSession } from '../session/session.js';
import { apiError, endpoint, http, HttpResponse, useApi } from '../test/api-mock.js';
import { paymentLink, topup, topupApi, topupOptions } from '../test/topup-mock.js';
import { isSafeCheckoutUrl } from './checkout-url.js';
import type { WaTopup } from './topup.js';
import './wa-topup.js';

const part = (el: WaTopup, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: WaTopup, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const words = (node: Element | null | undefined) => node?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
const text = (el: WaTopup, name: string) => words(part(el, name));
const dialog = (el: WaTopup) => el.shadowRoot!.querySelector('dialog')!;
/** What the open dialog's persistent live region says: the rest of the widget is inert behind the modal. */
const dialogSays = (el: WaTopup) => words(dialog(el).querySelector(':scope > [data-announcer]'));
const presetsShown = (el: WaTopup) => waitUntil(() => parts(el, 'preset').length > 0, 'the presets never showed');

interface Options {
  locale?: string;
  disableTopup?: boolean;
  disableLinks?: boolean;
}

async function topupInSession({ locale = 'en-US', disableTopup = false, disableLinks = false }: Options = {}) {
  const session = await fixture<WaSession>(html`
    <wa-session endpoint=${endpoint} client-secret="ws_test" locale=${locale} live-updates="off">
      <wa-topup poll-interval="40" ?disable-topup=${disableTopup} ?disable-payment-links=${disableLinks}></wa-topup>
    </wa-session>
  `);
  const el = session.querySelector('wa-topup')!;
  await el.updateComplete;
  return { session, el };
}

async function openDialog(el: WaTopup) {
  part(el, 'trigger')!.click();
  await waitUntil(() => dialog(el).open, 'the dialog never opened');
  await presetsShown(el);
  await el.updateComplete;
}

/** The story most payment tests start with: the dialog open, $50.00 chosen and "Pay now" pressed. */
async function payFifty() {
  const api = topupApi();
  await useApi(...api.handlers);
  const { session, el } = await topupInSession();
  await openDialog(el);
  choosePreset(el, '$50.00');
  part(el, 'pay')!.click();
  return { api, session, el };
}

async function typeAmount(el: WaTopup, value: string) {
  const input = part(el, 'custom-amount') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

function choosePreset(el: WaTopup, label: string) {
  parts(el, 'preset').find(preset => words(preset) === label)!.querySelector('input')!.click();
}

const linksShown = (el: WaTopup) =>
  waitUntil(() => part(el, 'open-links') || part(el, 'empty'), 'the open links never showed');

type OpenCall = [string | URL | undefined, string | undefined, string | undefined];
/** A window the browser opened: where it was sent, and what its `opener` was left as. */
interface FakePopup {
  opener: unknown;
  sentTo: string[];
  location: { replace: (url: string) => void };
}
let opened: OpenCall[];
let popup: FakePopup | null;
const realOpen = window.open;

function fakePopup(): FakePopup {
  const sentTo: string[] = [];
  return { opener: window, sentTo, location: { replace: url => void sentTo.push(url) } };
}

beforeEach(() => {
  opened = [];
  popup = fakePopup();
  window.open = ((url?: string | URL, target?: string, features?: string) => {
    opened.push([url, target, features]);
    return popup;
  }) as unknown as typeof window.open;
});

afterEach(() => {
  window.open = realOpen;
});

describe('<wa-topup>', () => {
  // The dialog's body is a module of its own, imported on the first open: compile it once up front, so the first
  // test that opens the dialog does not wait for the test server's cold compile.
  before(() => import('./dialog-body.js'));

  describe('accessibility', () => {
    it('is accessible closed, as an "Add credits" button', async () => {
      await useApi(...topupApi().handlers);
      const { el } = await topupInSession();
      expect(text(el, 'trigger')).to.equal('Add credits');
      expect(part(el, 'trigger')!.getAttribute('aria-haspopup')).to.equal('dialog');
      await expect(el).to.be.accessible();
    });

    it('is an accessible modal dialog named by its title', async () => {
      await useApi(...topupApi().handlers);
      const { el } = await topupInSession();
      await openDialog(el);
      await linksShown(el);

      expect(dialog(el).matches(':modal')).to.be.true;
      expect(dialog(el).getAttribute('aria-labelledby')).to.equal(part(el, 'title')!.id);
      expect(text(el, 'title')).to.equal('Add credits');
      await expect(el).to.be.accessible();
    });

    it('is accessible with an amount error, open links and a cancellation to confirm', async () => {
      await useApi(...topupApi({ links: [paymentLink({ note: 'Invoice 42' })] }).handlers);
      const { el } = await topupInSession();
      await openDialog(el);
      await typeAmount(el, '5');
      part(el, 'pay')!.click();
      await linksShown(el);
      part(el, 'cancel-link')!.click();
      await el.updateComplete;

      expect(part(el, 'custom-amount')!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('is accessible while waiting for the payment and after it succeeded', async () => {
      const { api, el } = await payFifty();
      await waitUntil(() => part(el, 'status'));
      await expect(el).to.be.accessible();

      api.state.status = 'succeeded';
      await waitUntil(() => part(el, 'done'));
      await expect(el).to.be.accessible();
    });

    it('is accessible with a created link and with the permission messages', async () => {
      await useApi(...topupApi({}, { forbid: ['topup'] }).handlers);
      const { el } = await topupInSession();
      await openDialog(el);
      choosePreset(el, '$25.00');
      part(el, 'pay')!.click();
      await waitUntil(() => part(el, 'forbidden'));
      await expect(el).to.be.accessible();

      part(el, 'create-link')!.click();
      await waitUntil(() => part(el, 'link-url'));
      await expect(el).to.be.accessible();
    });

    it('works on its own in the dark theme, accessibly', async () => {
      await useApi(...topupApi().handlers);
      const el = await fixture<WaTopup>(html`<wa-topup theme="dark" endpoint=${endpoint} client-secret="ws_alone" locale="es"></wa-topup>`);
      await openDialog(el);
      await linksShown(el);
      expect(text(el, 'title')).to.equal('Añadir créditos');
      expect(getComputedStyle(dialog(el)).backgroundColor).to.equal('rgb(22, 27, 34)');
      await expect(el).to.be.accessible();
    });
  });

  describe('rendering', () => {
    it('shows the preset amounts from the options, none chosen, and the allowed range', async () => {
      await useApi(...topupApi().handlers);
      const { el } = await topupInSession();
      await openDialog(el);

      expect(parts(el, 'preset').map(words)).to.deep.equal(['$25.00', '$50.00', '$100.00', '$250.00']);
      expect(parts(el, 'preset').some(preset => preset.querySelector('input')!.checked)).to.be.false;
      expect(words(el.shadowRoot!.querySelector('legend'))).to.equal('Amount');
      expect(words(el.shadowRoot!.querySelector('#custom-hint'))).to.equal('From $10.00 to $10,000.00');
    });

    it('formats the presets and words for pt-BR', async () => {
      await useApi(...topupApi().handlers);
      const { el } = await topupInSession({ locale: 'pt-BR' });
      expect(text(el, 'trigger')).to.equal('Adicionar créditos');
      await openDialog(el);

      expect(parts(el, 'preset').map(words)).to.deep.equal(['US$\u00a025,00', 'US$\u00a050,00', 'US$\u00a0100,00', 'US$\u00a0250,00']);
      expect(words(el.shadowRoot!.querySelector('label[for="custom"]'))).to.equal('Outro valor');
      expect(text(el, 'pay')).to.equal('Pagar agora');
    });

    for (const [typed, message] of [
      ['5', 'The minimum is $10.00.'],
      ['10000.01', 'The maximum is $10,000.00.'],
      ['12.345', 'Use at most 2 decimal places.'],
      ['1,0000', 'Use at most 2 decimal places.'],
      ['ten', 'Enter the amount in numbers, like 49.90.'],
      ['1e3', 'Enter the amount in numbers, like 49.90.'],
      ['', 'Choose an amount or enter one.'],
    ] as const) {
      it(`says what is wrong with the amount "${typed}", in an announced message tied to the field`, async () => {
        const api = topupApi();
        await useApi(...api.handlers);
        const { el } = await topupInSession();
        await openDialog(el);
        await typeAmount(el, typed);
        part(el, 'pay')!.click();
        await el.updateComplete;

        const input = part(el, 'custom-amount')!;
        expect(text(el, 'amount-error')).to.equal(message);
        expect(part(el, 'amount-error')!.getAttribute('role')).to.equal('alert');
        expect(input.getAttribute('aria-describedby')).to.contain('amount-error');
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(api.state.topupBodies).to.deep.equal([]);
      });
    }

    it('checks a typed amount when the field loses focus, and clears the message once it is fixed', async () => {
      await useApi(...topupApi().handlers);
      const { el } = await topupInSession();
      await openDialog(el);
      await typeAmount(el, '9.99');
      part(el, 'custom-amount')!.dispatchEvent(new Event('blur'));
      await el.updateComplete;
      expect(text(el, 'amount-error')).to.equal('The minimum is $10.00.');

      await typeAmount(el, '10');
      expect(text(el, 'amount-error')).to.equal('');
      expect(part(el, 'custom-amount')!.getAttribute('aria-invalid')).to.equal('false');
    });

    it('keeps the same height when an amount message appears', async () => {
      await useApi(...topupApi().handlers);
      const { el } = await topupInSession();
      await openDialog(el);
      const before = part(el, 'amounts')!.getBoundingClientRect().height;
      await typeAmount(el, '5');
      part(el, 'pay')!.click();
      await el.updateComplete;
      expect(part(el, 'amounts')!.getBoundingClientRect().height).to.be.closeTo(before, 0.5);
    });

    it('pays a preset: POSTs its decimal string and opens the checkout in a popup that cannot reach the page', async () => {
      const { api, el } = await payFifty();
      await waitUntil(() => part(el, 'status'));

      expect(api.state.topupBodies).to.deep.equal([{ amount: { amount: '50.00', currency: 'USD' } }]);
      expect(opened).to.deep.equal([['', '_blank', 'popup,width=480,height=720']]);
      expect(popup!.opener, 'the popup is disowned before it leaves the page’s origin').to.be.null;
      expect(popup!.sentTo).to.deep.equal(['https://wa.test/sandbox/checkout/cs_1']);
      expect(text(el, 'status')).to.contain('Complete the payment of $50.00 in the payment window');
      expect(part(el, 'continue')).to.be.null;
    });

    it('pays a typed amount with the step’s decimals, never through a float', async () => {
      const api = topupApi();
      await useApi(...api.handlers);
      const { el } = await topupInSession();
      await openDialog(el);
      await typeAmount(el, ' 75,5 ');
      part(el, 'pay')!.click();
      await waitUntil(() => api.state.topupBodies.length > 0);
      expect(api.state.topupBodies).to.deep.equal([{ amount: { amount: '75.50', currency: 'USD' } }]);
    });

    it('reads "1.000" typed in pt-BR as one thousand, as every widget does', async () => {
      const api = topupApi();
      await useApi(...api.handlers);
      const { el } = await topupInSession({ locale: 'pt-BR' });
      await openDialog(el);
      await typeAmount(el, '1.000');
      part(el, 'pay')!.click();
      await waitUntil(() => api.state.topupBodies.length > 0);
      expect(api.state.topupBodies).to.deep.equal([{ amount: { amount: '1000.00', currency: 'USD' } }]);
    });

    it('offers to continue in the same tab when the browser blocks the popup', async () => {
      popup = null;
      await useApi(...topupApi().handlers);
      const { el } = await topupInSession();
      await openDialog(el);
      choosePreset(el, '$25.00');
      part(el, 'pay')!.click();
      await waitUntil(() => part(el, 'continue'));

      expect(text(el, 'status')).to.equal('Your browser blocked the payment window. Continue to pay $25.00 in this tab.');
      expect(text(el, 'continue')).to.equal('Continue to payment');
      expect(part(el, 'continue')!.getAttribute('href')).to.equal('https://wa.test/sandbox/checkout/cs_1');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'continue'));
    });

    it('shows the success with the amount once the payment succeeded', async () => {
      const { api, el } = await payFifty();
      await waitUntil(() => part(el, 'status'));
      api.state.status = 'succeeded';

      await waitUntil(() => part(el, 'done'));
      expect(text(el, 'status')).to.equal('$50.00 added to your balance');
    });

    for (const [status, message] of [
      ['failed', 'The payment of $50.00 didn’t go through. Nothing was charged.'],
      ['expired', 'The payment of $50.00 expired before it was completed.'],
    ] as const) {
      it(`says when the payment ${status}, and Try again goes back to the amount`, async () => {
        const { api, el } = await payFifty();
        await waitUntil(() => part(el, 'status'));
        api.state.status = status;

        await waitUntil(() => part(el, 'try-again'));
        expect(text(el, 'status')).to.equal(message);
        part(el, 'try-again')!.click();
        await el.updateComplete;
        expect(part(el, 'pay')).to.exist;
      });
    }

    it('opens no window when the dialog is closed while the checkout is being created', async () => {
      let answer!: () => void;
      const answered = new Promise<void>(resolve => (answer = resolve));
      let asked = false;
      const api = topupApi();
      await useApi(
        http.post(`${endpoint}/v1/topups`, async () => {
          asked = true;
          await answered;
          return HttpResponse.json(topup(), { status: 201 });
        }),
        ...api.handlers,
      );
      const { el } = await topupInSession();
      await openDialog(el);
      choosePreset(el, '$50.00');
      part(el, 'pay')!.click();
      try {
        await waitUntil(() => asked, 'the checkout was never asked for');
        el.close();
      } finally {
        answer();
      }
      await new Promise(resolve => setTimeout(resolve, 150));

      expect(opened).to.deep.equal([]);
      expect(api.state.polls).to.equal(0);
      expect(api.state.abandoned, 'the top-up created meanwhile is abandoned on the server').to.deep.equal(['tu_1']);
      await openDialog(el);
      expect(part(el, 'pay'), 'the dialog opens again at the amount step').to.exist;
      expect(part(el, 'pay')!.getAttribute('aria-disabled'), 'Pay works again').to.equal('false');
    });

    it('stops checking the payment when the dialog closes', async () => {
      const { api, el } = await payFifty();
      await waitUntil(() => api.state.polls > 0);
      el.close();
      const polls = api.state.polls;
      await new Promise(resolve => setTimeout(resolve, 200));
      expect(api.state.polls).to.be.at.most(polls + 1);
    });

    it('renders only its trigger until opened, and stays closed when removed while its dialog loads', async () => {
      await useApi(...topupApi().handlers);
      const { el } = await topupInSession();
      expect(dialog(el).childElementCount).to.equal(0);
      part(el, 'trigger')!.click();
      el.remove();
      await new Promise(resolve => setTimeout(resolve, 50));
      expect(el.open).to.be.false;
      expect(dialog(el).open).to.be.false;
    });

    it('stops checking the payment, and is no longer open, once removed from the page', async () => {
      const { api, el } = await payFifty();
      await waitUntil(() => api.state.polls > 0);
      el.remove();
      const polls = api.state.polls;
      await new Promise(resolve => setTimeout(resolve, 200));
      expect(api.state.polls).to.be.at.most(polls + 1);
      expect(el.open).to.be.false;
      expect(dialog(el).open).to.be.false;
    });

    for (const url of ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', '/relative/checkout', 'not a url']) {
      it(`refuses to open a checkout_url that is not http(s): ${url}`, async () => {
        popup = null;
        const api = topupApi();
        await useApi(
          http.post(`${endpoint}/v1/topups`, () => HttpResponse.json(topup({ checkout_url: url }), { status: 201 })),
          ...api.handlers,
        );
        const { el } = await topupInSession();
        await openDialog(el);
        choosePreset(el, '$50.00');
        part(el, 'pay')!.click();
        await waitUntil(() => part(el, 'error'), 'no error was shown');
        expect(text(el, 'error')).to.equal('Couldn’t start the payment. Try again.');
        expect(opened).to.deep.equal([]);
        expect(part(el, 'continue')).to.be.null;
        expect(el.shadowRoot!.querySelector(`a[href="${CSS.escape(url)}"]`)).to.be.null;
      });
    }

    it('accepts https checkout URLs, and http only on an http page', () => {
      expect(isSafeCheckoutUrl('https://pay.example.com/c/1', 'https:')).to.be.true;
      expect(isSafeCheckoutUrl('http://localhost:8787/sandbox/checkout/cs_1', 'http:')).to.be.true;
      expect(isSafeCheckoutUrl('http://pay.example.com/c/1', 'https:')).to.be.false;
      expect(isSafeCheckoutUrl('javascript:alert(1)', 'http:')).to.be.false;
      expect(isSafeCheckoutUrl('JaVaScRiPt:alert(1)', 'https:')).to.be.false;
    });

    it('creates a payment link with a note and an expiry, shows it, and copies it', async () => {
      const api = topupApi();
      await useApi(...api.handlers);
      const copied: string[] = [];
      const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: async (value: string) => void copied.push(value) },
      });
      try {
        const { el } = await topupInSession();
        await openDialog(el);
        choosePreset(el, '$100.00');
        const note = part(el, 'link-note') as HTMLInputElement;
        note.value = 'Invoice 42';
        note.dispatchEvent(new Event('input'));
        const expiry = part(el, 'link-expiry') as HTMLSelectElement;
        expect([...expiry.options].map(option => option.text)).to.deep.equal(['24 hours', '3 days', '7 days']);
        expiry.value = '168';
        expiry.dispatchEvent(new Event('change'));
        part(el, 'create-link')!.click();
        await waitUntil(() => part(el, 'link-url'));

        expect(api.state.linkBodies).to.deep.equal([
          { amount: { amount: '100.00', currency: 'USD' }, expires_in_hours: 168, note: 'Invoice 42' },
        ]);
        expect((part(el, 'link-url') as HTMLInputElement).value).to.equal('https://wa.test/pay/tok_1');
        expect((part(el, 'link-url') as HTMLInputElement).readOnly).to.be.true;
        expect(text(el, 'status')).to.equal('Payment link for $100.00 created');

        part(el, 'copy')!.click();
        await waitUntil(() => dialogSays(el) === 'Link copied');
        expect(copied).to.deep.equal(['https://wa.test/pay/tok_1']);
      } finally {
        Object.defineProperty(navigator, 'clipboard', clipboard);
        delete (navigator as { clipboard?: unknown }).clipboard;
      }
    });

    it('selects the link for copying by hand when the clipboard is unavailable', async () => {
      await useApi(...topupApi().handlers);
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
      try {
        const { el } = await topupInSession();
        await openDialog(el);
        choosePreset(el, '$25.00');
        part(el, 'create-link')!.click();
        await waitUntil(() => part(el, 'link-url'));
        part(el, 'copy')!.click();
        await waitUntil(() => dialogSays(el).startsWith('Link selected'));

        const field = part(el, 'link-url') as HTMLInputElement;
        expect(el.shadowRoot!.activeElement).to.equal(field);
        expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
      } finally {
        delete (navigator as { clipboard?: unknown }).clipboard;
      }
    });

    it('offers Share only where the platform can share', async () => {
      await useApi(...topupApi().handlers);
      const shared: ShareData[] = [];
      const hadShare = 'share' in navigator;
      Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
      try {
        const { el } = await topupInSession();
        await openDialog(el);
        choosePreset(el, '$25.00');
        part(el, 'create-link')!.click();
        await waitUntil(() => part(el, 'share'));
        part(el, 'share')!.click();
        await waitUntil(() => shared.length > 0);
        expect(shared[0]).to.deep.include({ url: 'https://wa.test/pay/tok_1', title: 'Payment link for $25.00' });
      } finally {
        if (!hadShare) delete (navigator as { share?: unknown }).share;
      }
    });

    it('lists only the open links, with amount, note and expiry', async () => {
      await useApi(
        ...topupApi({
          links: [
            paymentLink({ id: 'pl_a', note: 'Invoice 42' }),
            paymentLink({ id: 'pl_b', status: 'paid', amount: { amount: '75.00', currency: 'USD' } }),
            paymentLink({ id: 'pl_c', amount: { amount: '250.00', currency: 'USD' } }),
          ],
        }).handlers,
      );
      const { el } = await topupInSession();
      await openDialog(el);
      await linksShown(el);

      const items = parts(el, 'open-link');
      expect(items.map(item => words(item.querySelector('.open-link-summary')))).to.deep.equal([
        `$50.00 Invoice 42 Expires ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2025-11-28T14:05:00Z'))}`,
        `$250.00 Expires ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2025-11-28T14:05:00Z'))}`,
      ]);
      expect(items[0]!.querySelector('[part~="copy"]')!.getAttribute('aria-label')).to.equal('Copy payment link for $50.00');
    });

    it('shows a link whose address the server can no longer show without Copy or Share, and still cancels it', async () => {
      const hadShare = 'share' in navigator;
      Object.defineProperty(navigator, 'share', { configurable: true, value: async () => {} });
      try {
        const api = topupApi({ links: [paymentLink({ id: 'pl_old', url: null }), paymentLink({ id: 'pl_new', amount: { amount: '25.00', currency: 'USD' } })] });
        await useApi(...api.handlers);
        const { el } = await topupInSession();
        await openDialog(el);
        await linksShown(el);

        const [old, current] = parts(el, 'open-link');
        expect(words(old!.querySelector('[part~="link-unavailable"]'))).to.equal(
          'This link’s address can’t be shown again; the payer’s copy still works',
        );
        expect(old!.querySelector('[part~="link-url"], [part~="copy"], [part~="share"]')).to.be.null;
        expect(current!.querySelector('[part~="copy"]')).to.exist;
        expect(current!.querySelector('[part~="share"]')).to.exist;
        await expect(el).to.be.accessible();

        old!.querySelector<HTMLElement>('[part~="cancel-link"]')!.click();
        await el.updateComplete;
        part(el, 'confirm-cancel')!.click();
        await waitUntil(() => parts(el, 'open-link').length === 1, 'the link was never cancelled');
        expect(api.state.deleted).to.deep.equal(['pl_old']);
      } finally {
        if (!hadShare) delete (navigator as { share?: unknown }).share;
      }
    });

    it('says in every language that a link’s address can’t be shown again', async () => {
      await useApi(...topupApi({ links: [paymentLink({ url: null })] }).handlers);
      const { el } = await topupInSession({ locale: 'es' });
      await openDialog(el);
      await linksShown(el);
      expect(text(el, 'link-unavailable')).to.equal(
        'La dirección de este enlace ya no se puede mostrar; la copia de quien paga sigue funcionando',
      );
    });

    it('says when no link is open', async () => {
      await useApi(...topupApi().handlers);
      const { el } = await topupInSession();
      await openDialog(el);
      await linksShown(el);
      expect(text(el, 'empty')).to.equal('No open payment links.');
    });

    it('cancels a link only after confirmation, then updates the list', async () => {
      const api = topupApi({ links: [paymentLink({ id: 'pl_a' }), paymentLink({ id: 'pl_b', amount: { amount: '25.00', currency: 'USD' } })] });
      await useApi(...api.handlers);
      const { el } = await topupInSession();
      await openDialog(el);
      await linksShown(el);

      part(el, 'cancel-link')!.click();
      await el.updateComplete;
      expect(api.state.deleted).to.deep.equal([]);
      expect(words(el.shadowRoot!.querySelector('.confirm p'))).to.equal(
        'Cancel the link for $50.00? Anyone who has it won’t be able to pay anymore.',
      );

      part(el, 'confirm-cancel')!.click();
      await waitUntil(() => parts(el, 'open-link').length === 1);
      expect(api.state.deleted).to.deep.equal(['pl_a']);
      expect(words(parts(el, 'open-link')[0]!.querySelector('strong'))).to.equal('$25.00');
      await waitUntil(() => dialogSays(el) === 'Link cancelled');
    });

    it('shows the list after a cancellation even while an older reload of the list is still in flight', async () => {
      const api = topupApi({ links: [paymentLink({ id: 'pl_a' }), paymentLink({ id: 'pl_b', amount: { amount: '25.00', currency: 'USD' } })] });
      let slowAnswers = 0;
      await useApi(
        http.get(`${endpoint}/v1/payment-links`, async () => {
          if (slowAnswers === 0) return undefined;
          slowAnswers--;
          const snapshot = api.state.links;
          await new Promise(resolve => setTimeout(resolve, 300));
          return HttpResponse.json({ data: snapshot });
        }),
        ...api.handlers,
      );
      const { session, el } = await topupInSession();
      await openDialog(el);
      await linksShown(el);
      await waitUntil(() => parts(el, 'open-link').length === 2);

      // a reload that starts before the cancellation and answers after it
      slowAnswers = 1;
      session.client!.emit('topup', { id: 'pl_x', status: 'succeeded', amount: { amount: '10.00', currency: 'USD' }, source: 'payment_link' });
      part(el, 'cancel-link')!.click();
      await el.updateComplete;
      part(el, 'confirm-cancel')!.click();
      await waitUntil(() => api.state.deleted.length === 1);
      await new Promise(resolve => setTimeout(resolve, 450));

      expect(parts(el, 'open-link')).to.have.length(1);
      expect(words(parts(el, 'open-link')[0]!.querySelector('strong'))).to.equal('$25.00');
    });

    it('keeps the link when the person changes their mind', async () => {
      const api = topupApi({ links: [paymentLink()] });
      await useApi(...api.handlers);
      const { el } = await topupInSession();
      await openDialog(el);
      await linksShown(el);
      part(el, 'cancel-link')!.click();
      await el.updateComplete;
      part(el, 'keep-link')!.click();
      await el.updateComplete;

      expect(part(el, 'confirm-cancel')).to.be.null;
      expect(parts(el, 'open-link')).to.have.length(1);
      expect(api.state.deleted).to.deep.equal([]);
    });

    it('reloads the open links when a payment link is paid', async () => {
      const api = topupApi({ links: [paymentLink()] });
      await useApi(...api.handlers);
      const { session, el } = await topupInSession();
      await openDialog(el);
      await linksShown(el);

      api.state.links = [];
      session.client!.emit('topup', { id: 'pl_1', status: 'succeeded', amount: { amount: '50.00', currency: 'USD' }, source: 'payment_link' });
      await waitUntil(() => part(el, 'empty'));
    });

    it('says the access doesn’t allow top-ups instead of leaving a broken button', async () => {
      await useApi(...topupApi({}, { forbid: ['topup'] }).handlers);
      const { el } = await topupInSession();
      await openDialog(el);
      choosePreset(el, '$25.00');
      part(el, 'pay')!.click();
      await waitUntil(() => part(el, 'forbidden'));

      expect(text(el, 'forbidden')).to.equal('Your access doesn’t allow adding credits. Ask an administrator of your account.');
      expect(part(el, 'pay')).to.be.null;
      expect(opened).to.deep.equal([]);
    });

    it('says the access doesn’t allow payment links', async () => {
      await useApi(...topupApi({}, { forbid: ['links'] }).handlers);
      const { el } = await topupInSession();
      await openDialog(el);
      choosePreset(el, '$25.00');
      part(el, 'create-link')!.click();
      await waitUntil(() => part(el, 'forbidden'));

      expect(text(el, 'forbidden')).to.equal('Your access doesn’t allow payment links. Ask an administrator of your account.');
      expect(part(el, 'create-link')).to.be.null;
    });

    it('shows the server’s amount rule like its own', async () => {
      await useApi(
        ...topupApi().handlers.slice(0, 1),
        http.post(`${endpoint}/v1/topups`, () => apiError(400, 'amount_below_minimum')),
        ...topupApi().handlers.slice(1),
      );
      const { el } = await topupInSession();
      await openDialog(el);
      choosePreset(el, '$25.00');
      part(el, 'pay')!.click();
      await waitUntil(() => text(el, 'amount-error') !== '');
      expect(text(el, 'amount-error')).to.equal('The minimum is $10.00.');
    });

    it('hides paths the host disabled', async () => {
      await useApi(...topupApi().handlers);
      const { el } = await topupInSession({ disableLinks: true });
      await openDialog(el);
      expect(part(el, 'pay')).to.exist;
      expect(part(el, 'create-link')).to.be.null;
      expect(part(el, 'open-links')).to.be.null;

      el.close();
      await waitUntil(() => !el.open);
      el.disableTopup = true;
      el.disablePaymentLinks = false;
      await openDialog(el);
      expect(part(el, 'pay')).to.be.null;
      expect(part(el, 'create-link')).to.exist;
    });

    it('shows an error with Retry when the amounts could not be loaded', async () => {
      let fail = true;
      await useApi(
        http.get(`${endpoint}/v1/topup-options`, () => (fail ? apiError(503, 'unavailable') : Response.json(topupOptions()))),
        ...topupApi().handlers.slice(1),
      );
      const { el } = await topupInSession();
      part(el, 'trigger')!.click();
      await waitUntil(() => part(el, 'retry'));
      expect(text(el, 'error')).to.equal('Couldn’t load the amounts.');
      await expect(el).to.be.accessible();

      fail = false;
      part(el, 'retry')!.click();
      await presetsShown(el);
    });
  });

  describe('events', () => {
    it('fires wa-topup-succeeded once when the live feed says the top-up was paid', async () => {
      const api = topupApi();
      await useApi(...api.handlers);
      const { session, el } = await topupInSession();
      await openDialog(el);
      choosePreset(el, '$50.00');
      part(el, 'pay')!.click();
      await waitUntil(() => api.state.polls > 0);

      const fired: CustomEvent[] = [];
      const hear = (event: Event) => fired.push(event as CustomEvent);
      document.addEventListener('wa-topup-succeeded', hear);
      const push = { id: 'tu_1', status: 'succeeded', amount: { amount: '50.00', currency: 'USD' }, source: 'topup' } as const;
      session.client!.emit('topup', push);
      session.client!.emit('topup', push);
      await el.updateComplete;
      api.state.status = 'succeeded';
      await new Promise(resolve => setTimeout(resolve, 150));
      document.removeEventListener('wa-topup-succeeded', hear);

      expect(fired).to.have.length(1);
      expect(fired[0]!.composed).to.be.true;
      expect(fired[0]!.bubbles).to.be.true;
      expect(fired[0]!.detail.topup).to.deep.include({ id: 'tu_1', status: 'succeeded', amount: { amount: '50.00', currency: 'USD' } });
      expect(text(el, 'status')).to.equal('$50.00 added to your balance');
    });

    it('fires wa-topup-succeeded once when a check finds the top-up paid', async () => {
      const api = topupApi();
      await useApi(...api.handlers);
      const { session, el } = await topupInSession();
      await openDialog(el);
      choosePreset(el, '$50.00');
      let fired = 0;
      el.addEventListener('wa-topup-succeeded', () => fired++);
      const succeeded = oneEvent(el, 'wa-topup-succeeded');
      part(el, 'pay')!.click();
      await waitUntil(() => api.state.polls > 0);
      api.state.status = 'succeeded';

      const event = await succeeded;
      session.client!.emit('topup', { id: 'tu_1', status: 'succeeded', amount: { amount: '50.00', currency: 'USD' }, source: 'topup' });
      await new Promise(resolve => setTimeout(resolve, 150));
      expect(fired).to.equal(1);
      expect(event.detail.topup.id).to.equal('tu_1');
    });

    it('ignores live news of another top-up', async () => {
      await useApi(...topupApi().handlers);
      const { session, el } = await topupInSession();
      await openDialog(el);
      choosePreset(el, '$50.00');
      part(el, 'pay')!.click();
      await waitUntil(() => part(el, 'status'));
      let fired = 0;
      el.addEventListener('wa-topup-succeeded', () => fired++);
      session.client!.emit('topup', { id: 'tu_other', status: 'succeeded', amount: { amount: '9.00', currency: 'USD' }, source: 'topup' });
      await el.updateComplete;
      expect(fired).to.equal(0);
      expect(part(el, 'done')).to.be.null;
    });

    it('fires wa-payment-link-created with the link', async () => {
      await useApi(...topupApi().handlers);
      const { el } = await topupInSession();
      await openDialog(el);
      choosePreset(el, '$25.00');
      const created = oneEvent(el, 'wa-payment-link-created');
      part(el, 'create-link')!.click();
      const event = await created;

      expect(event.composed).to.be.true;
      expect(event.detail.link).to.deep.include({ url: 'https://wa.test/pay/tok_1', status: 'open', amount: { amount: '25.00', currency: 'USD' } });
    });
  });

  describe('abandoning a payment', () => {
    /** Lets a fire-and-forget request, or one sent by mistake, reach the fake server. */
    const settleRequests = () => new Promise(resolve => setTimeout(resolve, 150));

    it('abandons the pending top-up on the server, once, when the person goes back to the amount', async () => {
      const { api, el } = await payFifty();
      await waitUntil(() => part(el, 'back'), 'the payment never started');
      part(el, 'back')!.click();
      await waitUntil(() => api.state.abandoned.length > 0, 'the top-up was never abandoned');
      await el.updateComplete;
      expect(part(el, 'pay'), 'the amount step is shown').to.exist;

      const polls = api.state.polls;
      await settleRequests();
      expect(api.state.abandoned).to.deep.equal(['tu_1']);
      expect(api.state.polls, 'the abandoned payment is no longer checked').to.equal(polls);
    });

    it('abandons the pending top-up once when the dialog closes, and opens again at the amount step', async () => {
      const { api, el } = await payFifty();
      await waitUntil(() => part(el, 'back'), 'the payment never started');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(el).open, 'the dialog never closed');
      await waitUntil(() => api.state.abandoned.length > 0, 'the top-up was never abandoned');
      await settleRequests();
      expect(api.state.abandoned).to.deep.equal(['tu_1']);

      await openDialog(el);
      expect(part(el, 'pay'), 'the amount step is shown').to.exist;
      expect(part(el, 'status')).to.be.null;
    });

    it('goes back to the amount step even when the server cannot abandon the top-up', async () => {
      const api = topupApi();
      const asked: string[] = [];
      await useApi(
        http.delete(`${endpoint}/v1/topups/:id`, ({ params }) => {
          asked.push(String(params.id));
          return apiError(503, 'unavailable');
        }),
        ...api.handlers,
      );
      const { el } = await topupInSession();
      await openDialog(el);
      choosePreset(el, '$50.00');
      part(el, 'pay')!.click();
      await waitUntil(() => part(el, 'back'), 'the payment never started');
      part(el, 'back')!.click();
      await waitUntil(() => asked.length > 0, 'the top-up was never abandoned');
      await settleRequests();

      expect(asked).to.deep.equal(['tu_1']);
      expect(part(el, 'pay'), 'the amount step is shown').to.exist;
      expect(part(el, 'error')).to.be.null;
    });

    it('never abandons a top-up that was paid', async () => {
      const { api, el } = await payFifty();
      await waitUntil(() => part(el, 'status'), 'the payment never started');
      api.state.status = 'succeeded';
      await waitUntil(() => part(el, 'done'), 'the payment never succeeded');
      part(el, 'done')!.click();
      await waitUntil(() => !dialog(el).open, 'the dialog never closed');
      await settleRequests();
      expect(api.state.abandoned).to.deep.equal([]);
    });

    it('abandons the pending top-up once when the widget is removed from the page', async () => {
      const { api, el } = await payFifty();
      await waitUntil(() => part(el, 'status'), 'the payment never started');
      el.remove();
      await waitUntil(() => api.state.abandoned.length > 0, 'the top-up was never abandoned');
      await settleRequests();
      expect(api.state.abandoned).to.deep.equal(['tu_1']);
    });
  });

  describe('keyboard', () => {
    it('opens with Enter on the trigger, moves focus into the dialog, closes with Escape and returns focus', async () => {
      await useApi(...topupApi().handlers);
      const { el } = await topupInSession();
      await waitUntil(() => el.shadowRoot!.querySelector('dialog'));
      part(el, 'trigger')!.focus();

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog(el).open);
      await presetsShown(el);
      await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part~="preset"] input'), 'focus never reached the first amount');

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(el).open);
      expect(el.open).to.be.false;
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'trigger'));
    });

    it('chooses a preset with the arrow keys and pays with Tab and Enter', async () => {
      const api = topupApi();
      await useApi(...api.handlers);
      const { el } = await topupInSession({ disableLinks: true });
      part(el, 'trigger')!.focus();
      await sendKeys({ press: 'Enter' });
      await presetsShown(el);
      await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part~="preset"] input'));

      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      for (let i = 0; i < 10 && !el.shadowRoot!.activeElement?.matches('[part~="pay"]'); i++) await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => api.state.topupBodies.length > 0);
      expect(api.state.topupBodies).to.deep.equal([{ amount: { amount: '50.00', currency: 'USD' } }]);
    });

    it('closes with the Close button and returns focus to the trigger', async () => {
      await useApi(...topupApi().handlers);
      const { el } = await topupInSession();
      part(el, 'trigger')!.focus();
      await openDialog(el);
      part(el, 'close')!.click();
      await waitUntil(() => !dialog(el).open);
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'trigger'));
    });
  });

  describe('changing account', () => {
    it('starts again at the amount step when the client secret changes during a payment', async () => {
      const { api, session, el } = await payFifty();
      await waitUntil(() => api.state.polls > 0, 'the payment was never checked');

      session.clientSecret = 'ws_other';
      await session.updateComplete;
      await el.updateComplete;
      await presetsShown(el);
      const polls = api.state.polls;
      await new Promise(resolve => setTimeout(resolve, 200));

      expect(part(el, 'pay') !== null, 'the amount step is shown').to.be.true;
      expect(parts(el, 'preset').some(preset => preset.querySelector('input')!.checked), 'no amount is chosen').to.be.false;
      expect(api.state.polls, 'the previous account’s payment is no longer checked').to.equal(polls);
      expect(api.state.abandoned, 'the previous account’s payment is abandoned').to.deep.equal(['tu_1']);
    });
  });
});
