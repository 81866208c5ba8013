import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createTestApp } from '../test/harness.js';
import { createJsonLogger } from './logger.js';
import { createGracefulShutdown } from './shutdown.js';

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** A server whose `GET /slow` answers when the test says so. */
async function serverWithSlowRoute() {
  const gate = deferred();
  const entered = deferred();
  const app = new Hono().get('/slow', async (c) => {
    entered.resolve();
    await gate.promise;
    return c.text('done');
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { server, gate, entered, url: `http://127.0.0.1:${port}/slow` };
}

function shutdownOf(server: Parameters<typeof createGracefulShutdown>[0]['server'], timeoutMs: number) {
  const steps: string[] = [];
  const lines: string[] = [];
  const closing = new AbortController();
  closing.signal.addEventListener('abort', () => steps.push('closing'));
  const shutdown = createGracefulShutdown({
    server,
    closing,
    stopWorkers: async () => void steps.push('workers'),
    closeStore: async () => void steps.push('store'),
    logger: createJsonLogger({ write: (line) => lines.push(line) }),
    timeoutMs,
  });
  return { shutdown, steps, lines };
}

describe('graceful shutdown', () => {
  test('lets an in-flight request finish, then stops workers and closes the database', async () => {
    const { server, gate, entered, url } = await serverWithSlowRoute();
    const response = fetch(url);
    await entered.promise;
    const { shutdown, steps } = shutdownOf(server, 5_000);
    let finished = false;
    const exit = shutdown('SIGTERM').then((code) => ((finished = true), code));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(finished, false, 'shutdown waits for the request');
    assert.deepEqual(steps, ['closing']);
    gate.resolve();
    assert.equal(await (await response).text(), 'done');
    assert.equal(await exit, 0);
    assert.deepEqual(steps, ['closing', 'workers', 'store']);
    assert.equal(await shutdown('SIGINT'), 0, 'a second signal joins the first shutdown');
  });

  test('cuts requests still running after the bound and exits non-zero', async () => {
    const { server, entered, url } = await serverWithSlowRoute();
    const response = fetch(url).then(
      () => 'answered',
      () => 'cut',
    );
    await entered.promise;
    const { shutdown, steps, lines } = shutdownOf(server, 150);
    assert.equal(await shutdown('SIGTERM'), 1);
    assert.equal(await response, 'cut');
    assert.deepEqual(steps, ['closing', 'workers', 'store']);
    assert.ok(lines.some((line) => JSON.parse(line).level === 'warn'));
  });

  test('the closing signal ends event streams with a last event, refuses new ones and fails the health check', async () => {
    const closing = new AbortController();
    const t = createTestApp({ ops: { closing: closing.signal } });
    const secret = await t.mintSession((await t.openAccount()).id);
    assert.equal((await t.app.request('/healthz')).status, 200);
    const stream = await t.app.request(`/v1/events?client_secret=${secret}`);
    const reading = stream.text();
    closing.abort();
    const text = await reading;
    assert.match(text, /event: shutdown\ndata: \{\}\n\n$/);
    const refused = await t.widget(secret, 'GET', '/v1/events');
    assert.equal(refused.status, 503);
    assert.equal(refused.body.error.code, 'shutting_down');
    const health = await t.raw('GET', '/healthz', undefined, {});
    assert.equal(health.status, 503);
    assert.equal(health.body.error.code, 'shutting_down');
  });
});
