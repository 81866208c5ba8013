import { createRoute, z } from '@hono/zod-openapi';
import { requireAccount } from '../domain/accounts.js';
import { adjustBalance } from '../domain/ledger.js';
import { LedgerEntrySchema, ledgerEntryJson } from './representations.js';
import type { RouteDeps } from './router.js';
import { createRouter, partnerSecurity } from './router.js';
import { AccountIdParamSchema, displayText, errorResponses, jsonBody, jsonResponse, MoneySchema, moneyFromJson } from './schemas.js';

const AdjustmentSchema = z
  .object({
    amount: MoneySchema.openapi({ description: 'Positive to credit, negative to debit' }),
    reason: displayText(z.string().trim().min(1).max(500)),
    idempotency_key: z.string().min(1).max(255),
  })
  .strict()
  .openapi('Adjustment');

/** Partner API: operator credits and debits, recorded in the ledger. */
export function adjustmentRoutes({ store, clock, auth }: RouteDeps) {
  const adjust = createRoute({
    method: 'post',
    path: '/v1/accounts/{id}/adjustments',
    tags: ['accounts'],
    summary: 'Credit or debit an account (idempotent by key)',
    security: partnerSecurity,
    middleware: [auth] as const,
    request: { params: AccountIdParamSchema, body: jsonBody(AdjustmentSchema) },
    responses: {
      201: jsonResponse(LedgerEntrySchema, 'The new ledger entry'),
      200: jsonResponse(LedgerEntrySchema, 'A replay: the entry first written under this idempotency key'),
      ...errorResponses(400, 401, 404, 409),
    },
  });

  return createRouter().openapi(adjust, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { entry, replayed } = await adjustBalance(store, clock, {
      accountId: id,
      amount: moneyFromJson(body.amount),
      reason: body.reason,
      idempotencyKey: body.idempotency_key,
    });
    const { currency } = await requireAccount(store, id);
    if (replayed) {
      c.header('Idempotent-Replayed', 'true');
      return c.json(ledgerEntryJson(entry, currency), 200);
    }
    return c.json(ledgerEntryJson(entry, currency), 201);
  });
}
