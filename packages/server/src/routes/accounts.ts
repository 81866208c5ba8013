import { createRoute, z } from '@hono/zod-openapi';
import { listAccounts, openAccount, requireAccount } from '../domain/accounts.js';
import { AccountSchema, accountJson } from './representations.js';
import type { RouteDeps } from './router.js';
import { createRouter, partnerSecurity } from './router.js';
import {
  AccountIdParamSchema,
  CurrencySchema,
  displayText,
  errorResponses,
  jsonBody,
  jsonResponse,
  MoneySchema,
  moneyFromJson,
} from './schemas.js';

const MetaIdSchema = z.string().regex(/^\d{1,32}$/, 'must be a numeric Meta id');

const OpenAccountSchema = z
  .object({
    name: displayText(z.string().trim().min(1).max(200)),
    currency: CurrencySchema,
    waba_id: MetaIdSchema.openapi({ example: '104996385912345' }),
    phone_number_id: MetaIdSchema.openapi({ example: '109876543210987' }),
    display_phone_number: z
      .string()
      .regex(/^\+?\d[\d ().-]{2,30}$/, 'must be a phone number such as "+1 555-010-4477"')
      .nullish(),
    business_portfolio_id: MetaIdSchema.nullish(),
    low_balance_threshold: MoneySchema.nullish(),
  })
  .strict()
  .openapi('OpenAccount');

const AccountListSchema = z
  .object({ data: z.array(AccountSchema), next_cursor: z.string().nullable() })
  .openapi('AccountList');

/** Partner API: open, read and list accounts. */
export function accountRoutes({ store, clock, auth }: RouteDeps) {
  const open = createRoute({
    method: 'post',
    path: '/v1/accounts',
    tags: ['accounts'],
    summary: 'Open an account for one WhatsApp number',
    security: partnerSecurity,
    middleware: [auth] as const,
    request: { body: jsonBody(OpenAccountSchema) },
    responses: {
      201: jsonResponse(AccountSchema, 'The new account, with a zero balance'),
      ...errorResponses(400, 401, 409),
    },
  });
  const list = createRoute({
    method: 'get',
    path: '/v1/accounts',
    tags: ['accounts'],
    summary: 'List accounts, oldest first',
    security: partnerSecurity,
    middleware: [auth] as const,
    request: {
      query: z.object({
        limit: z.coerce.number().int().min(1).max(100).default(25),
        cursor: z.string().min(1).max(512).optional(),
      }),
    },
    responses: { 200: jsonResponse(AccountListSchema, 'A page of accounts'), ...errorResponses(400, 401) },
  });
  const read = createRoute({
    method: 'get',
    path: '/v1/accounts/{id}',
    tags: ['accounts'],
    summary: 'Read an account and its balance',
    security: partnerSecurity,
    middleware: [auth] as const,
    request: { params: AccountIdParamSchema },
    responses: { 200: jsonResponse(AccountSchema, 'The account'), ...errorResponses(401, 404) },
  });

  return createRouter()
    .openapi(open, async (c) => {
      const body = c.req.valid('json');
      const account = await openAccount(store, clock, {
        name: body.name,
        currency: body.currency,
        wabaId: body.waba_id,
        phoneNumberId: body.phone_number_id,
        displayPhoneNumber: body.display_phone_number ?? null,
        businessPortfolioId: body.business_portfolio_id ?? null,
        lowBalanceThreshold: body.low_balance_threshold ? moneyFromJson(body.low_balance_threshold) : null,
      });
      return c.json(accountJson(account), 201);
    })
    .openapi(list, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await listAccounts(store, limit, cursor);
      return c.json({ data: page.accounts.map(accountJson), next_cursor: page.nextCursor }, 200);
    })
    .openapi(read, async (c) => {
      const account = await requireAccount(store, c.req.valid('param').id);
      return c.json(accountJson(account), 200);
    });
}
