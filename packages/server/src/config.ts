import { z } from 'zod';
import { isBrandColor } from './pages/brand.js';
import { DEFAULT_PATHS } from './paths.js';
import { INBOX_LEASE_MS, INBOX_SWEEP_INTERVAL_MS } from './domain/meta/webhook-inbox.js';

const OriginListSchema = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const origins = (value ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
    for (const origin of origins) {
      if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
        ctx.addIssue({ code: 'custom', message: `${origin} is not an origin such as https://console.example.com` });
      }
    }
    return origins;
  });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(8787),
  WA_DB: z.string().min(1).default(DEFAULT_PATHS.database),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL').optional(),
  WA_SECRET_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  WA_ALLOWED_ORIGINS: OriginListSchema,
  WA_PUBLIC_URL: z.url().optional(),
  // Only these four spellings: `WA_DEMO=false` once meant demo ON, and a typo must not either.
  WA_DEMO: z
    .enum(['0', '1', 'true', 'false'], { message: 'must be 1 or true (demo), 0 or false (production); unset means production' })
    .optional()
    .transform((value) => value === '1' || value === 'true'),
  META_GRAPH_URL: z.url().optional(),
  META_ACCESS_TOKEN: z.string().optional(),
  META_APP_SECRET: z.string().min(1).optional(),
  WA_DEMO_SIMULATOR_INTERVAL_MS: z.coerce.number().int().min(0).default(4000),
  META_VERIFY_TOKEN: z.string().min(1).optional(),
  WA_HOST_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  WA_HOST_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  WA_HOST_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WA_PAYMENTS: z.enum(['sandbox', 'stripe']).optional(),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_…, sk_live_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'must be a Stripe webhook signing secret (whsec_…)').optional(),
  STRIPE_API_BASE: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://127.0.0.1:12111' }).optional(),
  WA_SANDBOX_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  WA_BRAND_NAME: z.string().max(80).optional(),
  WA_BRAND_COLOR: z.string().refine(isBrandColor, 'must be a hex colour such as #1f6feb').optional(),
  WA_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  WA_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  WA_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  WA_META_INBOX_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(INBOX_LEASE_MS),
  WA_META_INBOX_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(INBOX_SWEEP_INTERVAL_MS),
  WA_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

