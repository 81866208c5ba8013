import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../session/wa-session.js';
import type { WaSession } from '../session/session.js';
import type { FrequencyCap } from '../shared/api/types.js';
import { listenToAnnouncements, liveRegion } from '../test/announcements.js';
import { apiError, endpoint, frequencyCap, gate, http, HttpResponse, jsonHandler, useApi } from '../test/api-mock.js';
import type { WaFrequencyCap } from './frequency-cap.js';
import './wa-frequency-cap.js';

const part = (el: WaFrequencyCap, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: WaFrequencyCap, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const text = (el: WaFrequencyCap, name: string) => part(el, name)?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
const input = (el: WaFrequencyCap, name: string) => part(el, name) as HTMLInputElement;
const loaded = (el: WaFrequencyCap) => waitUntil(() => part(el, 'summary') || part(el, 'error'), 'the cap never loaded');

async function capInSession(locale = 'en-US') {
  const session = await fixture<WaSession>(html`
    <wa-session endpoint=${endpoint} client-secret="ws_test" locale=${locale}><wa-frequency-cap></wa-frequency-cap></wa-session>
  `);
  const el = session.querySelector('wa-frequency-cap')!;
  await loaded(el);
  return el;
}

/** `PUT /v1/frequency-cap` echoing the body, remembering it. */
function saveHandler(bodies: FrequencyCap[] = []) {
  return http.put(`${endpoint}/v1/frequency-cap`, async ({ request }) => {
    const body = (await request.json()) as FrequencyCap;
    bodies.push(body);
    return HttpResponse.json(body);
  });
}

async function type(el: WaFrequencyCap, name: string, value: string) {
  const field = input(el, name);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<wa-frequency-cap>', () => {
  describe('accessibility', () => {
    it('is accessible loaded, with errors, and read-only', async () => {
      await useApi(jsonHandler('/v1/frequency-cap', frequencyCap()), http.put(`${endpoint}/v1/frequency-cap`, () => apiError(403, 'forbidden')));
      const el = await capInSession();
      await expect(el).to.be.accessible();

      await type(el, 'max-messages', '0');
      part(el, 'save')!.click();
      await waitUntil(() => part(el, 'field-error'));
      await expect(el).to.be.accessible();

      await type(el, 'max-messages', '3');
      part(el, 'save')!.click();
      await waitUntil(() => part(el, 'read-only'));
      await expect(el).to.be.accessible();
    });

    it('is busy while loading and accessible when loading failed', async () => {
      const response = gate();
      await useApi(http.get(`${endpoint}/v1/frequency-cap`, async () => (await response.opened, apiError(503, 'unavailable'))));
      const session = await fixture<WaSession>(html`
        <wa-session endpoint=${endpoint} client-secret="ws_test"><wa-frequency-cap></wa-frequency-cap></wa-session>
      `);
      const el = session.querySelector('wa-frequency-cap')!;
      await el.updateComplete;
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();

      response.open();
      await waitUntil(() => part(el, 'retry'));
      expect(text(el, 'error')).to.equal('Couldn’t load the frequency cap.');
      await expect(el).to.be.accessible();
    });

    it('loading state has the same height as loaded (360 px wide)', async () => {
      const response = gate();
      await useApi(http.get(`${endpoint}/v1/frequency-cap`, async () => (await response.opened, HttpResponse.json(frequencyCap()))));
      const session = await fixture<WaSession>(html`
        <wa-session style="width: 360px" endpoint=${endpoint} client-secret="ws_test"><wa-frequency-cap></wa-frequency-cap></wa-session>
      `);
      const el = session.querySelector('wa-frequency-cap')!;
      await el.updateComplete;
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal('Loading…');
      expect(el.shadowRoot!.querySelector('.form')!.getAttribute('aria-hidden')).to.equal('true');
      const loadingHeight = part(el, 'base')!.getBoundingClientRect().height;

      response.open();
      await loaded(el);
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
      expect(part(el, 'base')!.getBoundingClientRect().height).to.be.closeTo(loadingHeight, 24);
    });
  });

  describe('rendering', () => {
    it('shows the loaded cap in a labelled switch, two number fields, and words', async () => {
      await useApi(jsonHandler('/v1/frequency-cap', frequencyCap()));
      const el = await capInSession();

      const toggle = input(el, 'switch');
      expect(toggle.getAttribute('role')).to.equal('switch');
      expect(toggle.checked).to.be.true;
      expect(toggle.labels![0]!.textContent!.trim()).to.equal('Limit marketing messages per customer');
      expect(input(el, 'max-messages').value).to.equal('2');
      expect(input(el, 'max-messages').labels![0]!.textContent!.trim()).to.equal('Marketing messages per customer, at most');
      expect(input(el, 'window-hours').value).to.equal('24');
      expect(text(el, 'summary')).to.equal('At most 2 marketing messages per customer every 24 hours');
      expect(text(el, 'explanation')).to.include('checks it before each marketing message').and.include('Meta also limits');
    });

    it('says the cap is off and disables the numbers when the switch is off', async () => {
      await useApi(jsonHandler('/v1/frequency-cap', frequencyCap()));
      const el = await capInSession();

      input(el, 'switch').click();
      await el.updateComplete;
      expect(text(el, 'summary')).to.equal('Off: customers can receive any number of your marketing messages.');
      expect(input(el, 'max-messages').disabled).to.be.true;
    });

    it('refuses numbers out of range with inline, announced errors, and sends nothing', async () => {
      const bodies: FrequencyCap[] = [];
      await useApi(jsonHandler('/v1/frequency-cap', frequencyCap()), saveHandler(bodies));
      const el = await capInSession();

      await type(el, 'max-messages', '101');
      await type(el, 'window-hours', '721');
      part(el, 'save')!.click();
      await waitUntil(() => parts(el, 'field-error').length === 2);

      expect(parts(el, 'field-error').map(error => [error.textContent!.trim(), error.getAttribute('role')])).to.deep.equal([
        ['Enter a whole number from 1 to 100.', 'alert'],
        ['Enter a whole number of hours from 1 to 720.', 'alert'],
      ]);
      expect(input(el, 'max-messages').getAttribute('aria-describedby')).to.equal('max-messages-error');
      expect(el.shadowRoot!.activeElement).to.equal(input(el, 'max-messages'));
      expect(bodies).to.deep.equal([]);

      await type(el, 'max-messages', '100');
      expect(parts(el, 'field-error')).to.have.length(1);
    });

    it('saves with PUT, announces it, and fires wa-frequency-cap-saved', async () => {
      const bodies: FrequencyCap[] = [];
      await useApi(jsonHandler('/v1/frequency-cap', frequencyCap({ enabled: false, max_messages: 1 })), saveHandler(bodies));
      const el = await capInSession();

      input(el, 'switch').click();
      await el.updateComplete;
      await type(el, 'max-messages', '3');
      await type(el, 'window-hours', '48');
      const heard = listenToAnnouncements(el);
      const saved = oneEvent(el, 'wa-frequency-cap-saved');
      part(el, 'save')!.click();
      await el.updateComplete;
      expect(text(el, 'save')).to.equal('Saving…');

      expect((await saved).detail).to.deep.equal({ cap: { enabled: true, max_messages: 3, window_hours: 48 } });
      await el.updateComplete;
      expect(bodies).to.deep.equal([{ enabled: true, max_messages: 3, window_hours: 48 }]);
      expect(text(el, 'status')).to.equal('Frequency cap saved.');
      expect(heard).to.deep.equal(['Frequency cap saved.']);
      expect(liveRegion(el).textContent).to.equal('Frequency cap saved.');
      expect(text(el, 'save')).to.equal('Save');
    });

    it('keeps the edits and offers Retry when saving fails', async () => {
      let fail = true;
      const bodies: FrequencyCap[] = [];
      await useApi(
        jsonHandler('/v1/frequency-cap', frequencyCap()),
        http.put(`${endpoint}/v1/frequency-cap`, async ({ request }) => {
          const body = (await request.json()) as FrequencyCap;
          bodies.push(body);
          return fail ? apiError(503, 'unavailable') : HttpResponse.json(body);
        }),
      );
      const el = await capInSession();
      await type(el, 'max-messages', '5');

      part(el, 'save')!.click();
      await waitUntil(() => part(el, 'error'));
      expect(text(el, 'error')).to.equal('Couldn’t save the frequency cap.');
      expect(input(el, 'max-messages').value).to.equal('5');

      fail = false;
      part(el, 'retry')!.click();
      await waitUntil(() => text(el, 'status') === 'Frequency cap saved.');
      expect(part(el, 'error')).to.be.null;
      expect(bodies).to.have.length(2);
    });

    it('turns read-only with a note when the session may not change the cap (403)', async () => {
      await useApi(jsonHandler('/v1/frequency-cap', frequencyCap()), http.put(`${endpoint}/v1/frequency-cap`, () => apiError(403, 'forbidden')));
      const el = await capInSession();
      await type(el, 'max-messages', '9');

      part(el, 'save')!.click();
      await waitUntil(() => part(el, 'read-only'));
      expect(part(el, 'form')).to.be.null;
      expect(el.readOnly).to.be.true;
      expect(text(el, 'summary')).to.equal('At most 2 marketing messages per customer every 24 hours');
      expect(text(el, 'read-only')).to.equal('This session can see the frequency cap but isn’t allowed to change it.');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'read-only'));
    });

    it('is read-only from the start with the read-only attribute, in Spanish', async () => {
      await useApi(jsonHandler('/v1/frequency-cap', frequencyCap({ max_messages: 1, window_hours: 1 })));
      const el = await fixture<WaFrequencyCap>(
        html`<wa-frequency-cap endpoint=${endpoint} client-secret="ws_alone" locale="es" read-only></wa-frequency-cap>`,
      );
      await loaded(el);
      expect(part(el, 'form')).to.be.null;
      expect(text(el, 'summary')).to.equal('Como máximo 1 mensaje de marketing por cliente cada 1 hora');
    });
  });

  describe('keyboard', () => {
    it('toggles with Space, edits with typing, and saves with Enter', async () => {
      const bodies: FrequencyCap[] = [];
      await useApi(jsonHandler('/v1/frequency-cap', frequencyCap({ enabled: false })), saveHandler(bodies));
      const el = await capInSession();

      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(input(el, 'switch'));
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(input(el, 'switch').checked).to.be.true;

      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(input(el, 'max-messages'));
      input(el, 'max-messages').select();
      await sendKeys({ type: '4' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => bodies.length === 1);
      expect(bodies).to.deep.equal([{ enabled: true, max_messages: 4, window_hours: 24 }]);
    });
  });

  describe('changing account', () => {
    it('drops the previous account’s draft when the client secret changes, and saves nothing to the new one with it', async () => {
      const second = gate();
      const saved: Array<{ authorization: string; body: FrequencyCap }> = [];
      await useApi(
        http.get(`${endpoint}/v1/frequency-cap`, async ({ request }) => {
          if (request.headers.get('Authorization') !== 'Bearer ws_other') return HttpResponse.json(frequencyCap());
          await second.opened;
          return HttpResponse.json(frequencyCap({ enabled: false, max_messages: 5, window_hours: 48 }));
        }),
        http.put(`${endpoint}/v1/frequency-cap`, async ({ request }) => {
          const body = (await request.json()) as FrequencyCap;
          saved.push({ authorization: request.headers.get('Authorization') ?? '', body });
          return HttpResponse.json(body);
        }),
      );
      const el = await capInSession();
      await type(el, 'max-messages', '7');

      const session = el.parentElement as WaSession;
      session.clientSecret = 'ws_other';
      await session.updateComplete;
      await el.updateComplete;
      try {
        expect(part(el, 'form') !== null, 'the previous account’s form is still shown while the new cap loads').to.be.false;
        expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
        part(el, 'save')?.click();
        await new Promise(resolve => setTimeout(resolve, 100));
        expect(saved).to.deep.equal([]);
      } finally {
        second.open();
      }
      await waitUntil(() => part(el, 'form'), 'the new account’s cap never showed');
      expect(input(el, 'max-messages').value).to.equal('5');
      expect(input(el, 'window-hours').value).to.equal('48');
      expect(input(el, 'switch').checked).to.be.false;
    });

    it('keeps no answer of a save sent for the previous account', async () => {
      const put = gate();
      const savedEvents: Event[] = [];
      await useApi(
        http.get(`${endpoint}/v1/frequency-cap`, ({ request }) =>
          HttpResponse.json(
            request.headers.get('Authorization') === 'Bearer ws_other' ? frequencyCap({ max_messages: 5 }) : frequencyCap(),
          ),
        ),
        http.put(`${endpoint}/v1/frequency-cap`, async ({ request }) => {
          const body = (await request.json()) as FrequencyCap;
          await put.opened;
          return HttpResponse.json(body);
        }),
      );
      const el = await capInSession();
      el.addEventListener('wa-frequency-cap-saved', event => savedEvents.push(event));
      await type(el, 'max-messages', '9');
      part(el, 'save')!.click();
      await el.updateComplete;

      (el.parentElement as WaSession).clientSecret = 'ws_other';
      try {
        await waitUntil(() => input(el, 'max-messages')?.value === '5', 'the new account’s cap never showed');
      } finally {
        put.open();
      }
      await new Promise(resolve => setTimeout(resolve, 100));
      expect(input(el, 'max-messages').value).to.equal('5');
      expect(text(el, 'status')).to.equal('');
      expect(savedEvents).to.have.length(0);
      expect(text(el, 'save')).to.equal('Save');
    });
  });
});
