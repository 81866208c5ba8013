import { randomBytes } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import { demoRoutes } from './demo/routes.js';
import { demoQualityRoutes } from './demo/simulator/routes.js';
import type { AppDeps } from './deps.js';
import { createPhoneStatusService } from './domain/quality/phone-status-service.js';
import { createLiveEventBus } from './live/live-events.js';
import { publishStoreChanges } from './live/publish-store-changes.js';
import { bodyLimits } from './middleware/body-limits.js';
import { balancePayload } from './routes/balance-payload.js';
import { qualityJson, quotaJson } from './routes/quality-representations.js';
import { eventStreamAuth } from './middleware/event-stream-auth.js';
import { securityHeaders } from './middleware/security-headers.js';
import { widgetCors as allowListCors } from './middleware/widget-cors.js';
import { errorBody, errorHandler, notFoundHandler, validationHook } from './middleware/errors.js';
import { partnerAuth } from './middleware/partner-auth.js';
import { requestId } from './middleware/request-id.js';
import { clientAddress } from './middleware/client-address.js';
import { createRateLimiter } from './middleware/rate-limit.js';
import { DEFAULT_RATE_LIMITS } from './domain/rate-limits.js';
import { requestLog } from './middleware/request-log.js';
import { createMetrics } from './ops/metrics.js';
import { metricsRoutes } from './routes/metrics.js';
import { widgetSessionAuth } from './middleware/widget-session.js';
import { messagesChangeHandler } from './domain/meta/messages-handler.js';
import { MetaWebhookInbox } from './domain/meta/webhook-inbox.js';
import { storedLimitSource } from './domain/quality/limits.js';
import { qualityWebhookHandlers } from './domain/quality/webhook-handlers.js';
import { accountPricingRoutes } from './routes/account-pricing.js';
import { accountRoutes } from './routes/accounts.js';
import { adjustmentRoutes } from './routes/adjustments.js';
import { alertRoutes } from './routes/alerts.js';
import { assetRoutes } from './routes/assets.js';
import { balanceRoutes } from './routes/balance.js';
import { frequencyCapRoutes, marketingSendRoutes } from './routes/frequency-cap.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { MAX_META_WEBHOOK_BYTES, metaWebhookRoutes } from './routes/meta-webhooks.js';
import { QUALITY_HISTORY_LIMIT, qualityRoutes } from './routes/quality.js';
import { rateCardRoutes } from './routes/rate-card.js';
import { statementRoutes } from './routes/statement.js';
import { usageRoutes } from './routes/usage.js';
import { widgetAccountRoutes } from './routes/widget-account.js';
import { widgetSessionRoutes } from './routes/widget-sessions.js';
import { linkTokens } from './domain/payments/link-tokens.js';
import type { PaymentsDeps } from './domain/payments/payments-service.js';
import { DEFAULT_BRAND } from './pages/brand.js';
import { SandboxPaymentProvider } from './providers/payments/sandbox.js';
import { paymentLinkRoutes } from './routes/payment-links.js';
import { paymentWebhookRoutes } from './routes/payment-webhooks.js';
import { payPageRoutes } from './routes/pay-pages.js';
import { sandboxCheckoutRoutes } from './routes/sandbox-checkout.js';
import { topupRoutes } from './routes/topups.js';

export type { AppAssets, AppConfig, AppDemo, AppDeps } from './deps.js';

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/** Every method but GET and HEAD may carry a body (OPTIONS included, as RFC 9110 allows). */
const METHODS_WITH_BODY = ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Builds the HTTP application: shared middleware, then the partner API (secret key), the widget
 * API (widget session, CORS for the configured origins), health, the OpenAPI document, demo and
 * static assets. Runtime-neutral apart from static files; the Node entry is `main.ts`.
 */
