import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../session/wa-session.js';
import type { WaSession } from '../session/session.js';
import { listenToAnnouncements, liveRegion } from '../test/announcements.js';
import { apiError, endpoint, gate, http, HttpResponse, jsonHandler, quota, usage, useApi } from '../test/api-mock.js';
import type { WaQuota } from './quota.js';
import './wa-quota.js';

const part = (el: WaQuota, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: WaQuota, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settled = (el: WaQuota) => waitUntil(() => part(el, 'base')?.getAttribute('aria-busy') === 'false', 'never loaded');
const usageShown = (el: WaQuota) => waitUntil(() => text(el, 'usage-text') !== '', 'usage never showed');

async function quotaInSession(locale = 'en-US') {
  const session = await fixture<WaSession>(html`
    <wa-session endpoint=${endpoint} client-secret="ws_test" locale=${locale}><wa-quota></wa-quota></wa-session>
  `);
  const el = session.querySelector('wa-quota')!;
  await settled(el);
  return el;
}

async function withUsage(body = usage()) {
  await useApi(jsonHandler('/v1/quota', quota()), jsonHandler('/v1/usage/24h', body));
  const el = await quotaInSession();
  part(el, 'usage-button')!.click();
  await usageShown(el);
  return el;
}

describe('<wa-quota>', () => {
  describe('accessibility', () => {
    it('is accessible with the limit, and with usage and a breakdown loaded', async () => {
      await useApi(jsonHandler('/v1/quota', quota()));
      await expect(await quotaInSession()).to.be.accessible();

      const el = await withUsage(usage({ by_number: [...usage().by_number, { account_id: 'acc_2', display_phone_number: null, unique_customers: 10 }] }));
      await expect(el).to.be.accessible();
    });

    it('is accessible when stale and when loading failed', async () => {
      await useApi(jsonHandler('/v1/quota', quota({ stale: true })));
      await expect(await quotaInSession()).to.be.accessible();

      await useApi(http.get(`${endpoint}/v1/quota`, () => apiError(503, 'unavailable')));
      await expect(await quotaInSession()).to.be.accessible();
    });

    it('is busy while loading, with a skeleton the size of the limit', async () => {
      const response = gate();
      await useApi(http.get(`${endpoint}/v1/quota`, async () => (await response.opened, HttpResponse.json(quota()))));
      const session = await fixture<WaSession>(html`<wa-session endpoint=${endpoint} client-secret="ws_test"><wa-quota></wa-quota></wa-session>`);
      const el = session.querySelector('wa-quota')!;
      await el.updateComplete;
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      const loadingHeight = part(el, 'base')!.getBoundingClientRect().height;

      response.open();
      await settled(el);
      expect(part(el, 'base')!.getBoundingClientRect().height).to.be.closeTo(loadingHeight, 2);
    });

    it('gives the usage meter a value in words', async () => {
      const el = await withUsage();
      const meter = part(el, 'meter')!;
      expect(meter.getAttribute('role')).to.equal('meter');
      expect(meter.getAttribute('aria-valuetext')).to.equal('1,234 of 10,000 customers');
      expect(meter.getAttribute('aria-valuenow')).to.equal('1234');
      expect(meter.getAttribute('aria-valuemax')).to.equal('10000');
    });
  });

  describe('rendering', () => {
    const tiers: Array<[Parameters<typeof quota>[0], string]> = [
      [{ tier: 'TIER_2K', limit: 2000 }, '2K unique customers / 24 h'],
      [{ tier: 'TIER_10K', limit: 10000 }, '10K unique customers / 24 h'],
      [{ tier: 'TIER_100K', limit: 100000 }, '100K unique customers / 24 h'],
      [{ tier: 'TIER_UNLIMITED', limit: null, unlimited: true }, 'Unlimited'],
      [{ tier: null, limit: null }, 'Not set'],
      [{ tier: 'TIER_NOT_SET', limit: null }, 'Not set'],
    ];
    for (const [body, expected] of tiers) {
      it(`shows ${body?.tier ?? 'no tier'} as “${expected}”`, async () => {
        await useApi(jsonHandler('/v1/quota', quota(body)));
        const el = await quotaInSession();
        expect(text(el, 'limit')).to.equal(expected);
      });
    }

    it('notes that the limit is shared by the portfolio’s numbers', async () => {
      await useApi(jsonHandler('/v1/quota', quota()));
      const el = await quotaInSession();
      expect(text(el, 'shared')).to.equal('The limit is shared by all numbers of your business portfolio.');
    });

    it('formats the limit for pt-BR', async () => {
      await useApi(jsonHandler('/v1/quota', quota()));
      const el = await quotaInSession('pt-BR');
      expect(text(el, 'limit')).to.equal('10 mil clientes únicos / 24 h');
    });

    it('says when Meta didn’t answer, and offers to ask again with ?refresh=1', async () => {
      const seen: string[] = [];
      await useApi(jsonHandler('/v1/quota', quota({ stale: true }), seen));
      const el = await quotaInSession();
      expect(text(el, 'stale')).to.match(/^Meta didn’t answer — showing the limit from .+ Refresh$/);

      part(el, 'stale')!.querySelector('button')!.click();
      await waitUntil(() => seen.length === 2);
      expect(new URL(seen[1]!).search).to.equal('?refresh=1');
    });

    it('loads the usage only when asked, and shows headroom', async () => {
      const seen: string[] = [];
      await useApi(jsonHandler('/v1/quota', quota()), jsonHandler('/v1/usage/24h', usage(), seen));
      const el = await quotaInSession();
      expect(seen).to.deep.equal([]);
      expect(part(el, 'usage')).to.be.null;

      part(el, 'usage-button')!.click();
      await usageShown(el);
      expect(seen).to.have.length(1);
      expect(text(el, 'usage-text')).to.equal('1,234 of 10,000 customers');
      expect(text(el, 'headroom')).to.equal('You can reach 8,766 more customers now');
      expect(part(el, 'projection')).to.be.null;
    });

    it('says when the limit would be reached at the current pace', async () => {
      const at = new Date();
      at.setHours(18, 40, 0, 0);
      const el = await withUsage(usage({ projected_limit_reached_at: at.toISOString() }));
      expect(text(el, 'projection')).to.equal(
        'At the current pace (123 new customers in the last hour) the limit would be reached around 6:40 PM',
      );
    });

    it('shows the breakdown by number only when the portfolio has several numbers', async () => {
      let el = await withUsage();
      expect(part(el, 'breakdown')).to.be.null;

      el = await withUsage(usage({
        by_number: [
          { account_id: 'acc_2', display_phone_number: '+55 11 4000-0000', unique_customers: 34 },
          { account_id: 'acc_1', display_phone_number: '+1 555-555-5555', unique_customers: 1200 },
        ],
      }));
      const rows = [...part(el, 'breakdown')!.querySelectorAll('tbody tr')].map(row => row.textContent!.replace(/\s+/g, ' ').trim());
      expect(rows).to.deep.equal(['+1 555-555-5555 1,200', '+55 11 4000-0000 34']);
    });

    it('shows just the count when unlimited', async () => {
      const el = await withUsage(usage({ limit: null, unlimited: true, remaining: null, projected_limit_reached_at: null }));
      expect(part(el, 'meter')).to.be.null;
      expect(part(el, 'headroom')).to.be.null;
      expect(text(el, 'usage-text')).to.equal('1,234 customers in the last 24 h');
    });

    it('shows an error with Retry when the usage cannot be loaded', async () => {
      let fail = true;
      await useApi(
        jsonHandler('/v1/quota', quota()),
        http.get(`${endpoint}/v1/usage/24h`, () => (fail ? apiError(503, 'unavailable') : HttpResponse.json(usage()))),
      );
      const el = await quotaInSession();
      part(el, 'usage-button')!.click();
      await waitUntil(() => part(el, 'usage')?.querySelector('[part~="retry"]'));
      expect(part(el, 'usage')!.querySelector('[part~="error"]')!.textContent).to.equal('Couldn’t load the usage.');
      await expect(el).to.be.accessible();

      fail = false;
      part(el, 'usage')!.querySelector<HTMLElement>('[part~="retry"]')!.click();
      await usageShown(el);
    });
  });

  describe('refresh from Meta', () => {
    it('says, and announces, that a refresh failed when the server answers stale, in pt-BR', async () => {
      await useApi(
        http.get(`${endpoint}/v1/quota`, ({ request }) =>
          HttpResponse.json(new URL(request.url).searchParams.get('refresh') === '1' ? quota({ stale: true, updated_at: null }) : quota({ updated_at: null })),
        ),
      );
      const el = await quotaInSession('pt-BR');
      expect(part(el, 'stale') === null, 'no stale note').to.be.true;

      await el.refresh();
      const message = 'Não foi possível atualizar: a Meta não respondeu. Mostrando o último limite conhecido';
      await waitUntil(() => liveRegion(el).textContent === message, 'the failed refresh was never announced');
      expect(text(el, 'stale')).to.equal(`${message} Atualizar`);
      await expect(el).to.be.accessible();
    });

    it('says a refresh failed when the server sends refresh_failed', async () => {
      const at = '2025-11-25T14:05:00Z';
      await useApi(
        http.get(`${endpoint}/v1/quota`, ({ request }) =>
          HttpResponse.json(new URL(request.url).searchParams.get('refresh') === '1' ? quota({ stale: true, refresh_failed: true, updated_at: at }) : quota({ updated_at: at })),
        ),
      );
      const el = await quotaInSession();
      const heard = listenToAnnouncements(el);
      await el.refresh();
      await waitUntil(() => heard.length > 0, 'the failed refresh was never announced');
      expect(heard).to.have.length(1);
      expect(heard[0]).to.match(/^Refresh failed: Meta didn’t answer\. Showing the limit from .+$/);
    });
  });

  describe('updates', () => {
    it('keeps a pushed newer limit when a slower GET answers afterwards with an older one', async () => {
      const response = gate();
      let requests = 0;
      await useApi(
        http.get(`${endpoint}/v1/quota`, async () => {
          if (++requests > 1) await response.opened;
          return HttpResponse.json(quota({ tier: 'TIER_10K', limit: 10000, updated_at: '2025-11-25T14:05:00Z' }));
        }),
      );
      const session = await fixture<WaSession>(html`
        <wa-session endpoint=${endpoint} client-secret="ws_test" locale="en-US"><wa-quota></wa-quota></wa-session>
      `);
      const el = session.querySelector('wa-quota')!;
      await settled(el);
      const before = text(el, 'limit');
      const refreshed = el.refresh();
      session.client!.emit('quota', quota({ tier: 'TIER_100K', limit: 100000, updated_at: '2025-11-25T15:00:00Z' }));
      await el.updateComplete;
      const pushed = text(el, 'limit');
      expect(pushed).to.not.equal(before);
      response.open();
      await refreshed;
      await el.updateComplete;
      expect(text(el, 'limit')).to.equal(pushed);
    });

    it('keeps a pushed newer usage when the usage GET answers afterwards for an earlier window', async () => {
      const response = gate();
      await useApi(
        jsonHandler('/v1/quota', quota()),
        http.get(`${endpoint}/v1/usage/24h`, async () => {
          await response.opened;
          return HttpResponse.json(usage({ unique_customers: 1234, remaining: 8766, window_end: '2025-11-25T14:05:00Z' }));
        }),
      );
      const session = await fixture<WaSession>(html`
        <wa-session endpoint=${endpoint} client-secret="ws_test" locale="en-US"><wa-quota></wa-quota></wa-session>
      `);
      const el = session.querySelector('wa-quota')!;
      await settled(el);
      const loading = el.loadUsage();
      session.client!.emit('usage', usage({ unique_customers: 2000, remaining: 8000, window_end: '2025-11-25T14:10:00Z' }));
      await usageShown(el);
      expect(text(el, 'usage-text')).to.contain('2,000');
      response.open();
      await loading;
      await el.updateComplete;
      expect(text(el, 'usage-text')).to.contain('2,000');
    });
  });

  describe('events', () => {
    it('warns the host once when usage gets within 10 % of the limit', async () => {
      await useApi(jsonHandler('/v1/quota', quota()), jsonHandler('/v1/usage/24h', usage({ unique_customers: 9500, remaining: 500 })));
      const el = await quotaInSession();
      const near = oneEvent(el, 'wa-usage-near-limit');
      await el.loadUsage();
      expect((await near).detail).to.deep.equal({ unique_customers: 9500, limit: 10000, remaining: 500 });

      let fired = 0;
      el.addEventListener('wa-usage-near-limit', () => fired++);
      await el.loadUsage();
      expect(fired).to.equal(0);
    });
  });

  describe('keyboard', () => {
    it('loads the usage from the keyboard', async () => {
      await useApi(jsonHandler('/v1/quota', quota()), jsonHandler('/v1/usage/24h', usage()));
      const el = await quotaInSession();

      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'usage-button'));
      await sendKeys({ press: 'Enter' });
      await usageShown(el);
      expect(text(el, 'headroom')).to.equal('You can reach 8,766 more customers now');
    });
  });

  describe('changing account', () => {
    it('drops a usage answer asked for the previous account', async () => {
      const first = gate();
      await useApi(
        jsonHandler('/v1/quota', quota()),
        http.get(`${endpoint}/v1/usage/24h`, async () => {
          await first.opened;
          return HttpResponse.json(usage());
        }),
      );
      const el = await quotaInSession();
      part(el, 'usage-button')!.click();
      await el.updateComplete;

      const session = el.parentElement as WaSession;
      session.clientSecret = 'ws_other';
      await session.updateComplete;
      await el.updateComplete;
      first.open();
      await settled(el);
      await new Promise(resolve => setTimeout(resolve, 100));
      expect(text(el, 'usage-text'), 'the previous account’s usage was shown').to.equal('');
    });
  });
});
