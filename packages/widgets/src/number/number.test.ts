import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../session/wa-session.js';
import type { WaSession } from '../session/session.js';
import { account, apiError, endpoint, gate, http, HttpResponse, jsonHandler, useApi } from '../test/api-mock.js';
import type { WaNumber } from './number.js';
import './wa-number.js';

const part = (el: WaNumber, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: WaNumber, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settled = (el: WaNumber) => waitUntil(() => part(el, 'base')?.getAttribute('aria-busy') === 'false', 'never loaded');

async function numberInSession(locale = 'en-US') {
  const session = await fixture<WaSession>(html`
    <wa-session endpoint=${endpoint} client-secret="ws_test" locale=${locale}><wa-number></wa-number></wa-session>
  `);
  const el = session.querySelector('wa-number')!;
  await settled(el);
  return el;
}

describe('<wa-number>', () => {
  describe('accessibility', () => {
    it('is accessible with a connected number', async () => {
      await useApi(jsonHandler('/v1/account', account()));
      await expect(await numberInSession()).to.be.accessible();
    });

    it('is accessible with no number yet, and when loading failed', async () => {
      await useApi(jsonHandler('/v1/account', account({ display_phone_number: null })));
      await expect(await numberInSession()).to.be.accessible();

      await useApi(http.get(`${endpoint}/v1/account`, () => apiError(503, 'unavailable')));
      await expect(await numberInSession()).to.be.accessible();
    });

    it('is busy while loading, with a skeleton as tall as the header', async () => {
      const response = gate();
      await useApi(http.get(`${endpoint}/v1/account`, async () => (await response.opened, HttpResponse.json(account()))));
      const session = await fixture<WaSession>(html`
        <wa-session endpoint=${endpoint} client-secret="ws_test"><wa-number></wa-number></wa-session>
      `);
      const el = session.querySelector('wa-number')!;
      await el.updateComplete;
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      const loadingHeight = part(el, 'base')!.getBoundingClientRect().height;

      response.open();
      await settled(el);
      expect(part(el, 'base')!.getBoundingClientRect().height).to.be.closeTo(loadingHeight, 2);
    });
  });

  describe('rendering', () => {
    it('keeps the phone number left to right inside Arabic text', async () => {
      await useApi(jsonHandler('/v1/account', account()));
      const el = await numberInSession('ar');
      expect(part(el, 'base')!.dir).to.equal('rtl');
      expect(part(el, 'number')!.dir).to.equal('ltr');
      expect(getComputedStyle(part(el, 'number')!).direction).to.equal('ltr');
    });

    it('keeps showing the number, not the skeleton, while refresh() reloads it', async () => {
      const response = gate();
      let requests = 0;
      await useApi(
        http.get(`${endpoint}/v1/account`, async () => {
          if (++requests > 1) await response.opened;
          return HttpResponse.json(account());
        }),
      );
      const el = await numberInSession();
      const shown = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      const height = part(el, 'base')!.getBoundingClientRect().height;

      const refreshed = el.refresh();
      try {
        await el.updateComplete;
        await waitUntil(() => requests === 2);
        expect(el.shadowRoot!.querySelector('.skeleton')).to.be.null;
        expect(el.shadowRoot!.textContent!.replace(/\s+/g, ' ')).to.equal(shown);
        expect(part(el, 'base')!.getBoundingClientRect().height).to.equal(height);
      } finally {
        response.open();
      }
      await refreshed;
    });

    it('shows the number as given, the verified name, and the statuses in words', async () => {
      await useApi(jsonHandler('/v1/account', account()));
      const el = await numberInSession();

      expect(text(el, 'number')).to.equal('+1 555-555-5555');
      expect(text(el, 'name')).to.equal('Jaspers Market');
      expect(text(el, 'status')).to.equal('Connected');
      expect(text(el, 'name-status')).to.equal('Display name approved');
      expect(text(el, 'quality')).to.equal('Quality: High');
      expect(part(el, 'quality')!.querySelector('svg[aria-hidden="true"]')).to.exist;
    });

    it('puts codes it does not know into words', async () => {
      await useApi(jsonHandler('/v1/account', account({ status: 'SOMETHING_NEW', quality_rating: 'RED' })));
      const el = await numberInSession();
      expect(text(el, 'status')).to.equal('Something new');
      expect(text(el, 'quality')).to.equal('Quality: Low');
    });

    it('says so when no number is connected yet', async () => {
      await useApi(jsonHandler('/v1/account', account({ display_phone_number: null, verified_name: null })));
      const el = await numberInSession();
      expect(text(el, 'empty')).to.equal('No WhatsApp number is connected yet.');
      expect(part(el, 'number')).to.be.null;
    });

    it('speaks Spanish', async () => {
      await useApi(jsonHandler('/v1/account', account({ name_status: 'PENDING_REVIEW', quality_rating: 'YELLOW' })));
      const el = await numberInSession('es');
      expect(text(el, 'status')).to.equal('Conectado');
      expect(text(el, 'name-status')).to.equal('Nombre visible en revisión');
      expect(text(el, 'quality')).to.equal('Calidad: Media');
    });
  });

  describe('keyboard', () => {
    it('retries with the keyboard after an error', async () => {
      let fail = true;
      await useApi(http.get(`${endpoint}/v1/account`, () => (fail ? apiError(503, 'unavailable') : HttpResponse.json(account()))));
      const el = await numberInSession();
      expect(text(el, 'error')).to.equal('Couldn’t load the number.');

      fail = false;
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'retry'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(el, 'number') === '+1 555-555-5555');
    });
  });

  describe('changing account', () => {
    it('never shows the previous account’s number while the new one loads', async () => {
      const second = gate();
      await useApi(
        http.get(`${endpoint}/v1/account`, async ({ request }) => {
          if (request.headers.get('Authorization') !== 'Bearer ws_other') return HttpResponse.json(account());
          await second.opened;
          return HttpResponse.json(account({ display_phone_number: '+55 11 91234-5678' }));
        }),
      );
      const el = await numberInSession();
      expect(text(el, 'number')).to.equal('+1 555-555-5555');

      const session = el.parentElement as WaSession;
      session.clientSecret = 'ws_other';
      await session.updateComplete;
      await el.updateComplete;
      try {
        expect(text(el, 'number'), 'the previous account’s number is still shown').to.equal('');
        expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      } finally {
        second.open();
      }
      await waitUntil(() => text(el, 'number') === '+55 11 91234-5678', 'the new account’s number never showed');
    });
  });
});
