import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createJsonLogger } from '../ops/logger.js';
import { createTestApp, SECRET_KEY } from '../test/harness.js';

function appWithLogs() {
  const lines: string[] = [];
  const t = createTestApp({ ops: { logger: createJsonLogger({ write: (line) => lines.push(line) }) } });
  const requests = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['msg'] === 'request');
  return { t, lines, requests };
}

describe('request logs', () => {
  test('one JSON line per request: id, method, route pattern, status, duration', async () => {
    const { t, lines, requests } = appWithLogs();
    const account = await t.openAccount();
    const secret = await t.mintSession(account.id);
    lines.length = 0;

    const res = await t.app.request('/v1/topups/tu_unknown', { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(res.status, 404);
    const [line, ...others] = requests();
    assert.equal(others.length, 0);
    assert.ok(line);
    assert.equal(line['level'], 'info');
    assert.equal(typeof line['time'], 'number');
    assert.equal(line['request_id'], res.headers.get('X-Request-Id'));
    assert.equal(line['method'], 'GET');
    assert.equal(line['route'], '/v1/topups/:id');
    assert.equal(line['status'], 404);
    assert.ok(typeof line['duration_ms'] === 'number' && line['duration_ms'] >= 0);
    assert.ok(lines.every((text) => text.endsWith('\n') && !text.slice(0, -1).includes('\n')));
  });

  test('requests no route claims are logged as "unmatched", not by their raw path', async () => {
    const { t, requests } = appWithLogs();
    await t.app.request('/wp-admin/install.php?x=1');
    await t.app.request('/v1/no-such-thing');
    assert.deepEqual(
      requests().map((line) => [line['route'], line['status']]),
      [
        ['unmatched', 404],
        ['unmatched', 404],
      ],
    );
  });

  test('refused requests are logged with the route that refused them', async () => {
    const { t, requests } = appWithLogs();
    await t.partner('GET', '/v1/accounts', undefined, 'wrong-key');
    await t.raw('POST', '/v1/accounts', 'x'.repeat(70 * 1024), { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' });
    assert.deepEqual(
      requests().map((line) => [line['method'], line['route'], line['status']]),
      [
        ['GET', '/v1/accounts', 401],
        ['POST', '/*', 413],
      ],
    );
  });

  test('never logs the partner key, client secrets or the Authorization header', async () => {
    const { t, lines } = appWithLogs();
    const account = await t.openAccount();
    const secret = await t.mintSession(account.id, ['topup']);
    await t.widget(secret, 'GET', '/v1/balance');
    await t.widget(`${secret}x`, 'GET', '/v1/balance');
    await t.widget(secret, 'POST', '/v1/topups', { amount: { amount: '1e9', currency: 'USD' } });
    const stream = await t.app.request(`/v1/events?client_secret=${secret}`);
    await stream.body?.cancel();
    await t.partner('GET', `/v1/accounts/${account.id}`, undefined, `${SECRET_KEY}-wrong`);
    const output = lines.join('');
    assert.ok(lines.length >= 7);
    for (const secretText of [SECRET_KEY, secret, 'Bearer', 'client_secret']) {
      assert.ok(!output.includes(secretText), `the logs contain ${secretText.slice(0, 8)}…`);
    }
  });
});
