import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { requestId } from './request-id.js';
import { securityHeaders } from './security-headers.js';
import { widgetCors } from './widget-cors.js';

const ORIGIN = 'https://console.partner.example';

function testApp() {
  const app = new Hono();
  app.use(requestId());
  app.use(securityHeaders());
  app.use('/api', widgetCors({ origins: [ORIGIN], allowMethods: ['GET'], allowHeaders: ['Authorization'], exposeHeaders: ['Content-Disposition'], maxAgeSeconds: 600 }));
  app.get('/api', (c) => c.json({ ok: true }));
  app.get('/v1/thing', (c) => c.json({ ok: true }));
  app.get('/v1/cached', (c) => c.json({ ok: true }, 200, { 'Cache-Control': 'private, max-age=60' }));
  app.get('/framed', (c) => {
    c.header('X-Frame-Options', 'DENY');
    return c.json({ ok: true });
  });
  app.get('/fails', () => {
    throw new Error('boom');
  });
  app.onError((_error, c) => c.json({ error: { code: 'internal_error', message: 'x' } }, 500));
  return app;
}

describe('response headers set before the handler', () => {
  for (const transport of ['a Node server', 'app.request'] as const) {
    describe(`through ${transport}`, () => {
      let server: ServerType | undefined;
      let request: (path: string, headers?: Record<string, string>) => Promise<Response>;

      before(async () => {
        const app = testApp();
        if (transport === 'app.request') {
          request = async (path, headers) => app.request(path, { headers });
          return;
        }
        const listening = await new Promise<ServerType>((resolve) => {
          const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
        });
        server = listening;
        const { port } = listening.address() as AddressInfo;
        request = (path, headers) => fetch(`http://127.0.0.1:${port}${path}`, { headers });
      });
      after(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

      it('carries a request id, the security headers and the CORS grant of an allowed origin', async () => {
        const res = await request('/api', { Origin: ORIGIN });
        assert.equal(res.status, 200);
        assert.match(res.headers.get('X-Request-Id') ?? '', /^[0-9a-f-]{36}$/);
        assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff');
        assert.equal(res.headers.get('X-Frame-Options'), 'SAMEORIGIN');
        assert.equal(res.headers.get('Access-Control-Allow-Origin'), ORIGIN);
        assert.equal(res.headers.get('Access-Control-Expose-Headers'), 'Content-Disposition');
        assert.equal(res.headers.get('Vary'), 'Origin');
        assert.match(res.headers.get('Content-Type') ?? '', /^application\/json/);
        assert.deepEqual(await res.json(), { ok: true });
      });

      it('echoes a plain request id and replaces anything else', async () => {
        assert.equal((await request('/api', { 'X-Request-Id': 'abc-123' })).headers.get('X-Request-Id'), 'abc-123');
        assert.notEqual((await request('/api', { 'X-Request-Id': 'a b<c>' })).headers.get('X-Request-Id'), 'a b<c>');
      });

      it('grants nothing to another origin', async () => {
        const res = await request('/api', { Origin: 'https://evil.example' });
        assert.equal(res.headers.get('Access-Control-Allow-Origin'), null);
        assert.equal(res.headers.get('Vary'), 'Origin');
      });

      it('lets a route set its own value of a security header', async () => {
        const res = await request('/framed');
        assert.equal(res.headers.get('X-Frame-Options'), 'DENY');
        assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff');
      });

      it('gives API answers the API set and pages the document set', async () => {
        const api = await request('/v1/thing');
        assert.equal(api.headers.get('Cache-Control'), 'no-store');
        assert.equal(api.headers.get('Content-Security-Policy'), "default-src 'none'; frame-ancestors 'none'");
        assert.equal(api.headers.get('X-Frame-Options'), 'DENY');
        assert.equal(api.headers.get('X-Content-Type-Options'), 'nosniff');
        assert.match(api.headers.get('Strict-Transport-Security') ?? '', /^max-age=/);
        assert.equal(api.headers.get('Cross-Origin-Opener-Policy'), null);
        assert.equal(api.headers.get('X-XSS-Protection'), null);
        const page = await request('/api');
        assert.equal(page.headers.get('Cross-Origin-Opener-Policy'), 'same-origin');
        assert.equal(page.headers.get('Referrer-Policy'), 'no-referrer');
        assert.equal(page.headers.get('Cache-Control'), null);
        assert.equal((await request('/v1/cached')).headers.get('Cache-Control'), 'private, max-age=60');
      });

      it('keeps the headers on an error response', async () => {
        const res = await request('/fails');
        assert.equal(res.status, 500);
        assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff');
        assert.ok(res.headers.get('X-Request-Id'));
      });
    });
  }
});
