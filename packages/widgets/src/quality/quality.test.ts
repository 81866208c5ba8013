import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../session/wa-session.js';
import type { WaSession } from '../session/session.js';
import type { QualityRating } from '../shared/api/types.js';
import { listenToAnnouncements, liveRegion } from '../test/announcements.js';
import { apiError, endpoint, gate, http, HttpResponse, jsonHandler, quality, useApi } from '../test/api-mock.js';
import type { WaQuality } from './quality.js';
import './wa-quality.js';

const part = (el: WaQuality, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: WaQuality, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const words = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const text = (el: WaQuality, name: string) => words(part(el, name));
const settled = (el: WaQuality) => waitUntil(() => part(el, 'base')?.getAttribute('aria-busy') === 'false', 'never loaded');

async function qualityInSession(locale = 'en-US') {
  const session = await fixture<WaSession>(html`
    <wa-session endpoint=${endpoint} client-secret="ws_test" locale=${locale}><wa-quality></wa-quality></wa-session>
  `);
  const el = session.querySelector('wa-quality')!;
  await settled(el);
  return el;
}

describe('<wa-quality>', () => {
  describe('accessibility', () => {
    for (const rating of ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as QualityRating[]) {
      it(`is accessible with a ${rating} rating`, async () => {
        await useApi(jsonHandler('/v1/quality', quality({ rating })));
        await expect(await qualityInSession()).to.be.accessible();
      });
    }

    it('is accessible when stale, with no history, and when loading failed', async () => {
      await useApi(jsonHandler('/v1/quality', quality({ stale: true, history: [] })));
      await expect(await qualityInSession()).to.be.accessible();

      await useApi(http.get(`${endpoint}/v1/quality`, () => apiError(503, 'unavailable')));
      await expect(await qualityInSession()).to.be.accessible();
    });

    it('is busy while loading, and its skeleton keeps the rating block’s place', async () => {
      const response = gate();
      await useApi(http.get(`${endpoint}/v1/quality`, async () => (await response.opened, HttpResponse.json(quality()))));
      const session = await fixture<WaSession>(html`
        <wa-session endpoint=${endpoint} client-secret="ws_test"><wa-quality></wa-quality></wa-session>
      `);
      const el = session.querySelector('wa-quality')!;
      await el.updateComplete;
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      response.open();
      await settled(el);
    });

    it('loading state has the same height as loaded (360 px wide)', async () => {
      const response = gate();
      await useApi(http.get(`${endpoint}/v1/quality`, async () => (await response.opened, HttpResponse.json(quality()))));
      const session = await fixture<WaSession>(html`
        <wa-session style="width: 360px" endpoint=${endpoint} client-secret="ws_test"><wa-quality></wa-quality></wa-session>
      `);
      const el = session.querySelector('wa-quality')!;
      await el.updateComplete;
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal('Loading…');
      const placeholders = [...el.shadowRoot!.querySelectorAll('.skeleton, .skeleton-text')];
      expect(placeholders).not.to.be.empty;
      expect(placeholders.every(node => node.closest('[aria-hidden="true"]'))).to.be.true;
      const loadingHeight = part(el, 'base')!.getBoundingClientRect().height;

      response.open();
      await settled(el);
      expect(part(el, 'base')!.getBoundingClientRect().height).to.be.closeTo(loadingHeight, 24);
    });
  });

  describe('rendering', () => {
    const expected: Record<QualityRating, { words: string; advice: RegExp }> = {
      GREEN: { words: 'High', advice: /^Keep it up/ },
      YELLOW: { words: 'Medium', advice: /honour opt-outs/ },
      RED: { words: 'Low', advice: /^Pause campaigns/ },
      UNKNOWN: { words: 'Not yet rated', advice: /enough feedback/ },
    };
    for (const [rating, { words: name, advice }] of Object.entries(expected)) {
      it(`shows a ${rating} rating as an icon and “${name}”, with its meaning and advice`, async () => {
        await useApi(jsonHandler('/v1/quality', quality({ rating: rating as QualityRating })));
        const el = await qualityInSession();

        expect(text(el, 'rating')).to.equal(name);
        expect(part(el, 'rating')!.querySelector('svg[aria-hidden="true"]')).to.exist;
        expect(text(el, 'meaning')).to.not.equal('');
        expect(text(el, 'advice')).to.match(advice);
      });
    }

    it('explains that quality reflects the last 7 days and that low quality can restrict the number', async () => {
      await useApi(jsonHandler('/v1/quality', quality({ rating: 'RED' })));
      const el = await qualityInSession();
      expect(text(el, 'meaning')).to.match(/last 7 days: blocks, reports and feedback/);
      expect(text(el, 'meaning')).to.match(/pause templates or restrict this number/);
    });

    it('links to Meta’s policy in a new tab, saying so', async () => {
      await useApi(jsonHandler('/v1/quality', quality()));
      const el = await qualityInSession();
      const link = part(el, 'policy') as HTMLAnchorElement;

      expect(link.href).to.equal('https://business.whatsapp.com/policy');
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.contain('noopener');
      expect(words(link)).to.equal('WhatsApp Business Messaging Policy (opens in a new tab)');
    });

    it('lists the changes newest first, with the event, rating or tier in words, and a date', async () => {
      const history = quality().history;
      await useApi(jsonHandler('/v1/quality', quality({ history: [history[2]!, history[0]!, history[1]!] })));
      const el = await qualityInSession();

      expect(part(el, 'history')!.tagName).to.equal('OL');
      expect(parts(el, 'history-entry').map(words)).to.deep.equal([
        `Messaging limit raised Limit: 10K unique customers / 24 h ${stamp('2025-11-24T09:00:00Z')}`,
        `Quality rating changed Quality: High ${stamp('2025-11-20T09:00:00Z')}`,
        `Number being registered Quality: Not yet rated · Limit: 250 unique customers / 24 h ${stamp('2025-11-02T09:00:00Z')}`,
      ]);
      expect(parts(el, 'history-entry')[0]!.querySelector('time')!.getAttribute('datetime')).to.equal('2025-11-24T09:00:00Z');
    });

    it('says recent changes relatively', async () => {
      const at = new Date(Date.now() - 3 * 3600_000).toISOString();
      await useApi(jsonHandler('/v1/quality', quality({ history: [{ at, event: 'THROUGHPUT_UPGRADE', rating: null, tier: 'TIER_UNLIMITED', source: 'webhook' }] })));
      const el = await qualityInSession();
      expect(words(parts(el, 'history-entry')[0])).to.equal('Throughput upgraded Limit: Unlimited 3 hours ago');
    });

    it('shows a designed empty state when nothing changed yet', async () => {
      await useApi(jsonHandler('/v1/quality', quality({ history: [] })));
      const el = await qualityInSession();
      expect(part(el, 'history')).to.be.null;
      expect(text(el, 'history-empty')).to.match(/^No changes yet\./);
    });

    it('says when Meta didn’t answer and which rating it shows', async () => {
      await useApi(jsonHandler('/v1/quality', quality({ stale: true, updated_at: '2025-11-25T14:05:00Z' })));
      const el = await qualityInSession();
      expect(text(el, 'stale')).to.equal(`Meta didn’t answer — showing the rating from ${stamp('2025-11-25T14:05:00Z')}`);
      expect(text(el, 'rating')).to.equal('High');
    });

    it('keeps the last rating with a note when a refresh fails', async () => {
      await useApi(jsonHandler('/v1/quality', quality()));
      const el = await qualityInSession();
      await useApi(http.get(`${endpoint}/v1/quality`, () => HttpResponse.error()));
      await el.refresh();
      await el.updateComplete;

      expect(text(el, 'rating')).to.equal('High');
      expect(text(el, 'stale')).to.match(/^Couldn’t refresh — showing the value from \d{1,2}:\d{2}/);
      await expect(el).to.be.accessible();
    });

    it('speaks Brazilian Portuguese', async () => {
      await useApi(jsonHandler('/v1/quality', quality({ rating: 'YELLOW' })));
      const el = await qualityInSession('pt-BR');
      expect(text(el, 'rating')).to.equal('Média');
      expect(text(el, 'label')).to.equal('Avaliação de qualidade');
      expect(words(parts(el, 'history-entry')[0])).to.match(/^Limite de mensagens aumentado Limite: 10 mil clientes únicos \/ 24 h/);
    });
  });

  describe('refresh from Meta', () => {
    /** `GET /v1/quality` answering `fresh`, and `refreshed` to `?refresh=1`. */
    function refreshHandler(fresh: ReturnType<typeof quality>, refreshed: () => ReturnType<typeof quality>) {
      return http.get(`${endpoint}/v1/quality`, ({ request }) =>
        HttpResponse.json(new URL(request.url).searchParams.get('refresh') === '1' ? refreshed() : fresh),
      );
    }

    it('says, and announces, that a refresh failed when the server answers stale', async () => {
      const at = '2025-11-25T14:05:00Z';
      let refreshed = quality({ stale: true, updated_at: at });
      await useApi(refreshHandler(quality({ updated_at: at }), () => refreshed));
      const el = await qualityInSession();
      expect(part(el, 'stale') === null, 'no stale note').to.be.true;
      const heard = listenToAnnouncements(el);

      await el.refresh();
      const message = `Refresh failed: Meta didn’t answer. Showing the rating from ${stamp(at)}`;
      await waitUntil(() => heard.length > 0, 'the failed refresh was never announced');
      expect(heard).to.deep.equal([message]);
      expect(text(el, 'stale')).to.equal(message);
      expect(text(el, 'rating')).to.equal('High');
      await expect(el).to.be.accessible();

      await el.refresh();
      await waitUntil(() => heard.length > 1, 'the second failed refresh was never announced');
      expect(heard, 'each failure is heard, even twice in a row').to.deep.equal([message, message]);

      refreshed = quality({ updated_at: '2025-11-25T15:00:00Z' });
      await el.refresh();
      await el.updateComplete;
      await new Promise(resolve => setTimeout(resolve, 150));
      expect(part(el, 'stale') === null, 'no stale note').to.be.true;
      expect(heard, 'a refresh that worked is not announced').to.have.length(2);
    });

    it('takes the server’s refresh_failed at its word, in Spanish', async () => {
      await useApi(refreshHandler(quality({ updated_at: null }), () => quality({ stale: true, refresh_failed: true, updated_at: null })));
      const el = await qualityInSession('es');
      await el.refresh();
      const message = 'No se pudo actualizar: Meta no respondió. Se muestra la última calificación conocida';
      await waitUntil(() => liveRegion(el).textContent === message, 'the failed refresh was never announced');
      expect(text(el, 'stale')).to.equal(message);
    });
  });

  describe('updates', () => {
    it('keeps a pushed newer rating when a slower GET answers afterwards with an older one', async () => {
      const response = gate();
      let requests = 0;
      await useApi(
        http.get(`${endpoint}/v1/quality`, async () => {
          if (++requests > 1) await response.opened;
          return HttpResponse.json(quality({ rating: 'GREEN', updated_at: '2025-11-25T14:05:00Z' }));
        }),
      );
      const session = await fixture<WaSession>(html`
        <wa-session endpoint=${endpoint} client-secret="ws_test" locale="en-US"><wa-quality></wa-quality></wa-session>
      `);
      const el = session.querySelector('wa-quality')!;
      await settled(el);
      const refreshed = el.refresh();
      session.client!.emit('quality', quality({ rating: 'RED', updated_at: '2025-11-25T15:00:00Z' }));
      await el.updateComplete;
      const pushed = text(el, 'rating');
      expect(pushed).to.not.equal('');
      response.open();
      await refreshed;
      await el.updateComplete;
      expect(text(el, 'rating')).to.equal(pushed);
      expect(part(el, 'rating')!.className).to.contain('rating--RED');
    });

    it('shows the new account’s rating after the client secret changes, even with an older updated_at', async () => {
      await useApi(
        http.get(`${endpoint}/v1/quality`, ({ request }) =>
          HttpResponse.json(
            request.headers.get('Authorization') === 'Bearer ws_other'
              ? quality({ rating: 'RED', updated_at: '2025-11-01T00:00:00Z' })
              : quality({ rating: 'GREEN' }),
          ),
        ),
      );
      const session = await fixture<WaSession>(html`
        <wa-session endpoint=${endpoint} client-secret="ws_test" locale="en-US"><wa-quality></wa-quality></wa-session>
      `);
      const el = session.querySelector('wa-quality')!;
      await settled(el);
      session.clientSecret = 'ws_other';
      await waitUntil(() => part(el, 'rating')?.className.includes('rating--RED'), 'the old account’s rating stayed');
    });
  });

  describe('events', () => {
    it('tells the host the rating, and again only when it changes', async () => {
      await useApi(jsonHandler('/v1/quality', quality({ rating: 'GREEN' })));
      const first = oneEvent(document, 'wa-quality-changed');
      const session = await fixture<WaSession>(html`
        <wa-session endpoint=${endpoint} client-secret="ws_test"><wa-quality></wa-quality></wa-session>
      `);
      expect((await first).detail).to.deep.equal({ rating: 'GREEN', previous: null });

      const el = session.querySelector('wa-quality')!;
      let fired = 0;
      el.addEventListener('wa-quality-changed', () => fired++);
      await el.refresh();
      expect(fired).to.equal(0);

      await useApi(jsonHandler('/v1/quality', quality({ rating: 'RED' })));
      const changed = oneEvent(el, 'wa-quality-changed');
      await el.refresh();
      expect((await changed).detail).to.deep.equal({ rating: 'RED', previous: 'GREEN' });
    });
  });

  describe('keyboard', () => {
    it('refreshes from Meta with the keyboard, sending ?refresh=1 only then', async () => {
      const seen: string[] = [];
      await useApi(jsonHandler('/v1/quality', quality(), seen));
      const el = await qualityInSession();
      expect(seen.map(url => new URL(url).search)).to.deep.equal(['']);

      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'refresh'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => seen.length === 2);
      expect(new URL(seen[1]!).searchParams.get('refresh')).to.equal('1');

      await el.updateComplete;
      expect(seen).to.have.length(2);
    });
  });
});

function stamp(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
