import type { Clock } from './domain/clock.js';
import type { DemoSimulator } from './demo/simulator/simulator.js';
import type { MetaGraph } from './providers/meta-graph/meta-graph.js';
import type { Brand } from './pages/brand.js';
import type { PaymentProvider } from './providers/payments/provider.js';
import type { ChangeHandlers } from './domain/meta/webhook-change.js';
import type { MetaWebhookInbox } from './domain/meta/webhook-inbox.js';
import type { LimitSource } from './domain/usage/limit-source.js';
import type { LiveEventBus } from './live/live-events.js';
import type { EventStreamOptions } from './routes/events.js';
import type { Store } from './store/store.js';
import type { Logger } from './ops/logger.js';
import type { AppMetrics } from './ops/metrics.js';
import type { DEFAULT_RATE_LIMITS, RateLimitRules } from './domain/rate-limits.js';

/** Settings of the HTTP application (the Node entry reads them from the environment). */
export interface AppConfig {
  /** The partner's secret key, expected as `Authorization: Bearer <secretKey>` on the partner API. */
  readonly secretKey: string;
  /** Origins (`https://console.example.com`) allowed to call the widget API from a browser. */
  readonly allowedOrigins: readonly string[];
  /**
   * Public base URL of this server (`WA_PUBLIC_URL`): every URL handed to payers and providers is
   * built from it. Unset (demo mode, tests), the request's origin is used.
   */
  readonly publicUrl?: string | undefined;
  /** Largest request body accepted on any route but Meta's webhooks (3 MB), in bytes (64 KB by default). */
  readonly maxBodyBytes?: number | undefined;
  /** Meta app secret (META_APP_SECRET): key of the webhooks' X-Hub-Signature-256. Unset: webhooks are refused. */
  readonly metaAppSecret?: string | undefined;
  /** META_VERIFY_TOKEN, expected in Meta's subscription handshake. Unset: the handshake is refused. */
  readonly metaVerifyToken?: string | undefined;
  /** Heartbeat and per-session limit of `GET /v1/events`. */
  readonly eventStream?: EventStreamOptions | undefined;
  /** The partner's name and colour on hosted pages (`WA_BRAND_NAME`, `WA_BRAND_COLOR`; neutral defaults). */
  readonly brand?: Partial<Brand> | undefined;
  /** Key of the sandbox provider's webhook signatures (`WA_SANDBOX_WEBHOOK_SECRET`); random per app when unset. */
  readonly sandboxWebhookSecret?: string | undefined;
  /**
   * Key that payment-link tokens are derived from (only their hashes are stored); derived from
   * `secretKey` when unset, so changing the secret key hides the URLs of older links in the list
   * (the links keep working for whoever holds them).
   */
  readonly linkTokenKey?: string | undefined;
  /** Rate limits over {@link DEFAULT_RATE_LIMITS}; a rule set to null is off. */
  readonly rateLimits?: Partial<RateLimitRules> | undefined;
  /**
   * Reverse proxies in front of the server that append to `X-Forwarded-For` (`WA_TRUSTED_PROXIES`,
   * 0 by default): the client address is read that many entries from the right, never further left.
   */
  readonly trustedProxies?: number | undefined;
  /** Bearer token of `GET /metrics` (`WA_METRICS_TOKEN`); the partner secret key when unset. */
  readonly metricsToken?: string | undefined;
}

/** Files served besides the API; each is optional and answers 404 with a hint when absent. */
export interface AppAssets {
  /**
   * The script-tag loader served at `/wa-widgets.js`; its chunks, in the `wa-widgets/` folder beside it, are
   * served at `/wa-widgets/<name>`.
   */
  readonly widgetsBundlePath?: string | undefined;
  /** The built demo console, served at `/`. */
  readonly demoDir?: string | undefined;
}

/** Demo mode: `POST /demo/session` mints an all-permission session for this account. */
export interface AppDemo {
  readonly accountId: string;
  /** Plays Meta for the demo account; enables `POST /demo/quality`. */
  readonly simulator?: DemoSimulator | undefined;
}

/** Everything {@link createApp} needs; nothing is read from globals or the environment. */
export interface AppDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly config: AppConfig;
  readonly assets?: AppAssets | undefined;
  readonly demo?: AppDemo | undefined;
  /** Meta's Graph API (or the demo simulator's stand-in); without it only webhook knowledge is served. */
  readonly metaGraph?: MetaGraph | undefined;
  /** Meta webhook handlers by `changes[].field`, besides the built-in `messages` (billing and usage). */
  readonly metaChangeHandlers?: ChangeHandlers | undefined;
  /**
   * Where large Meta webhooks wait to be applied (the app connects its dispatcher to it). The Node
   * entry starts its sweep and stops it on shutdown; absent, the app makes one that applies what
   * this instance stores, without sweeping for what others left.
   */
  readonly metaWebhookInbox?: MetaWebhookInbox | undefined;
  /**
   * The payment provider of top-ups and payment links (`WA_PAYMENTS`). Absent: the sandbox, whose
   * test checkout pages are then served; they never are with a real provider.
   */
  readonly paymentProvider?: PaymentProvider | undefined;
  /** The messaging limit of an account, for `GET /v1/usage/24h` (unknown by default). */
  readonly limitForAccount?: LimitSource | undefined;
  /**
   * The live-event bus behind `GET /v1/events` (one is created when absent). The app feeds it from
   * the store's committed changes (`store.changes`), so it hears changes made by other instances
   * and by workers as well as its own.
   */
  readonly liveEvents?: LiveEventBus | undefined;
  /** One JSON line per request (and whatever else the process logs); none when absent. */
  readonly logger?: Logger | undefined;
  /** The metrics behind `GET /metrics` (created when absent). */
  readonly metrics?: AppMetrics | undefined;
  /** Aborted when the process stops: event streams end, `/healthz` answers 503 so balancers drain. */
  readonly closing?: AbortSignal | undefined;
  /** Where unexpected errors are reported (console.error by default). */
  readonly logError?: ((message: string, error: unknown) => void) | undefined;
  /** Where expected operational failures are reported, e.g. Meta unreachable (ignored by default). */
  readonly logWarning?: ((message: string, error: unknown) => void) | undefined;
}
