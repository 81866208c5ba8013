import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { WaBalance } from '../../balance/balance.js';
import '../../balance/wa-balance.js';
import type { WaSession } from '../../session/session.js';
import '../../session/wa-session.js';
import { apiError, balance, balanceHandler, endpoint, http, HttpResponse, useApi } from '../../test/api-mock.js';
import { ApiClient } from './api-client.js';
import { LiveFeed, readServerSentEvents } from './live-feed.js';
import type { BalanceResponse } from './types.js';

const encoder = new TextEncoder();

/** A response body that sends `chunks` and then stays open (or closes, with `close`). */
function eventStream(chunks: string[], { close = false } = {}): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (close) controller.close();
    },
  });
}

const balanceEvent = (body: BalanceResponse) => `event: balance\ndata: ${JSON.stringify(body)}\n\n`;

function eventsHandler(respond: (attempt: number) => ReadableStream<Uint8Array> | Response, seen: Request[] = []) {
  return http.get(`${endpoint}/v1/events`, ({ request }) => {
    seen.push(request);
    const answer = respond(seen.length);
    return answer instanceof Response
      ? answer
      : new HttpResponse(answer, { headers: { 'Content-Type': 'text/event-stream' } });
  });
}

const amount = (el: WaBalance) => el.shadowRoot!.querySelector('[part="amount"]')?.textContent?.trim() ?? '';

describe('live updates', () => {
  describe('parsing', () => {
    it('reads events, multi-line data, comments and CRLF line ends, even split across chunks', async () => {
      const body = eventStream([': heartbeat\n', 'event: balance\r', '\ndata: {"a":\ndata: 1}\r\n\r\n', 'data: plain\n\n'], {
        close: true,
      });
      const events = [];
      for await (const event of readServerSentEvents(body)) events.push(event);
      expect(events).to.deep.equal([
        { event: 'balance', data: '{"a":\n1}' },
        { event: 'message', data: 'plain' },
      ]);
    });
  });

  describe('rendering', () => {
    it('updates the balance on the page when the server pushes a new one, without a reload', async () => {
      const seen: Request[] = [];
      await useApi(
        balanceHandler(),
        eventsHandler(() => eventStream([balanceEvent(balance({ balance: { amount: '8300.00', currency: 'USD' }, updated_at: '2025-11-25T14:06:00Z' }))]), seen),
      );
      const session = await fixture<WaSession>(
        html`<wa-session endpoint=${endpoint} client-secret="ws_live"><wa-balance></wa-balance></wa-session>`,
      );
      const el = session.querySelector('wa-balance')!;
      await waitUntil(() => amount(el) === '$8,300.00', 'the pushed balance never showed');
      expect(seen).to.have.length(1);
      expect(seen[0]!.headers.get('Authorization')).to.equal('Bearer ws_live');
      expect(seen[0]!.url).not.to.contain('ws_live');
    });

    it('keeps no connection when live updates are off', async () => {
      const seen: Request[] = [];
      await useApi(balanceHandler(), eventsHandler(() => eventStream([]), seen));
      const session = await fixture<WaSession>(
        html`<wa-session endpoint=${endpoint} client-secret="ws_live" live-updates="off"><wa-balance></wa-balance></wa-session>`,
      );
      await waitUntil(() => amount(session.querySelector('wa-balance')!) !== '');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).to.have.length(0);
    });

    it('closes the connection when the session leaves the page', async () => {
      let cancelled = false;
      await useApi(
        balanceHandler(),
        eventsHandler(() => new ReadableStream({ cancel: () => void (cancelled = true) })),
      );
      const session = await fixture<WaSession>(html`<wa-session endpoint=${endpoint} client-secret="ws_live"></wa-session>`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      session.remove();
      await waitUntil(() => cancelled, 'the stream was never cancelled');
    });
  });

  describe('events', () => {
    it('reconnects with backoff after the stream ends, and hears the next one', async () => {
      const seen: Request[] = [];
      await useApi(
        eventsHandler(
          (attempt) =>
            attempt === 1 ? eventStream([], { close: true }) : eventStream([balanceEvent(balance())]),
          seen,
        ),
      );
      const client = new ApiClient({ endpoint, clientSecret: 'ws_live' });
      const heard: BalanceResponse[] = [];
      client.on('balance', (data) => heard.push(data));
      const feed = new LiveFeed(client, { minDelayMs: 10 });
      feed.start();
      await waitUntil(() => heard.length === 1, 'the second connection was never made');
      feed.stop();
      expect(seen).to.have.length(2);
      expect(heard[0]!.balance.amount).to.equal('8323.87');
    });

    it('stops for good when the session expired and cannot be renewed', async () => {
      const seen: Request[] = [];
      await useApi(eventsHandler(() => apiError(401, 'session_expired'), seen));
      const client = new ApiClient({ endpoint, clientSecret: 'ws_old' });
      let expired = 0;
      client.addEventListener('wa-session-expired', () => expired++);
      const feed = new LiveFeed(client, { minDelayMs: 10 });
      feed.start();
      await waitUntil(() => !feed.running, 'the feed kept running');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).to.have.length(1);
      expect(expired).to.equal(1);
    });

    it('renews an expired secret through fetchClientSecret and reconnects with it', async () => {
      const seen: Request[] = [];
      await useApi(
        eventsHandler(
          (attempt) => (attempt === 1 ? apiError(401, 'session_expired') : eventStream([balanceEvent(balance())])),
          seen,
        ),
      );
      const client = new ApiClient({ endpoint, clientSecret: 'ws_old', fetchClientSecret: async () => 'ws_new' });
      const heard: BalanceResponse[] = [];
      client.on('balance', (data) => heard.push(data));
      const feed = new LiveFeed(client, { minDelayMs: 10 });
      feed.start();
      await waitUntil(() => heard.length === 1);
      feed.stop();
      expect(seen.map((request) => request.headers.get('Authorization'))).to.deep.equal(['Bearer ws_old', 'Bearer ws_new']);
    });

    it('keeps retrying with backoff after a failed renewal when fetchClientSecret exists, telling the page once', async () => {
      const seen: Request[] = [];
      await useApi(
        eventsHandler(
          () => (seen.at(-1)!.headers.get('Authorization') === 'Bearer ws_new' ? eventStream([balanceEvent(balance())]) : apiError(401, 'session_expired')),
          seen,
        ),
      );
      let renewals = 0;
      const client = new ApiClient({
        endpoint,
        clientSecret: 'ws_old',
        fetchClientSecret: () => (++renewals < 3 ? Promise.reject(new Error('token endpoint down')) : Promise.resolve('ws_new')),
      });
      let expired = 0;
      client.addEventListener('wa-session-expired', () => expired++);
      const heard: BalanceResponse[] = [];
      client.on('balance', (data) => heard.push(data));
      const feed = new LiveFeed(client, { minDelayMs: 10 });
      feed.start();
      await waitUntil(() => heard.length === 1, 'the feed gave up after a failed renewal');
      expect(feed.running).to.equal(true);
      feed.stop();
      expect(renewals).to.equal(3);
      expect(expired).to.equal(1);
      expect(client.clientSecret).to.equal('ws_new');
    });
  });
});
