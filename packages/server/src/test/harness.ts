import type { AppConfig, AppDeps } from '../app.js';
import { createApp } from '../app.js';
import type { ManualClock } from '../domain/clock.js';
import type { MetaGraph } from '../providers/meta-graph/meta-graph.js';
import type { PaymentProvider } from '../providers/payments/provider.js';
import { createManualClock } from '../domain/clock.js';
import type { LimitSource } from '../domain/usage/limit-source.js';
import type { LiveEventBus } from '../live/live-events.js';
import { MetaWebhookInbox } from '../domain/meta/webhook-inbox.js';
import { createLiveEventBus } from '../live/live-events.js';
import type { EventStreamOptions } from '../routes/events.js';
import type { Store } from '../store/store.js';
import { openTestStore } from './stores.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';

/** The partner secret key of test apps. */
export const SECRET_KEY = 'sk_test_0123456789abcdef0123456789abcdef';

/** Meta app secret and verify token of test apps. */
export const META_APP_SECRET = 'meta_app_secret_for_tests';
export const META_VERIFY_TOKEN = 'meta_verify_token_for_tests';

/** An allowed widget origin of test apps. */
export const ALLOWED_ORIGIN = 'https://console.partner.example';

/** A JSON response, read. */
export interface JsonResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * An in-process app over a fresh, empty database and a manual clock: SQLite in memory, or a
 * PostgreSQL schema of its own when `WA_TEST_STORE=postgres` (see `test/stores.ts`).
 */
export interface TestApp {
  app: ReturnType<typeof createApp>;
  store: Store;
  clock: ManualClock;
  /** The app's live-event bus. */
  liveEvents: LiveEventBus;
  /** The app's Meta webhook inbox (not sweeping on a timer: call `sweep()`). */
  inbox: MetaWebhookInbox;
  errors: unknown[];
  /** Calls the partner API with the secret key (or `auth`, or none when `auth` is null). */
  partner<T = any>(method: string, path: string, body?: unknown, auth?: string | null): Promise<JsonResponse<T>>;
  /** Calls the widget API with a client secret. */
  widget<T = any>(secret: string | null, method: string, path: string, body?: unknown): Promise<JsonResponse<T>>;
  /** Sends a raw body with the given headers. */
  raw<T = any>(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<JsonResponse<T>>;
  /** Opens an account through the partner API; returns its JSON. */
  openAccount(overrides?: Record<string, unknown>): Promise<any>;
  /** Mints a widget session through the partner API; returns the client secret. */
  mintSession(accountId: string, permissions?: string[], ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

let phoneSeq = 100_000_000_000_000;

/** Creates a {@link TestApp}. */
export function createTestApp(
  options: {
    demoAccountId?: string;
    metaGraph?: MetaGraph;
    limitForAccount?: LimitSource;
    eventStream?: EventStreamOptions;
    /** Overrides the sandbox payment provider (e.g. Stripe against msw, or a sandbox with a known secret). */
    paymentProvider?: PaymentProvider;
    clock?: ManualClock;
    /** The database (a fresh one of the test engine by default); two apps on one store are two instances. */
    store?: Store;
    /** A database file instead of a fresh in-memory database (e.g. for two apps on one file). */
    file?: string;
    /** WA_PUBLIC_URL of the app. */
    publicUrl?: string;
    /** Settings over the test defaults. */
    config?: Partial<AppConfig>;
    /** Operations wiring: a logger, the closing signal. */
    ops?: Pick<AppDeps, 'logger' | 'metrics' | 'closing'>;
    /** The lease of the Meta webhook inbox (60 s by default). */
    inboxLeaseMs?: number;
  } = {},
): TestApp {
  const store = options.store ?? (options.file ? openSqliteStore({ file: options.file }) : openTestStore());
  const clock = options.clock ?? createManualClock();
  const errors: unknown[] = [];
  const liveEvents = createLiveEventBus((error) => errors.push(error));
  const inbox = new MetaWebhookInbox({ store, clock, logError: (_message, error) => errors.push(error), random: () => 0, leaseMs: options.inboxLeaseMs });
  const app = createApp({
    store,
    clock,
    liveEvents,
    metaWebhookInbox: inbox,
    config: {
      secretKey: SECRET_KEY,
      allowedOrigins: [ALLOWED_ORIGIN],
      metaAppSecret: META_APP_SECRET,
      metaVerifyToken: META_VERIFY_TOKEN,
      eventStream: options.eventStream,
      publicUrl: options.publicUrl,
      ...options.config,
    },
    limitForAccount: options.limitForAccount,
    demo: options.demoAccountId ? { accountId: options.demoAccountId } : undefined,
    metaGraph: options.metaGraph,
    paymentProvider: options.paymentProvider,
    logError: (_message, error) => errors.push(error),
    ...options.ops,
  });

  const raw: TestApp['raw'] = async (method, path, body, headers) => {
    const res = await app.request(path, { method, body, headers });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  };
  const call = (method: string, path: string, body: unknown, auth: string | null) => {
    const headers: Record<string, string> = {};
    if (auth !== null) headers['Authorization'] = `Bearer ${auth}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return raw(method, path, body === undefined ? undefined : JSON.stringify(body), headers);
  };

  const testApp: TestApp = {
    app,
    store,
    clock,
    liveEvents,
    inbox,
    errors,
    partner: (method, path, body, auth = SECRET_KEY) => call(method, path, body, auth),
    widget: (secret, method, path, body) => call(method, path, body, secret),
    raw,
    async openAccount(overrides = {}) {
      const res = await call(
        'POST',
        '/v1/accounts',
        {
          name: 'Test Bakery',
          currency: 'USD',
          waba_id: '200000000000001',
          phone_number_id: String(phoneSeq++),
          ...overrides,
        },
        SECRET_KEY,
      );
      if (res.status !== 201) throw new Error(`openAccount: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async mintSession(accountId, permissions, ttlSeconds) {
      const res = await call(
        'POST',
        '/v1/widget-sessions',
        { account_id: accountId, permissions, ttl_seconds: ttlSeconds },
        SECRET_KEY,
      );
      if (res.status !== 201) throw new Error(`mintSession: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.client_secret as string;
    },
    async close() {
      await inbox.settled();
      await store.close();
    },
  };
  return testApp;
}
