import { createRoute, z } from '@hono/zod-openapi';
import {
  cancelPaymentLink,
  createPaymentLink,
  LINK_EXPIRY_HOURS,
  LINK_LIST_LIMIT,
  LINK_NOTE_MAX,
} from '../domain/payments/payment-links.js';
import type { PaymentsDeps } from '../domain/payments/payments-service.js';
import type { WidgetEnv } from '../middleware/widget-session.js';
import { requireSessionPermission } from '../middleware/widget-session.js';
import type { PaymentLink } from '../domain/payments/payment.js';
import { PaymentLinkSchema, paymentLinkJson, publicBaseUrl } from './payment-representations.js';
import type { RateLimiter } from '../middleware/rate-limit.js';
import type { RouteDeps } from './router.js';
import { createRouter, widgetSecurity } from './router.js';
import { displayText, errorResponses, jsonBody, jsonResponse, MoneySchema, moneyFromJson } from './schemas.js';

const NewPaymentLinkSchema = z
  .object({
    amount: MoneySchema,
    expires_in_hours: z.number().int().min(LINK_EXPIRY_HOURS.min).max(LINK_EXPIRY_HOURS.max).optional(),
    note: displayText(z.string().max(LINK_NOTE_MAX)).nullable().optional(),
  })
  .strict()
  .openapi('NewPaymentLink');
const PaymentLinkListSchema = z.object({ data: z.array(PaymentLinkSchema) }).openapi('PaymentLinkList');
const LinkIdParamSchema = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, example: 'pl_5vQbH2m9qfZC0hMvW1nU7w' }),
});

/** Widget API: payment links of the session's account (writes need permission `payment_links`). */
export function paymentLinkRoutes({
  store,
  clock,
  auth,
  payments,
  publicUrl,
  limits,
}: RouteDeps<WidgetEnv> & { readonly payments: PaymentsDeps; readonly publicUrl: string | undefined; readonly limits: RateLimiter }) {
  const json = (link: PaymentLink, baseUrl: string) => paymentLinkJson(link, payments.linkTokens.tokenOf(link), baseUrl, clock.now());
  const create = createRoute({
    method: 'post',
    path: '/v1/payment-links',
    tags: ['widget'],
    summary: 'Create a payment link (permission payment_links)',
    security: widgetSecurity,
    middleware: [auth, requireSessionPermission('payment_links'), limits.middleware<WidgetEnv>('link_create', (c) => c.get('session').accountId)] as const,
    request: { body: jsonBody(NewPaymentLinkSchema) },
    responses: { 201: jsonResponse(PaymentLinkSchema, 'The open link'), ...errorResponses(400, 401, 403, 429) },
  });
  const list = createRoute({
    method: 'get',
    path: '/v1/payment-links',
    tags: ['widget'],
    summary: `The account's newest payment links (at most ${LINK_LIST_LIMIT})`,
    security: widgetSecurity,
    middleware: [auth] as const,
    responses: { 200: jsonResponse(PaymentLinkListSchema, 'Newest first'), ...errorResponses(401) },
  });
  const cancel = createRoute({
    method: 'delete',
    path: '/v1/payment-links/{id}',
    tags: ['widget'],
    summary: 'Cancel a payment link (permission payment_links) and close its open checkout; cancelling twice is harmless',
    security: widgetSecurity,
    middleware: [auth, requireSessionPermission('payment_links')] as const,
    request: { params: LinkIdParamSchema },
    responses: { 200: jsonResponse(PaymentLinkSchema, 'The cancelled link'), ...errorResponses(401, 403, 404, 409) },
  });

  return createRouter<WidgetEnv>()
    .openapi(create, async (c) => {
      const body = c.req.valid('json');
      const link = await createPaymentLink(payments, c.get('session').accountId, {
        amount: moneyFromJson(body.amount),
        expiresInHours: body.expires_in_hours,
        note: body.note,
      });
      return c.json(json(link, publicBaseUrl(c.req.url, publicUrl)), 201);
    })
    .openapi(list, async (c) => {
      const links = await store.listPaymentLinks(c.get('session').accountId, LINK_LIST_LIMIT);
      const baseUrl = publicBaseUrl(c.req.url, publicUrl);
      return c.json({ data: links.map((link) => json(link, baseUrl)) }, 200);
    })
    .openapi(cancel, async (c) => {
      const link = await cancelPaymentLink(payments, c.get('session').accountId, c.req.valid('param').id);
      return c.json(json(link, publicBaseUrl(c.req.url, publicUrl)), 200);
    });
}
