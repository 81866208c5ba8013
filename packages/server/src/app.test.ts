import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createApp } from './app.js';
import { createManualClock } from './domain/clock.js';
import type { Store } from './store/store.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';
import type { TestApp } from './test/harness.js';
import { ALLOWED_ORIGIN, createTestApp, SECRET_KEY } from './test/harness.js';

describe('createApp', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  describe('GET /healthz', () => {
    it('answers ok once the database answers', async () => {
      const res = await t.raw('GET', '/healthz', undefined, {});
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { ok: true });
    });

    it('answers 503 when the database does not', async () => {
      await t.store.close();
      const res = await t.raw('GET', '/healthz', undefined, {});
      assert.equal(res.status, 503);
      assert.equal(res.body.error.code, 'database_unavailable');
    });
  });

  describe('GET /openapi.json', () => {
    it('documents every /v1 route with its security scheme, generated from the validating schemas', async () => {
      const res = await t.raw('GET', '/openapi.json', undefined, {});
      assert.equal(res.status, 200);
      const doc = res.body;
      assert.equal(doc.openapi, '3.1.0');
      assert.deepEqual(Object.keys(doc.paths).sort(), [
        '/healthz',
        '/v1/account',
        '/v1/accounts',
        '/v1/accounts/{id}',
        '/v1/accounts/{id}/adjustments',
        '/v1/accounts/{id}/marketing-sends',
        '/v1/accounts/{id}/pricing',
        '/v1/accounts/{id}/widget-sessions',
        '/v1/alerts/low-balance',
        '/v1/balance',
        '/v1/events',
        '/v1/frequency-cap',
        '/v1/payment-links',
        '/v1/payment-links/{id}',
        '/v1/quality',
        '/v1/quota',
        '/v1/rate-card',
        '/v1/statement',
        '/v1/topup-options',
        '/v1/topups',
        '/v1/topups/{id}',
        '/v1/usage/24h',
        '/v1/widget-sessions',
        '/v1/widget-sessions/{id}',
      ]);
      assert.deepEqual(doc.paths['/v1/accounts'].post.security, [{ partnerKey: [] }]);
      assert.deepEqual(doc.paths['/v1/balance'].get.security, [{ widgetSession: [] }]);
      assert.ok(doc.components.schemas.Money);
      assert.ok(doc.components.securitySchemes.partnerKey);
      assert.ok(doc.paths['/v1/accounts/{id}/adjustments'].post.responses['409']);
      assert.ok(doc.components.schemas.WidgetSession.required.includes('id'));
      assert.deepEqual(doc.paths['/v1/widget-sessions/{id}'].delete.security, [{ partnerKey: [] }]);
    });
  });

  describe('errors', () => {
    it('answers unknown paths with 404 not_found in the error shape', async () => {
      for (const path of ['/v1/nothing', '/nothing', '/v1/accounts/a/b/c']) {
        const res = await t.raw('GET', path, undefined, { Authorization: `Bearer ${SECRET_KEY}` });
        assert.equal(res.status, 404);
        assert.equal(res.body.error.code, 'not_found');
      }
    });

    it('answers 413 payload_too_large for bodies over 64 KB and writes nothing', async () => {
      const res = await t.partner('POST', '/v1/accounts', {
        name: 'x'.repeat(70_000),
        currency: 'USD',
        waba_id: '1',
        phone_number_id: '2',
      });
      assert.equal(res.status, 413);
      assert.equal(res.body.error.code, 'payload_too_large');
      assert.equal((await t.store.listAccounts({ limit: 1 })).length, 0);
    });

    it('bounds the body of every route, hosted pages and webhooks included, and gives Meta its 3 MB', async () => {
      const big = 'x'.repeat(70_000);
      for (const path of ['/pay/pl_anything', '/webhooks/payments/sandbox', '/sandbox/checkout/cs_x/pay', '/healthz', '/nothing']) {
        const res = await t.raw('POST', path, big, { 'Content-Type': 'application/x-www-form-urlencoded' });
        assert.equal(res.status, 413, path);
        assert.equal(res.body.error.code, 'payload_too_large', path);
      }
      const meta = await t.raw('POST', '/webhooks/meta', 'x'.repeat(1_000_000), { 'Content-Type': 'application/json' });
      assert.equal(meta.status, 401);
      const metaTooBig = await t.raw('POST', '/webhooks/meta', 'x'.repeat(3 * 1024 * 1024 + 1), { 'Content-Type': 'application/json' });
      assert.equal(metaTooBig.status, 413);
    });

    it('maps an unexpected failure to 500 internal_error without leaking it, and logs it', async () => {
      const logged: unknown[] = [];
      const broken = { ...t.store, getAccount: () => Promise.reject(new Error('disk on fire')) } as Store;
      const app = createApp({
        store: broken,
        clock: createManualClock(),
        config: { secretKey: SECRET_KEY, allowedOrigins: [] },
        logError: (_message, error) => logged.push(error),
      });
      const res = await app.request('/v1/accounts/acc_x', { headers: { Authorization: `Bearer ${SECRET_KEY}` } });
      assert.equal(res.status, 500);
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'internal_error');
      assert.doesNotMatch(body.error.message, /disk/);
      assert.equal(logged.length, 1);
    });

    it('sets a request id and security headers on every response', async () => {
      const res = await t.app.request('/healthz');
      assert.match(res.headers.get('X-Request-Id') ?? '', /^[\w-]+$/);
      assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff');
    });
  });

  describe('CORS', () => {
    const preflight = (origin: string, path = '/v1/balance') =>
      t.app.request(path, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });

    it('answers a preflight from an allowed origin on the widget API', async () => {
      const res = await preflight(ALLOWED_ORIGIN);
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), ALLOWED_ORIGIN);
      assert.match(res.headers.get('Access-Control-Allow-Headers') ?? '', /Authorization/);
      assert.equal(res.headers.get('Access-Control-Allow-Credentials'), null);
    });

    it('grants nothing to a disallowed origin', async () => {
      const res = await preflight('https://evil.example');
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), null);
    });

    it('grants nothing on the partner API, even to an allowed origin', async () => {
      const res = await preflight(ALLOWED_ORIGIN, '/v1/accounts');
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), null);
    });

    it('lets an allowed origin read widget responses, errors included', async () => {
      const res = await t.app.request('/v1/balance', { headers: { Origin: ALLOWED_ORIGIN } });
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), ALLOWED_ORIGIN);
    });
  });

  describe('static assets', () => {
    function appWithAssets(files: { bundle?: string; chunks?: Record<string, string>; demoIndex?: string }) {
      const dir = mkdtempSync(join(tmpdir(), 'wa-assets-'));
      const bundle = join(dir, 'wa-widgets.js');
      if (files.bundle) writeFileSync(bundle, files.bundle);
      if (files.chunks) {
        mkdirSync(join(dir, 'wa-widgets'));
        for (const [name, content] of Object.entries(files.chunks)) writeFileSync(join(dir, 'wa-widgets', name), content);
      }
      const demoDir = join(dir, 'demo');
      if (files.demoIndex) writeFileSync(join(dir, 'index.html'), files.demoIndex);
      const store = openSqliteStore({ file: ':memory:' });
      return createApp({
        store,
        clock: createManualClock(),
        config: { secretKey: SECRET_KEY, allowedOrigins: [] },
        assets: { widgetsBundlePath: bundle, demoDir: files.demoIndex ? dir : demoDir },
      });
    }

    it('serves the script-tag bundle as JavaScript loadable from any origin', async () => {
      const app = appWithAssets({ bundle: 'export const x = 1;' });
      const res = await app.request('/wa-widgets.js');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('Content-Type') ?? '', /^application\/javascript/);
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
      assert.equal(await res.text(), 'export const x = 1;');
    });

    it('revalidates the loader on every use, answering 304 while it is unchanged', async () => {
      const app = appWithAssets({ bundle: 'export const x = 1;' });
      const first = await app.request('/wa-widgets.js');
      assert.equal(first.headers.get('Cache-Control'), 'no-cache');
      const tag = first.headers.get('ETag');
      assert.ok(tag);
      const again = await app.request('/wa-widgets.js', { headers: { 'If-None-Match': tag } });
      assert.equal(again.status, 304);
    });

    it('serves the chunks beside the loader to any origin, cached for good since their names carry a hash', async () => {
      const chunk = `export const lit = "${'x'.repeat(4000)}";`;
      const app = appWithAssets({ bundle: 'import("./wa-widgets/lit-AbC12_-z.js");', chunks: { 'lit-AbC12_-z.js': chunk } });
      const res = await app.request('/wa-widgets/lit-AbC12_-z.js');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('Content-Type') ?? '', /^application\/javascript/);
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
      assert.equal(res.headers.get('Cross-Origin-Resource-Policy'), 'cross-origin');
      assert.equal(res.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
      assert.equal(await res.text(), chunk);
    });

    it('compresses the scripts for browsers that accept gzip', async () => {
      const chunk = `export const lit = "${'x'.repeat(4000)}";`;
      const app = appWithAssets({ bundle: chunk, chunks: { 'lit-AbC12_-z.js': chunk } });
      for (const path of ['/wa-widgets.js', '/wa-widgets/lit-AbC12_-z.js']) {
        const res = await app.request(path, { headers: { 'Accept-Encoding': 'gzip, br' } });
        assert.equal(res.headers.get('Content-Encoding'), 'gzip', path);
        const zipped = Buffer.from(await res.arrayBuffer());
        assert.ok(zipped.length < 200, `${path} is ${zipped.length} bytes`);
        assert.equal(gunzipSync(zipped).toString(), chunk);
      }
    });

    it('sends the brotli or gzip file the build wrote beside a script, whichever the browser accepts first', async () => {
      const chunk = 'export const lit = 1;';
      const app = appWithAssets({
        bundle: chunk,
        chunks: { 'lit-AbC12_-z.js': chunk, 'lit-AbC12_-z.js.br': 'brotli bytes', 'lit-AbC12_-z.js.gz': 'gzip bytes' },
      });
      const get = (encodings: string) => app.request('/wa-widgets/lit-AbC12_-z.js', { headers: { 'Accept-Encoding': encodings } });

      const brotli = await get('gzip, deflate, br, zstd');
      assert.equal(brotli.headers.get('Content-Encoding'), 'br');
      assert.equal(brotli.headers.get('Vary'), 'Accept-Encoding');
      assert.match(brotli.headers.get('Content-Type') ?? '', /^application\/javascript/);
      assert.equal(await brotli.text(), 'brotli bytes');

      const gzip = await get('gzip, br;q=0');
      assert.equal(gzip.headers.get('Content-Encoding'), 'gzip');
      assert.equal(await gzip.text(), 'gzip bytes');

      const plain = await get('identity');
      assert.equal(plain.headers.get('Content-Encoding'), null);
      assert.equal(await plain.text(), chunk);
    });

    it('serves nothing but chunk files from the chunk folder', async () => {
      const app = appWithAssets({ bundle: 'export const x = 1;', chunks: { 'a-12345678.js': '', 'a-12345678.js.br': '' } });
      const paths = ['/wa-widgets/missing-12345678.js', '/wa-widgets/..%2Fwa-widgets.js', '/wa-widgets/.hidden.js', '/wa-widgets/a-12345678.ts', '/wa-widgets/a-12345678.js.br'];
      for (const path of paths) {
        const res = await app.request(path);
        assert.equal(res.status, 404, path);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_found');
      }
    });

    it('answers 404 with a hint to build when the bundle or the demo is missing', async () => {
      const app = appWithAssets({});
      for (const path of ['/wa-widgets.js', '/']) {
        const res = await app.request(path);
        assert.equal(res.status, 404);
        const body = (await res.json()) as { error: { message: string } };
        assert.match(body.error.message, /npm run build/);
      }
    });

    it('serves no demo console, and hints at no build, when it has no demo folder (production)', async () => {
      const app = createApp({
        store: openSqliteStore({ file: ':memory:' }),
        clock: createManualClock(),
        config: { secretKey: SECRET_KEY, allowedOrigins: [] },
        assets: { widgetsBundlePath: undefined, demoDir: undefined },
      });
      const res = await app.request('/');
      assert.equal(res.status, 404);
      assert.doesNotMatch(((await res.json()) as { error: { message: string } }).error.message, /demo console/);
      assert.equal((await app.request('/demo/session', { method: 'POST' })).status, 404);
    });

    it('serves the demo console at /', async () => {
      const app = appWithAssets({ demoIndex: '<!doctype html><title>demo</title>' });
      const res = await app.request('/');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('Content-Type') ?? '', /text\/html/);
      assert.match(await res.text(), /<title>demo<\/title>/);
    });
  });
});
