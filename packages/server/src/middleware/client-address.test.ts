import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Hono } from 'hono';
import { clientAddress } from './client-address.js';

async function addressSeen(trustedProxies: number, headers: Record<string, string>, env?: unknown): Promise<string> {
  const app = new Hono().get('/', (c) => c.text(clientAddress(c, trustedProxies)));
  return (await app.request('/', { headers }, env)).text();
}

describe('client address', () => {
  test('behind one trusted proxy, the entry it appended: what the client wrote before it proves nothing', async () => {
    assert.equal(await addressSeen(1, { 'X-Forwarded-For': '10.0.0.1, 6.6.6.6, 203.0.113.7' }), '203.0.113.7');
  });

  test('behind two trusted proxies, the entry the outer one appended', async () => {
    assert.equal(await addressSeen(2, { 'X-Forwarded-For': '6.6.6.6, 203.0.113.7, 10.0.0.2' }), '203.0.113.7');
    assert.equal(await addressSeen(2, { 'X-Forwarded-For': '203.0.113.7' }), '203.0.113.7');
  });

  test('with no trusted proxy, X-Forwarded-For is ignored and the socket peer is used', async () => {
    const env = { incoming: { socket: { remoteAddress: '198.51.100.4' } } };
    assert.equal(await addressSeen(0, { 'X-Forwarded-For': '6.6.6.6' }, env), '198.51.100.4');
    assert.equal(await addressSeen(0, {}), 'unknown');
  });

  test('junk is bounded: an empty entry falls back to the peer, a long one is cut', async () => {
    assert.equal(await addressSeen(1, { 'X-Forwarded-For': '6.6.6.6, ' }), 'unknown');
    assert.equal((await addressSeen(1, { 'X-Forwarded-For': 'x'.repeat(500) })).length, 64);
  });
});
