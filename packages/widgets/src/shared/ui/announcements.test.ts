import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../balance/wa-balance.js';
import type { WaBalance } from '../../balance/balance.js';
import '../../quality/wa-quality.js';
import type { WaQuality } from '../../quality/quality.js';
import '../../frequency-cap/wa-frequency-cap.js';
import '../../quota/wa-quota.js';
import '../../rate-card/wa-rate-card.js';
import '../../statement/wa-statement.js';
import type { WaRateCard } from '../../rate-card/rate-card.js';
import '../../session/wa-session.js';
import '../../topup/wa-topup.js';
import type { WaTopup } from '../../topup/topup.js';
import { topupApi } from '../../test/topup-mock.js';
import type { WaSession } from '../../session/session.js';
import {
  apiError,
  balance,
  balanceHandler,
  endpoint,
  frequencyCap,
  http,
  HttpResponse,
  jsonHandler,
  quality,
  quota,
  rateCard,
  statement,
  useApi,
} from '../../test/api-mock.js';
import { ANNOUNCE_PAUSE_MS } from './live-announcer.js';
import { RelativeTimeController } from './relative-time-controller.js';

type Widget = WaBalance | WaQuality | WaRateCard;
const part = (el: Widget, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const announcer = (el: Widget) => el.shadowRoot!.querySelector<HTMLElement>('[data-announcer]')!;
const settled = (el: Widget) => waitUntil(() => part(el, 'base')?.getAttribute('aria-busy') === 'false', 'never settled');

async function inSession<T extends Widget>(widget: ReturnType<typeof html>) {
  const session = await fixture<WaSession>(html`<wa-session endpoint=${endpoint} client-secret="ws_test" locale="en-US" live-updates="off">${widget}</wa-session>`);
  const el = session.firstElementChild as T;
  await settled(el);
  return el;
}

describe('announcements, headings and relative times', () => {
  describe('live region', () => {
    it('is in the shadow root from the first render, and reads a stale note through it', async () => {
      let calls = 0;
      await useApi(http.get(`${endpoint}/v1/balance`, () => (calls++ === 0 ? HttpResponse.json(balance()) : apiError(503, 'unavailable'))));
      const el = await inSession<WaBalance>(html`<wa-balance></wa-balance>`);
      const region = announcer(el);
      expect(region.getAttribute('role')).to.equal('status');
      expect(region.textContent).to.equal('');

      await el.refresh();
      await waitUntil(() => part(el, 'stale'));
      expect(part(el, 'stale')!.hasAttribute('role')).to.equal(false);
      expect(announcer(el)).to.equal(region);
      expect(region.textContent).to.match(/^Couldn’t refresh — showing the value from .+$/);
      expect(region.textContent).not.to.contain('Retry');
    });

    it('reads the campaign estimate once typing pauses, not on every keystroke', async () => {
      await useApi(jsonHandler('/v1/rate-card', rateCard()), balanceHandler());
      const el = await inSession<WaRateCard>(html`<wa-rate-card></wa-rate-card>`);
      const audience = part(el, 'estimate-audience') as HTMLInputElement;
      for (const typed of ['1', '10', '100']) {
        audience.value = typed;
        audience.dispatchEvent(new Event('input'));
        await el.updateComplete;
      }
      expect(announcer(el).textContent).to.equal('');
      const typedAt = performance.now();
      await waitUntil(() => announcer(el).textContent !== '', 'the estimate was never read', { timeout: 3 * ANNOUNCE_PAUSE_MS });
      expect(performance.now() - typedAt).to.be.at.least(ANNOUNCE_PAUSE_MS / 2);
      expect(announcer(el).textContent).to.contain(part(el, 'total')!.textContent!.trim());
    });

    it('reads a top-up’s outcome inside the open modal dialog, where a screen reader still hears it', async () => {
      const api = topupApi();
      await useApi(...api.handlers);
      const realOpen = window.open;
      window.open = (() => ({ closed: false, close() {}, opener: null, location: { replace() {} } }) as unknown as Window) as typeof window.open;
      try {
        const session = await fixture(html`<wa-session endpoint=${endpoint} client-secret="ws_test" locale="en-US" live-updates="off">
          <wa-topup poll-interval="40"></wa-topup>
        </wa-session>`);
        const el = session.querySelector<WaTopup>('wa-topup')!;
        await el.updateComplete;
        el.shadowRoot!.querySelector<HTMLElement>('[part~="trigger"]')!.click();
        await waitUntil(() => el.shadowRoot!.querySelector('[part~="preset"] input'), 'the presets never showed');
        const dialog = el.shadowRoot!.querySelector('dialog')!;
        const inDialog = () => dialog.querySelector<HTMLElement>(':scope > [data-announcer]');
        expect(inDialog()?.textContent).to.equal('');

        el.shadowRoot!.querySelector<HTMLInputElement>('[part~="preset"] input')!.click();
        el.shadowRoot!.querySelector<HTMLElement>('[part~="pay"]')!.click();
        await waitUntil(() => el.shadowRoot!.querySelector('[part~="status"]'), 'the payment never started');
        api.state.status = 'succeeded';
        await waitUntil(() => / added to your balance$/.test(inDialog()?.textContent ?? ''), `read "${inDialog()?.textContent}"`);
        expect(inDialog()!.textContent).to.equal(el.shadowRoot!.querySelector('[part~="status"]')!.textContent!.trim());
      } finally {
        window.open = realOpen;
      }
    });
  });

  describe('one way to speak', () => {
    it('gives no widget a role="status" of its own beside its persistent live region', async () => {
      await useApi(
        balanceHandler(),
        jsonHandler('/v1/quality', quality()),
        jsonHandler('/v1/quota', quota()),
        jsonHandler('/v1/rate-card', rateCard()),
        jsonHandler('/v1/statement', statement()),
        jsonHandler('/v1/frequency-cap', frequencyCap()),
        ...topupApi().handlers,
      );
      const session = await fixture<WaSession>(html`<wa-session endpoint=${endpoint} client-secret="ws_test" locale="en-US" live-updates="off">
        <wa-balance></wa-balance><wa-quality></wa-quality><wa-quota></wa-quota><wa-rate-card></wa-rate-card>
        <wa-statement></wa-statement><wa-frequency-cap></wa-frequency-cap><wa-topup></wa-topup>
      </wa-session>`);
      const widgets = [...session.children] as HTMLElement[];
      const topup = session.querySelector<WaTopup>('wa-topup')!;
      await topup.show();
      await waitUntil(() => topup.shadowRoot!.querySelector('[part~="preset"]'), 'the top-up amounts never showed');
      for (const widget of widgets) await waitUntil(() => widget.shadowRoot?.querySelector('[aria-busy="false"], dialog[open]'), `${widget.localName} never loaded`);

      for (const widget of widgets) {
        const statuses = [...widget.shadowRoot!.querySelectorAll('[role="status"], [aria-live]')];
        expect(statuses.every(status => status.hasAttribute('data-announcer')), `${widget.localName} speaks another way`).to.be.true;
      }
      topup.close();
    });
  });

  describe('headings', () => {
    it('titles each card with a heading of level 2, or of the level the page asks for', async () => {
      await useApi(balanceHandler());
      const plain = await inSession<WaBalance>(html`<wa-balance></wa-balance>`);
      const title = (el: Widget) => part(el, 'label')!;
      expect(title(plain).getAttribute('role')).to.equal('heading');
      expect(title(plain).getAttribute('aria-level')).to.equal('2');

      const nested = await inSession<WaBalance>(html`<wa-balance heading-level="4"></wa-balance>`);
      expect(title(nested).getAttribute('aria-level')).to.equal('4');

      const invalid = await inSession<WaBalance>(html`<wa-balance heading-level="9"></wa-balance>`);
      expect(title(invalid).getAttribute('aria-level')).to.equal('2');
    });
  });

  describe('relative times', () => {
    const interval = RelativeTimeController.intervalMs;
    afterEach(() => {
      RelativeTimeController.intervalMs = interval;
    });

    it('keep "… ago" current while the widget is shown', async () => {
      RelativeTimeController.intervalMs = 100;
      const checkedAt = new Date(Date.now() - 59_000).toISOString();
      await useApi(jsonHandler('/v1/quality', quality({ updated_at: checkedAt })));
      const el = await inSession<WaQuality>(html`<wa-quality></wa-quality>`);
      const checked = () => el.shadowRoot!.textContent!.match(/Checked [^\n]*ago/)?.[0];
      expect(checked()).to.match(/^Checked (59|60) seconds ago$/);
      await waitUntil(() => checked() === 'Checked 1 minute ago', `still says "${checked()}"`, { timeout: 4000 });
    });
  });
});
