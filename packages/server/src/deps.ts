import type { Clock } from './domain/clock.js';
import type { DemoSimulator } from './demo/simulator/simulator.js';
import type { MetaGraph } from './providers/meta-graph/meta-graph.js';
import type { Brand } from './pages/brand.js';
import type { PaymentProvider } from './providers/payments/provider.js';
import type { ChangeHandlers } from './domain/meta/webhook-change.js';
import type { LimitSource } from './domain/usage/limit-source.js';
import type { LiveEventBus } from './live/live-events.js';
import type { EventStreamOptions } from './routes/events.js';
import type { Store } from './store/store.js';

/** Settings of the HTTP application (the Node entry reads them from the environment). */
export interface AppConfig {
  /** The partner's secret key, expected as `Authorization: Bearer <secretKey>` on the partner API. */
  readonly secretKey: string;
  /** Origins (`https://console.example.com`) allowed to call the widget API from a browser. */
  readonly allowedOrigins: readonly string[];
  /** Public base URL of this server, when it differs from what requests show. */
  readonly publicUrl?: string | undefined;
  /** Largest request body accepted on /v1, in bytes (64 KB by default). */
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
}

/** Files served besides the API; each is optional and answers 404 with a hint when absent. */
export interface AppAssets {
  /** The script-tag bundle served at `/wa-widgets.js`. */
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
  /** Where unexpected errors are reported (console.error by default). */
  readonly logError?: ((message: string, error: unknown) => void) | undefined;
  /** Where expected operational failures are reported, e.g. Meta unreachable (ignored by default). */
  readonly logWarning?: ((message: string, error: unknown) => void) | undefined;
}
