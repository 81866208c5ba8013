import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.js';
import { DEFAULT_PATHS } from './paths.js';

describe('loadConfig', () => {
  it('defaults to port 8787, data/wa.db and no allowed origins in demo mode', () => {
    const config = loadConfig({ WA_DEMO: '1' });
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
      metricsToken: undefined,
      trustedProxies: 0,
      shutdownTimeoutMs: 10_000,
      metaInbox: { leaseMs: 60_000, sweepIntervalMs: 15_000 },
      logLevel: 'info',
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
      WA_METRICS_TOKEN: 'metrics-token-0123456789',
      WA_TRUSTED_PROXIES: '1',
      WA_SHUTDOWN_TIMEOUT_MS: '2500',
      WA_META_INBOX_LEASE_MS: '2000',
      WA_META_INBOX_SWEEP_MS: '250',
      WA_LOG_LEVEL: 'warn',
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
      metricsToken: 'metrics-token-0123456789',
      trustedProxies: 1,
      shutdownTimeoutMs: 2500,
      metaInbox: { leaseMs: 2000, sweepIntervalMs: 250 },
      logLevel: 'warn',
    });
  });

  it('treats blank variables as unset', () => {
    assert.equal(loadConfig({ WA_DEMO: '1', PORT: '', WA_SECRET_KEY: '' }).port, 8787);
  });

  it('is in demo mode only when WA_DEMO is 1 or true', () => {
    const production = { WA_SECRET_KEY: 'sk_live_0123456789abcdef', WA_PUBLIC_URL: 'https://wa.example.com', WA_PAYMENTS: 'sandbox' };
    assert.equal(loadConfig({ ...production, WA_DEMO: '1' }).demo, true);
    assert.equal(loadConfig({ ...production, WA_DEMO: 'true' }).demo, true);
    assert.equal(loadConfig({ ...production, WA_DEMO: '0' }).demo, false);
    assert.equal(loadConfig({ ...production, WA_DEMO: 'false' }).demo, false);
    assert.equal(loadConfig(production).demo, false);
  });

  it('refuses any other WA_DEMO value with a message naming the accepted ones', () => {
    for (const value of ['yes', 'on', 'TRUE', '2', 'demo']) {
      assert.throws(() => loadConfig({ WA_DEMO: value }), /WA_DEMO: must be 1 or true \(demo\), 0 or false \(production\)/);
    }
  });

  it('is in production when WA_DEMO is unset or false, and then requires the secret key, public URL and provider', () => {
    assert.throws(() => loadConfig({}), /WA_SECRET_KEY, WA_PUBLIC_URL, WA_PAYMENTS.*required outside demo mode/);
    assert.throws(() => loadConfig({ WA_DEMO: 'false' }), /WA_SECRET_KEY, WA_PUBLIC_URL, WA_PAYMENTS/);
  });

  it('reads STRIPE_API_BASE for the Stripe provider, and refuses one that is not an http(s) URL', () => {
    const stripe = { WA_DEMO: '1', WA_PAYMENTS: 'stripe', STRIPE_SECRET_KEY: 'sk_test_51abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc123' };
    assert.deepEqual(loadConfig({ ...stripe, STRIPE_API_BASE: 'http://127.0.0.1:12111' }).payments, {
      provider: 'stripe',
      secretKey: 'sk_test_51abc',
      webhookSecret: 'whsec_abc123',
      apiBase: 'http://127.0.0.1:12111',
    });
    assert.throws(() => loadConfig({ ...stripe, STRIPE_API_BASE: 'ftp://stripe.test' }), /STRIPE_API_BASE/);
  });

  it('lists every invalid variable', () => {
    assert.throws(
      () => loadConfig({ WA_DEMO: '1', PORT: 'eighty', WA_ALLOWED_ORIGINS: 'https://a.example/path', WA_SECRET_KEY: 'short' }),
      (error: Error) => /PORT/.test(error.message) && /WA_ALLOWED_ORIGINS/.test(error.message) && /WA_SECRET_KEY/.test(error.message),
    );
  });

  it('reads the host webhook URL and secret, and requires the secret with the URL', () => {
    const config = loadConfig({ WA_DEMO: '1', WA_HOST_WEBHOOK_URL: 'https://host.example/wa-events', WA_HOST_WEBHOOK_SECRET: 'whsec_0123456789abcdef' });
    assert.deepEqual(config.hostWebhook, { url: 'https://host.example/wa-events', secret: 'whsec_0123456789abcdef', timeoutMs: 10_000 });
    const quick = loadConfig({ WA_DEMO: '1', WA_HOST_WEBHOOK_URL: 'https://host.example/wa-events', WA_HOST_WEBHOOK_SECRET: 'whsec_0123456789abcdef', WA_HOST_WEBHOOK_TIMEOUT_MS: '500' });
    assert.equal(quick.hostWebhook?.timeoutMs, 500);
    assert.throws(() => loadConfig({ WA_DEMO: '1', WA_HOST_WEBHOOK_URL: 'https://host.example/wa-events' }), /WA_HOST_WEBHOOK_SECRET/);
    assert.throws(() => loadConfig({ WA_DEMO: '1', WA_HOST_WEBHOOK_URL: 'ftp://host.example/x', WA_HOST_WEBHOOK_SECRET: 'whsec_0123456789abcdef' }), /WA_HOST_WEBHOOK_URL/);
  });

  it('requires a secret key, a public URL and a named payment provider outside demo mode', () => {
    assert.throws(() => loadConfig({ WA_DEMO: '0' }), /WA_SECRET_KEY, WA_PUBLIC_URL, WA_PAYMENTS/);
    const production = { WA_DEMO: '0', WA_SECRET_KEY: 'sk_live_0123456789abcdef', WA_PUBLIC_URL: 'https://wa.example.com' };
    assert.throws(() => loadConfig(production), /WA_PAYMENTS/);
    assert.equal(loadConfig({ ...production, WA_PAYMENTS: 'sandbox' }).payments.provider, 'sandbox');
  });

  it('reads the payment provider and brand, and refuses an incomplete Stripe setup or a bad colour', () => {
    const stripe = loadConfig({
      WA_DEMO: '1',
      WA_PAYMENTS: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_51abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      WA_BRAND_NAME: 'Acme Messaging',
      WA_BRAND_COLOR: '#0a7',
    });
    assert.deepEqual(stripe.payments, { provider: 'stripe', secretKey: 'sk_test_51abc', webhookSecret: 'whsec_abc123', apiBase: undefined });
    assert.deepEqual(stripe.brand, { name: 'Acme Messaging', color: '#0a7' });
    assert.deepEqual(loadConfig({ WA_DEMO: '1', WA_SANDBOX_WEBHOOK_SECRET: 'sandbox-secret-0123456789' }).payments, {
      provider: 'sandbox',
      webhookSecret: 'sandbox-secret-0123456789',
    });
    assert.throws(() => loadConfig({ WA_DEMO: '1', WA_PAYMENTS: 'stripe', STRIPE_SECRET_KEY: 'sk_test_51abc' }), /STRIPE_WEBHOOK_SECRET/);
    assert.throws(() => loadConfig({ WA_DEMO: '1', WA_PAYMENTS: 'paypal' }), /WA_PAYMENTS/);
    assert.throws(() => loadConfig({ WA_DEMO: '1', WA_BRAND_COLOR: 'red;}body{display:none' }), /WA_BRAND_COLOR/);
  });
});
