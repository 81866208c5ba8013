import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimits } from './body-limits.js';

function post(port: number, path: string, chunks: readonly string[], headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('body limits on Node', () => {
  const app = new Hono();
  app.use(bodyLimits({ defaultMaxBytes: 100, byPath: { '/big': 1000 } }));
  app.post('*', async (c) => c.json({ length: (await c.req.text()).length }));
  app.onError((error, c) => c.json({ error: { code: error instanceof HTTPException ? String(error.status) : 'other' } }, 500));
  const server = createAdaptorServer({ fetch: app.fetch });
  let port = 0;
  before(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve())));
  before(() => (port = (server.address() as AddressInfo).port));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads a body with Content-Length up to the limit, whole', async () => {
    const res = await post(port, '/small', ['x'.repeat(100)], { 'Content-Length': '100' });
    assert.deepEqual({ status: res.status, body: JSON.parse(res.body) }, { status: 200, body: { length: 100 } });
  });

  it('refuses a Content-Length over the limit of the path without reading the body', async () => {
    const res = await post(port, '/small', ['x'.repeat(101)], { 'Content-Length': '101' });
    assert.deepEqual(JSON.parse(res.body), { error: { code: '413' } });
    const big = await post(port, '/big', ['x'.repeat(1000)], { 'Content-Length': '1000' });
    assert.deepEqual(JSON.parse(big.body), { length: 1000 });
  });

  it('counts a chunked body as it streams in and cuts it off past the limit', async () => {
    const within = await post(port, '/small', ['x'.repeat(60), 'x'.repeat(40)], { 'Transfer-Encoding': 'chunked' });
    assert.deepEqual(JSON.parse(within.body), { length: 100 });
    const over = await post(port, '/small', ['x'.repeat(60), 'x'.repeat(41)], { 'Transfer-Encoding': 'chunked' });
    assert.deepEqual(JSON.parse(over.body), { error: { code: '413' } });
  });
});