/** Settings of the Node process, read from the environment only. */
export interface ServerConfig {
  readonly port: number;
  /** SQLite file, or `:memory:`; unused when `databaseUrl` is set. */
  readonly databaseFile: string;
  /** `DATABASE_URL`: a `postgres://` URL switches the store to PostgreSQL (several instances may share it). */
  readonly databaseUrl: string | undefined;
  /** Absent when `WA_SECRET_KEY` is unset; demo mode then generates one. */
  readonly secretKey: string | undefined;
  readonly allowedOrigins: string[];
  readonly publicUrl: string | undefined;
  /** Seed the demo account and serve `POST /demo/session`: only with `WA_DEMO=1` or `true` (`npm start` sets it). */
  readonly demo: boolean;
  /** Graph API base with version; unset with no access token either, the demo simulator plays Meta. */
  readonly metaGraphUrl: string | undefined;
  readonly metaAccessToken: string | undefined;
  /** Key of Meta's `X-Hub-Signature-256`; the demo generates one for its simulator when unset. */
  readonly metaAppSecret: string | undefined;
  /** Pace of the demo simulator's status webhooks; 0 turns them off. */
  readonly demoSimulatorIntervalMs: number;
  /** Token of Meta's webhook handshake; demo mode generates one when unset. */
  readonly metaVerifyToken: string | undefined;
  /**
   * Where host events are POSTed, the key they are signed with, and how long one POST may take (an
   * event claimed by an instance that died is retried after 6× that); absent: they stay in the outbox.
   */
  readonly hostWebhook: { readonly url: string; readonly secret: string; readonly timeoutMs: number } | undefined;
  /** The payment provider: the built-in sandbox (default), or Stripe Checkout with its keys. */
  readonly payments:
    | { readonly provider: 'sandbox'; readonly webhookSecret: string | undefined }
    | {
        readonly provider: 'stripe';
        readonly secretKey: string;
        readonly webhookSecret: string;
        /** `STRIPE_API_BASE`: stripe-mock or a test double instead of api.stripe.com. */
        readonly apiBase: string | undefined;
      };
  /** Name and `#rrggbb`/`#rgb` colour on hosted pages; defaults when unset. */
  readonly brand: { readonly name: string | undefined; readonly color: string | undefined };
  /** Bearer token of `GET /metrics`; the partner key is accepted when unset. */
  readonly metricsToken: string | undefined;
  /** Reverse proxies in front that append to X-Forwarded-For (0: trust none, use the socket's peer). */
  readonly trustedProxies: number;
  /** Longest wait for in-flight requests on SIGTERM/SIGINT before their connections are cut. */
  readonly shutdownTimeoutMs: number;
  /** The Meta webhook inbox: a webhook's lease, renewed while it is applied, and how often the inbox is swept. */
  readonly metaInbox: { readonly leaseMs: number; readonly sweepIntervalMs: number };
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

/**
 * Reads and validates the environment.
 * @throws Error listing every invalid variable
 */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const { data } = parsed;
  if (!data.WA_DEMO) {
    // Outside the demo nothing may be guessed: links and checkouts must not take their host from a
    // request's Host header, and a sandbox that credits balances for free must be asked for by name.
    const missing = [
      !data.WA_SECRET_KEY && 'WA_SECRET_KEY',
      !data.WA_PUBLIC_URL && 'WA_PUBLIC_URL',
      !data.WA_PAYMENTS && 'WA_PAYMENTS (stripe, or sandbox for a test deployment)',
    ].filter(Boolean);
    if (missing.length > 0) {
      throw new Error(`invalid environment:\n  ${missing.join(', ')}: required outside demo mode (WA_DEMO unset, 0 or false)`);
    }
  }
  if (data.WA_HOST_WEBHOOK_URL && !data.WA_HOST_WEBHOOK_SECRET) {
    throw new Error('invalid environment:\n  WA_HOST_WEBHOOK_SECRET: required with WA_HOST_WEBHOOK_URL');
  }
  if (data.WA_PAYMENTS === 'stripe' && (!data.STRIPE_SECRET_KEY || !data.STRIPE_WEBHOOK_SECRET)) {
    throw new Error('invalid environment:\n  STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: required with WA_PAYMENTS=stripe');
  }
  const payments: ServerConfig['payments'] =
    data.WA_PAYMENTS === 'stripe' && data.STRIPE_SECRET_KEY && data.STRIPE_WEBHOOK_SECRET
      ? { provider: 'stripe', secretKey: data.STRIPE_SECRET_KEY, webhookSecret: data.STRIPE_WEBHOOK_SECRET, apiBase: data.STRIPE_API_BASE }
      : { provider: 'sandbox', webhookSecret: data.WA_SANDBOX_WEBHOOK_SECRET };
  return {
    payments,
    brand: { name: data.WA_BRAND_NAME, color: data.WA_BRAND_COLOR },
    metricsToken: data.WA_METRICS_TOKEN,
    trustedProxies: data.WA_TRUSTED_PROXIES,
    shutdownTimeoutMs: data.WA_SHUTDOWN_TIMEOUT_MS,
    metaInbox: { leaseMs: data.WA_META_INBOX_LEASE_MS, sweepIntervalMs: data.WA_META_INBOX_SWEEP_MS },
    logLevel: data.WA_LOG_LEVEL,
    port: data.PORT,
    databaseFile: data.WA_DB,
    databaseUrl: data.DATABASE_URL,
    secretKey: data.WA_SECRET_KEY,
    allowedOrigins: data.WA_ALLOWED_ORIGINS,
    publicUrl: data.WA_PUBLIC_URL,
    demo: data.WA_DEMO,
    metaGraphUrl: data.META_GRAPH_URL,
    metaAccessToken: data.META_ACCESS_TOKEN,
    metaAppSecret: data.META_APP_SECRET,
    demoSimulatorIntervalMs: data.WA_DEMO_SIMULATOR_INTERVAL_MS,
    metaVerifyToken: data.META_VERIFY_TOKEN,
    hostWebhook:
      data.WA_HOST_WEBHOOK_URL && data.WA_HOST_WEBHOOK_SECRET
        ? { url: data.WA_HOST_WEBHOOK_URL, secret: data.WA_HOST_WEBHOOK_SECRET, timeoutMs: data.WA_HOST_WEBHOOK_TIMEOUT_MS }
        : undefined,
  };
}
