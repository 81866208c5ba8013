import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { createGraphClient } from '../providers/meta-graph/graph-client.js';
import { createTestApp } from '../test/harness.js';

describe('Graph API stand-in on a real local port', () => {
  it('serves the last known rating and limit with stale: true after the Graph server stops', async () => {
    const requests: string[] = [];
    const graph = createServer((req, res) => {
      requests.push(`${req.method} ${req.url} ${req.headers.authorization}`);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          display_phone_number: '+1 555-078-3881',
          verified_name: 'Jaspers Market',
          quality_rating: 'YELLOW',
          whatsapp_business_manager_messaging_limit: 'TIER_2K',
          name_status: 'APPROVED',
          status: 'CONNECTED',
        }),
      );
    });
    await new Promise<void>((resolve) => graph.listen(0, '127.0.0.1', resolve));
    const { port } = graph.address() as AddressInfo;
    const t = createTestApp({
      metaGraph: createGraphClient({ baseUrl: `http://127.0.0.1:${port}/v26.0`, accessToken: 'EAAJB-local', timeoutMs: 1000 }),
    });
    try {
      const account = await t.openAccount({ phone_number_id: '106540352242922' });
      const secret = await t.mintSession(account.id);

      const live = await t.widget(secret, 'GET', '/v1/quality');
      assert.deepEqual([live.body.rating, live.body.stale], ['YELLOW', false]);
      assert.equal(requests.length, 1);
      assert.match(requests[0] ?? '', /^GET \/v26\.0\/106540352242922\?fields=\S+ Bearer EAAJB-local$/);

      graph.closeAllConnections();
      await new Promise<void>((resolve, reject) => graph.close((error) => (error ? reject(error) : resolve())));
      t.clock.advance(6 * 60_000);

      const quality = await t.widget(secret, 'GET', '/v1/quality?refresh=1');
      assert.equal(quality.status, 200);
      assert.deepEqual(quality.body, { rating: 'YELLOW', updated_at: '2025-01-15T10:00:00.000Z', stale: true, refresh_failed: true, history: [] });
      const quota = await t.widget(secret, 'GET', '/v1/quota');
      assert.deepEqual([quota.status, quota.body.tier, quota.body.limit, quota.body.stale], [200, 'TIER_2K', 2000, true]);
      const me = await t.widget(secret, 'GET', '/v1/account');
      assert.deepEqual(me.body.phone, {
        display_phone_number: '+1 555-078-3881',
        verified_name: 'Jaspers Market',
        name_status: 'APPROVED',
        status: 'CONNECTED',
        quality_rating: 'YELLOW',
      });
      assert.deepEqual(t.errors, []);
    } finally {
      if (graph.listening) graph.close();
      await t.close();
    }
  });
});