export function createApp(deps: AppDeps): OpenAPIHono<{ Variables: RequestIdVariables }> {
  const { clock, config } = deps;
  const liveEvents = deps.liveEvents ?? createLiveEventBus();
  const { store } = deps;
  const app = new OpenAPIHono<{ Variables: RequestIdVariables }>({ defaultHook: validationHook });

  const metrics = deps.metrics ?? createMetrics({ store, clock });
  app.use(requestId());
  app.use(requestLog({ logger: deps.logger, metrics }));
  app.use(securityHeaders());
  // Every route, public pages and webhooks included; only Meta's webhooks may be larger. Registered
  // for the methods that carry a body only: a GET or HEAD has none to limit, and the router leaves
  // the limiter out of its chain (Hono's `bodyLimit` would ask for the body stream, which on
  // @hono/node-server turns the lightweight request into a full Fetch `Request`).
  app.on(
    METHODS_WITH_BODY,
    '*',
    bodyLimits({
      defaultMaxBytes: config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      byPath: { '/webhooks/meta': MAX_META_WEBHOOK_BYTES },
    }),
  );

  const partner = { store, clock, auth: partnerAuth(config.secretKey) };
  const widget = { store, clock, auth: widgetSessionAuth(store, clock) };
  const limits = createRateLimiter(store, clock, { ...DEFAULT_RATE_LIMITS, ...config.rateLimits });
  const phoneStatus = createPhoneStatusService({
    store,
    clock,
    metaGraph: deps.metaGraph,
    onGraphError: (accountId, error) => deps.logWarning?.(`Meta Graph read failed for account ${accountId}`, error),
  });
  const paymentProvider =
    deps.paymentProvider ??
    new SandboxPaymentProvider({ secret: config.sandboxWebhookSecret ?? randomBytes(32).toString('base64url'), clock, checkouts: store });
  // Live events follow the store's committed changes, whichever instance committed them.
  publishStoreChanges({
    store,
    bus: liveEvents,
    balanceOf: (account) => balancePayload(store, clock, account),
    phoneStatusOf: async (account) => {
      const view = await phoneStatus.read(account, { purpose: 'quality' });
      const history = await store.phoneStatus.listQualityHistory(account.id, QUALITY_HISTORY_LIMIT);
      return { quality: qualityJson(view, history), quota: quotaJson(account, view) };
    },
    logError: deps.logError ?? console.error,
  });
  const payments: PaymentsDeps = {
    store,
    clock,
    provider: paymentProvider,
    logWarning: deps.logWarning ?? (() => {}),
    linkTokens: linkTokens(config.linkTokenKey ?? `${config.secretKey}:payment-link-tokens`),
  };
  const brand = { name: config.brand?.name ?? DEFAULT_BRAND.name, color: config.brand?.color ?? DEFAULT_BRAND.color };
  const events = eventRoutes(
    { store, clock, auth: eventStreamAuth(store, clock), streams: metrics.streams, closing: deps.closing },
    liveEvents,
    config.eventStream,
  );
  const partnerApi = [
    accountRoutes(partner),
    adjustmentRoutes(partner),
    widgetSessionRoutes({ ...partner, liveEvents, limits }),
    accountPricingRoutes(partner),
    marketingSendRoutes(partner),
  ];
  const widgetApi = [
    widgetAccountRoutes({ ...widget, phoneStatus }),
    balanceRoutes(widget),
    alertRoutes(widget),
    qualityRoutes({ ...widget, phoneStatus }),
    usageRoutes({ ...widget, limitForAccount: deps.limitForAccount ?? storedLimitSource(store) }),
    statementRoutes(widget),
    frequencyCapRoutes(widget),
    topupRoutes({ ...widget, payments, publicUrl: config.publicUrl, limits }),
    paymentLinkRoutes({ ...widget, payments, publicUrl: config.publicUrl, limits }),
    events,
  ];
  // Partner and widget share GET /v1/rate-card: one router tells them apart by the bearer token.
  const rateCard = rateCardRoutes({ store, clock, partnerAuth: partner.auth, widgetAuth: widget.auth });

  // CORS goes on the widget paths only: the partner API is server-to-server and a browser must
  // never be invited to call it with the secret key.
  const widgetCors = allowListCors({
    origins: config.allowedOrigins,
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['Content-Disposition'],
    maxAgeSeconds: 600,
  });
  for (const path of pathsOf([...widgetApi, rateCard])) app.use(path, widgetCors);

  const { closing } = deps;
  if (closing) app.get('/healthz', (c, next) => (closing.aborted ? c.json(errorBody('shutting_down', 'draining'), 503) : next()));
  app.route('/', healthRoutes(store));
  app.route('/', metricsRoutes({ metrics, token: config.metricsToken ?? config.secretKey }));
  for (const router of partnerApi) app.route('/', router);
  for (const router of widgetApi) app.route('/', router);
  app.route('/', rateCard);
  app.route(
    '/',
    metaWebhookRoutes({
      store,
      clock,
      appSecret: config.metaAppSecret,
      verifyToken: config.metaVerifyToken,
      handlers: {
        messages: messagesChangeHandler({ store, clock, logError: deps.logError }),
        ...qualityWebhookHandlers({
          store,
          onIgnored: (reason, change) => store.countWebhookEvent(`ignored_${reason}`, change.field, change.receivedAt),
        }),
        ...deps.metaChangeHandlers,
      },
      logError: deps.logError,
      observe: metrics.webhooks,
      inbox: deps.metaWebhookInbox ?? new MetaWebhookInbox({ store, clock, logError: deps.logError }),
    }),
  );
  app.route('/', paymentWebhookRoutes(payments));
  const addressOf = (c: Context) => clientAddress(c, config.trustedProxies ?? 0);
  app.route('/', payPageRoutes({ payments, brand, publicUrl: config.publicUrl, limits, clientAddress: addressOf }));
  if (paymentProvider instanceof SandboxPaymentProvider) {
    app.route(
      '/',
      sandboxCheckoutRoutes({ sandbox: paymentProvider, clock, brand, allowedOrigins: config.allowedOrigins, publicUrl: config.publicUrl }),
    );
    // Its webhooks go through the app itself, so they take the exact path a real provider's would.
    paymentProvider.connect((path, init) => app.request(path, init));
  }
  if (deps.demo) app.route('/', demoRoutes(store, clock, deps.demo.accountId));
  if (deps.demo?.simulator) app.route('/', demoQualityRoutes(deps.demo.simulator, deps.demo.accountId, store, phoneStatus));

  app.openAPIRegistry.registerComponent('securitySchemes', 'partnerKey', {
    type: 'http',
    scheme: 'bearer',
    description: "The partner's secret key (WA_SECRET_KEY); server-to-server only",
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'widgetSession', {
    type: 'http',
    scheme: 'bearer',
    description: 'A widget session client secret (ws_…) minted by POST /v1/widget-sessions',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'wa-widgets API', version: '1.0.0' },
    servers: config.publicUrl ? [{ url: config.publicUrl }] : [],
  });

  if (deps.assets) app.route('/', assetRoutes(deps.assets));

  app.onError(errorHandler(deps.logError));
  app.notFound(notFoundHandler);
  return app;
}

function pathsOf(routers: readonly { routes: readonly { path: string }[] }[]): Set<string> {
  return new Set(routers.flatMap((router) => router.routes.map((route) => route.path)));
}
