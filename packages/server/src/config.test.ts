import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.js';
import { DEFAULT_PATHS } from './paths.js';

describe('loadConfig', () => {
  it('defaults to port 8787, data/wa.db, demo mode and no allowed origins', () => {
    const config = loadConfig({});
    assert.deepEqual(config, {
      port: 8787,
      databaseFile: DEFAULT_PATHS.database,
      databaseUrl: undefined,
      secretKey: undefined,
      allowedOrigins: [],
      publicUrl: undefined,
      demo: true,
      metaGraphUrl: undefined,
      metaAccessToken: undefined,
      metaAppSecret: undefined,
      demoSimulatorIntervalMs: 4000,
      metaVerifyToken: undefined,
      hostWebhook: undefined,
      payments: { provider: 'sandbox', webhookSecret: undefined },
      brand: { name: undefined, color: undefined },
    });
    assert.match(DEFAULT_PATHS.database, /data\/wa\.db$/);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8799',
      WA_DB: ':memory:',
      WA_SECRET_KEY: 'sk_live_0123456789abcdef',
      WA_ALLOWED_ORIGINS: 'https://a.example, http://localhost:5173',
      WA_PUBLIC_URL: 'https://wa.example.com',
      WA_DEMO: '0',
      WA_PAYMENTS: 'sandbox',
      META_GRAPH_URL: 'http://127.0.0.1:9999/v26.0',
      META_ACCESS_TOKEN: 'EAAJB-token',
      META_APP_SECRET: 'app-secret',
      WA_DEMO_SIMULATOR_INTERVAL_MS: '0',
      META_VERIFY_TOKEN: 'verify-token',
    });
    assert.deepEqual(config, {
      port: 8799,
      databaseFile: ':memory:',
      databaseUrl: undefined,
      secretKey: 'sk_live_0123456789abcdef',
      allowedOrigins: ['https://a.example', 'http://localhost:5173'],
      publicUrl: 'https://wa.example.com',
      demo: false,
      metaGraphUrl: 'http://127.0.0.1:9999/v26.0',
      metaAccessToken: 'EAAJB-token',
      metaAppSecret: 'app-secret',
      demoSimulatorIntervalMs: 0,
      metaVerifyToken: 'verify-token',
      hostWebhook: undefined,
      payments: { provider: 'sandbox', webhookSecret: undefined },
      brand: { name: undefined, color: undefined },
    });
  });

  it('treats blank variables as unset', () => {
    assert.equal(loadConfig({ PORT: '', WA_SECRET_KEY: '' }).port, 8787);
  });

  it('lists every invalid variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', WA_ALLOWED_ORIGINS: 'https://a.example/path', WA_SECRET_KEY: 'short' }),
      (error: Error) => /PORT/.test(error.message) && /WA_ALLOWED_ORIGINS/.test(error.message) && /WA_SECRET_KEY/.test(error.message),
    );
  });

  it('reads the host webhook URL and secret, and requires the secret with the URL', () => {
    const config = loadConfig({ WA_HOST_WEBHOOK_URL: 'https://host.example/wa-events', WA_HOST_WEBHOOK_SECRET: 'whsec_0123456789abcdef' });
    assert.deepEqual(config.hostWebhook, { url: 'https://host.example/wa-events', secret: 'whsec_0123456789abcdef', timeoutMs: 10_000 });
    const quick = loadConfig({ WA_HOST_WEBHOOK_URL: 'https://host.example/wa-events', WA_HOST_WEBHOOK_SECRET: 'whsec_0123456789abcdef', WA_HOST_WEBHOOK_TIMEOUT_MS: '500' });
    assert.equal(quick.hostWebhook?.timeoutMs, 500);
    assert.throws(() => loadConfig({ WA_HOST_WEBHOOK_URL: 'https://host.example/wa-events' }), /WA_HOST_WEBHOOK_SECRET/);
    assert.throws(() => loadConfig({ WA_HOST_WEBHOOK_URL: 'ftp://host.example/x', WA_HOST_WEBHOOK_SECRET: 'whsec_0123456789abcdef' }), /WA_HOST_WEBHOOK_URL/);
  });

  it('requires a secret key, a public URL and a named payment provider outside demo mode', () => {
    assert.throws(() => loadConfig({ WA_DEMO: '0' }), /WA_SECRET_KEY, WA_PUBLIC_URL, WA_PAYMENTS/);
    const production = { WA_DEMO: '0', WA_SECRET_KEY: 'sk_live_0123456789abcdef', WA_PUBLIC_URL: 'https://wa.example.com' };
    assert.throws(() => loadConfig(production), /WA_PAYMENTS/);
    assert.equal(loadConfig({ ...production, WA_PAYMENTS: 'sandbox' }).payments.provider, 'sandbox');
  });

  it('reads the payment provider and brand, and refuses an incomplete Stripe setup or a bad colour', () => {
    const stripe = loadConfig({
      WA_PAYMENTS: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_51abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      WA_BRAND_NAME: 'Acme Messaging',
      WA_BRAND_COLOR: '#0a7',
    });
    assert.deepEqual(stripe.payments, { provider: 'stripe', secretKey: 'sk_test_51abc', webhookSecret: 'whsec_abc123' });
    assert.deepEqual(stripe.brand, { name: 'Acme Messaging', color: '#0a7' });
    assert.deepEqual(loadConfig({ WA_SANDBOX_WEBHOOK_SECRET: 'sandbox-secret-0123456789' }).payments, {
      provider: 'sandbox',
      webhookSecret: 'sandbox-secret-0123456789',
    });
    assert.throws(() => loadConfig({ WA_PAYMENTS: 'stripe', STRIPE_SECRET_KEY: 'sk_test_51abc' }), /STRIPE_WEBHOOK_SECRET/);
    assert.throws(() => loadConfig({ WA_PAYMENTS: 'paypal' }), /WA_PAYMENTS/);
    assert.throws(() => loadConfig({ WA_BRAND_COLOR: 'red;}body{display:none' }), /WA_BRAND_COLOR/);
  });
});
