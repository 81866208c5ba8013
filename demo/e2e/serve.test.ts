import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { StripeDouble } from '../../packages/server/src/test/stripe-double.js';
import { startStripeDouble } from '../../packages/server/src/test/stripe-double.js';
import { startBuiltServer, type DemoServer } from './demo-server.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const WEBHOOK_SECRET = 'whsec_e2e_serve_0123456789';

describe('npm run serve: the built server in production, Stripe at STRIPE_API_BASE', () => {
  let stripe: StripeDouble;
  let server: DemoServer;

  before(async () => {
    stripe = await startStripeDouble();
    server = await startBuiltServer({
      WA_SECRET_KEY: 'sk_live_e2e_serve_0123456789abcdef',
      WA_PUBLIC_URL: 'http://127.0.0.1:{port}',
      WA_PAYMENTS: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_e2e_serve',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: stripe.url,
    });
  });
  after(async () => {
    await server?.stop();
    await stripe?.close();
  });

  const partner = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${server.secretKey}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  test('seeds nothing, serves no demo route and no sandbox checkout', async () => {
    assert.match(server.output(), /"mode":"production"/);
    assert.deepEqual(((await (await partner('GET', '/v1/accounts')).json()) as { data: unknown[] }).data, []);
    assert.equal((await fetch(`${server.url}/demo/session`, { method: 'POST' })).status, 404);
    assert.equal((await fetch(`${server.url}/sandbox/checkout/cs_test_x`)).status, 404);
  });

  test('charges exactly 10000000 minor units for a 100,000 IDR top-up and credits exactly 100,000 IDR', async () => {
    const account = (await (
      await partner('POST', '/v1/accounts', { name: 'Toko Kopi', currency: 'IDR', waba_id: '300000000000001', phone_number_id: '300000000000002' })
    ).json()) as { id: string };
    const session = (await (await partner('POST', '/v1/widget-sessions', { account_id: account.id, permissions: ['topup'] })).json()) as {
      client_secret: string;
    };
    const topup = await fetch(`${server.url}/v1/topups`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.client_secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ amount: { amount: '100000', currency: 'IDR' } }),
    });
    assert.equal(topup.status, 201, await topup.clone().text());
    const checkout = stripe.sessions.at(-1);
    assert.ok(checkout);
    assert.equal(checkout.unitAmount, 10_000_000);
    assert.equal(checkout.currency, 'idr');
    assert.equal(checkout.successUrl, `${server.url}/checkout/complete?popup=1`);

    const { body, signature } = stripe.completedEvent(checkout.id, WEBHOOK_SECRET);
    const hook = await fetch(`${server.url}/webhooks/payments/stripe`, { method: 'POST', body, headers: { 'Stripe-Signature': signature } });
    assert.equal(hook.status, 200);
    const credited = (await (await partner('GET', `/v1/accounts/${account.id}`)).json()) as { balance: { amount: string; currency: string } };
    assert.deepEqual(credited.balance, { amount: '100000.00', currency: 'IDR' });
  });

  test('refuses to start with a WA_DEMO other than 0, 1, true or false, saying why', () => {
    const run = spawnSync(process.execPath, ['packages/server/dist/main.js'], {
      cwd: repoRoot,
      env: { PATH: process.env['PATH'] ?? '', WA_DEMO: 'yes', PORT: '1' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /WA_DEMO: must be 1 or true \(demo\), 0 or false \(production\)/);
  });
});
