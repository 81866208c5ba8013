import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { RequestHandler } from 'msw';
import '../../balance/wa-balance.js';
import '../../frequency-cap/wa-frequency-cap.js';
import '../../number/wa-number.js';
import '../../quality/wa-quality.js';
import '../../quota/wa-quota.js';
import '../../rate-card/wa-rate-card.js';
import '../../session/wa-session.js';
import '../../statement/wa-statement.js';
import '../../topup/wa-topup.js';
import type { WaSession } from '../../session/session.js';
import {
  account,
  apiError,
  balance,
  balanceHandler,
  endpoint,
  frequencyCap,
  gate,
  http,
  HttpResponse,
  jsonHandler,
  quality,
  quota,
  rateCard,
  statement,
  usage,
  useApi,
} from '../../test/api-mock.js';
import { topupApi } from '../../test/topup-mock.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean>; refresh?: () => Promise<void> };

interface WidgetState {
  name: string;
  tag: string;
  attributes?: Record<string, string>;
  handlers: () => RequestHandler[];
  /** What brings the widget into the state once it has rendered; by default, waiting until it is not busy. */
  reach?: (el: Widget) => Promise<unknown>;
}

const part = (el: Widget, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const settled = (el: Widget) =>
  waitUntil(() => part(el, 'base')?.getAttribute('aria-busy') === 'false', `<${el.localName}> never settled`);
const failing = (path: string) => http.get(`${endpoint}${path}`, () => apiError(503, 'unavailable'));
const never = (path: string) => http.get(`${endpoint}${path}`, async () => (await gate().opened, HttpResponse.json({})));
/** Answers `body` once, then fails: the widget keeps its data and says it is stale. */
const thenFailing = (path: string, body: unknown) => {
  let calls = 0;
  return http.get(`${endpoint}${path}`, () => (calls++ === 0 ? HttpResponse.json(body as Record<string, unknown>) : apiError(503, 'unavailable')));
};
/**
 * Loading: rendered, with every placeholder's pulse held at its faintest (opacity 0.5), the phase where text
 * that is only made transparent reads to axe as white on grey. Axe must pass whatever the phase.
 */
const loadingAtFaintestPulse = async (el: Widget) => {
  await el.updateComplete;
  const animations = el.shadowRoot!.getAnimations();
  if (animations.length === 0) throw new Error(`<${el.localName}> shows no pulsing placeholder while loading`);
  for (const animation of animations) {
    animation.pause();
    animation.currentTime = 750;
  }
};
const staleAfterRefresh = async (el: Widget) => {
  await settled(el);
  await el.refresh!();
  await waitUntil(() => part(el, 'stale'), `<${el.localName}> never said its data is stale`);
};

const states: WidgetState[] = [
  { name: 'loading', tag: 'wa-balance', handlers: () => [never('/v1/balance')], reach: loadingAtFaintestPulse },
  { name: 'loaded', tag: 'wa-balance', handlers: () => [balanceHandler()] },
  { name: 'low', tag: 'wa-balance', handlers: () => [balanceHandler(balance({ is_low: true, balance: { amount: '42.10', currency: 'USD' } }))] },
  { name: 'error', tag: 'wa-balance', handlers: () => [failing('/v1/balance')] },
  { name: 'stale', tag: 'wa-balance', handlers: () => [thenFailing('/v1/balance', balance())], reach: staleAfterRefresh },
  {
    name: 'top-up dialog open',
    tag: 'wa-balance',
    attributes: { topup: '' },
    handlers: () => [balanceHandler(), ...topupApi().handlers],
    reach: async el => {
      await settled(el);
      part(el, 'add-credits')!.click();
      await waitUntil(() => part(el, 'topup')?.shadowRoot?.querySelector('[part~="preset"]'), 'the presets never showed');
    },
  },
  {
    name: 'changing the alert, with an invalid amount',
    tag: 'wa-balance',
    handlers: () => [balanceHandler()],
    reach: async el => {
      await settled(el);
      part(el, 'change-threshold')!.click();
      await waitUntil(() => part(el, 'threshold-input'), 'the alert form never opened');
      const input = part(el, 'threshold-input') as HTMLInputElement;
      input.value = 'abc';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      part(el, 'threshold-save')!.click();
      await waitUntil(() => part(el, 'threshold-error'), 'the invalid amount was never explained');
    },
  },
  { name: 'loading', tag: 'wa-number', handlers: () => [never('/v1/account')], reach: loadingAtFaintestPulse },
  { name: 'loaded', tag: 'wa-number', handlers: () => [jsonHandler('/v1/account', account())] },
  { name: 'no number yet', tag: 'wa-number', handlers: () => [jsonHandler('/v1/account', account({ display_phone_number: null }))] },
  { name: 'error', tag: 'wa-number', handlers: () => [failing('/v1/account')] },
  { name: 'loading', tag: 'wa-quality', handlers: () => [never('/v1/quality')], reach: loadingAtFaintestPulse },
  { name: 'loaded', tag: 'wa-quality', handlers: () => [jsonHandler('/v1/quality', quality())] },
  { name: 'low rating, stale from Meta', tag: 'wa-quality', handlers: () => [jsonHandler('/v1/quality', quality({ rating: 'RED', stale: true }))] },
  { name: 'no history', tag: 'wa-quality', handlers: () => [jsonHandler('/v1/quality', quality({ rating: 'UNKNOWN', history: [] }))] },
  { name: 'error', tag: 'wa-quality', handlers: () => [failing('/v1/quality')] },
  { name: 'loading', tag: 'wa-quota', handlers: () => [never('/v1/quota')], reach: loadingAtFaintestPulse },
  { name: 'loaded', tag: 'wa-quota', handlers: () => [jsonHandler('/v1/quota', quota())] },
  {
    name: 'with usage near the limit',
    tag: 'wa-quota',
    handlers: () => [jsonHandler('/v1/quota', quota()), jsonHandler('/v1/usage/24h', usage({ unique_customers: 9500, remaining: 500 }))],
    reach: async el => {
      await settled(el);
      part(el, 'usage-button')!.click();
      await waitUntil(() => part(el, 'usage-text'), 'the usage never showed');
    },
  },
  { name: 'stale', tag: 'wa-quota', handlers: () => [thenFailing('/v1/quota', quota())], reach: staleAfterRefresh },
  { name: 'error', tag: 'wa-quota', handlers: () => [failing('/v1/quota')] },
  { name: 'loading', tag: 'wa-rate-card', handlers: () => [never('/v1/rate-card'), balanceHandler()], reach: loadingAtFaintestPulse },
  { name: 'loaded', tag: 'wa-rate-card', handlers: () => [jsonHandler('/v1/rate-card', rateCard()), balanceHandler()] },
  {
    name: 'with an estimate and an invalid audience',
    tag: 'wa-rate-card',
    handlers: () => [jsonHandler('/v1/rate-card', rateCard()), balanceHandler()],
    reach: async el => {
      await settled(el);
      const audience = part(el, 'estimate-audience') as HTMLInputElement;
      audience.value = '12.5';
      audience.dispatchEvent(new Event('input'));
      await el.updateComplete;
      await waitUntil(() => audience.getAttribute('aria-invalid') === 'true', 'the audience was never marked invalid');
    },
  },
  { name: 'empty', tag: 'wa-rate-card', handlers: () => [jsonHandler('/v1/rate-card', rateCard({ rates: [] })), balanceHandler()] },
  { name: 'error', tag: 'wa-rate-card', handlers: () => [failing('/v1/rate-card'), balanceHandler()] },
  { name: 'loading', tag: 'wa-statement', handlers: () => [never('/v1/statement')], reach: loadingAtFaintestPulse },
  { name: 'loaded', tag: 'wa-statement', handlers: () => [jsonHandler('/v1/statement', statement())] },
  { name: 'empty', tag: 'wa-statement', handlers: () => [jsonHandler('/v1/statement', statement({ entries: [], daily_totals: [] }))] },
  { name: 'error', tag: 'wa-statement', handlers: () => [failing('/v1/statement')] },
  { name: 'loading', tag: 'wa-frequency-cap', handlers: () => [never('/v1/frequency-cap')], reach: loadingAtFaintestPulse },
  { name: 'loaded', tag: 'wa-frequency-cap', handlers: () => [jsonHandler('/v1/frequency-cap', frequencyCap())] },
  { name: 'read-only', tag: 'wa-frequency-cap', attributes: { 'read-only': '' }, handlers: () => [jsonHandler('/v1/frequency-cap', frequencyCap())] },
  { name: 'error', tag: 'wa-frequency-cap', handlers: () => [failing('/v1/frequency-cap')] },
  {
    name: 'dialog open',
    tag: 'wa-topup',
    handlers: () => topupApi().handlers,
    reach: async el => {
      await el.updateComplete;
      part(el, 'trigger')!.click();
      await waitUntil(() => part(el, 'preset'), 'the presets never showed');
    },
  },
];

const looks = [
  { theme: 'light', locale: 'en-US' },
  { theme: 'dark', locale: 'en-US' },
  { theme: 'light', locale: 'ar' },
  { theme: 'dark', locale: 'ar' },
] as const;

async function render({ tag, attributes = {}, handlers }: WidgetState, { theme, locale }: (typeof looks)[number]) {
  await useApi(...handlers());
  const session = await fixture<WaSession>(html`
    <wa-session endpoint=${endpoint} client-secret="ws_test" theme=${theme} locale=${locale} live-updates="off"></wa-session>
  `);
  const el = document.createElement(tag) as Widget;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  session.append(el);
  await el.updateComplete;
  return el;
}

describe('accessibility of every widget state', () => {
  for (const look of looks) {
    describe(`${look.theme}, ${look.locale}`, () => {
      for (const state of states) {
        it(`<${state.tag}> ${state.name} has no axe violation`, async () => {
          const el = await render(state, look);
          await (state.reach ?? settled)(el);
          const content = el.shadowRoot!.querySelector<HTMLElement>('[part~="base"], [part~="trigger"]')!;
          expect(content.dir).to.equal(look.locale === 'ar' ? 'rtl' : 'ltr');
          expect(content.lang).to.equal(look.locale);
          await expect(el).to.be.accessible();
        });
      }
    });
  }
});
