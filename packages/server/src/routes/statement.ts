import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../domain/sessions.js';
import type { Statement } from '../domain/statement.js';
import {
  readStatement,
  STATEMENT_CSV_COLUMNS,
  STATEMENT_PAGE_SIZE,
  statementCsv,
  statementCsvFilename,
} from '../domain/statement.js';
import type { WidgetEnv } from '../middleware/widget-session.js';
import type { RouteDeps } from './router.js';
import { createRouter, widgetSecurity } from './router.js';
import { errorResponses, MoneySchema, moneyJson, TimestampSchema } from './schemas.js';

const InstantSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .openapi({ description: 'An ISO-8601 instant, or a date meaning its midnight UTC', example: '2025-01-01' });

const StatementQuerySchema = z.object({
  from: InstantSchema.optional().openapi({ description: 'Inclusive; the beginning of the ledger when absent' }),
  to: InstantSchema.optional().openapi({ description: 'Exclusive; no end when absent' }),
  type: z.enum(['credit', 'debit']).optional(),
  kind: z.enum(['message', 'topup', 'payment_link', 'adjustment']).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(STATEMENT_PAGE_SIZE.max)
    .default(STATEMENT_PAGE_SIZE.default)
    .openapi({ description: `Entries per page (JSON only), ${STATEMENT_PAGE_SIZE.default} by default` }),
  cursor: z.string().min(1).max(512).optional().openapi({ description: 'next_cursor of the previous page' }),
  format: z
    .enum(['json', 'csv'])
    .default('json')
    .openapi({ description: 'csv (permission statement:export) streams the whole range, oldest first' }),
});

const StatementEntrySchema = z
  .object({
    id: z.string(),
    at: TimestampSchema,
    type: z.enum(['credit', 'debit']),
    kind: z.enum(['adjustment', 'topup', 'payment_link', 'message']),
    amount: MoneySchema,
    balance_after: MoneySchema,
    description: z.string(),
    reference: z.string().nullable(),
    details: z.object({
      category: z.string().optional(),
      market: z.string().optional(),
      message_id: z.string().optional(),
      priced: z.boolean().optional(),
    }),
  })
  .openapi('StatementEntry');

const StatementSchema = z
  .object({
    entries: z.array(StatementEntrySchema).openapi({ description: 'Newest first' }),
    next_cursor: z.string().nullable(),
    opening_balance: MoneySchema.openapi({ description: 'The balance just before `from`, whatever the filters' }),
    closing_balance: MoneySchema.openapi({ description: 'The balance at `to`, whatever the filters' }),
    daily_totals: z
      .array(z.object({ date: z.string().openapi({ example: '2025-01-15' }), credits: MoneySchema, debits: MoneySchema }))
      .openapi({ description: "Whole-UTC-day totals (within range and filters) of the page's days; debits are negative" }),
    unpriced_messages: z
      .object({
        count: z.number().int(),
        newest: z.array(
          z.object({ at: TimestampSchema, message_id: z.string(), category: z.string().nullable(), market: z.string() }),
        ),
      })
      .openapi({
        description:
          'Delivered billable messages of the range for which the rate card had no price: not charged, so not in the ledger; the count, and the newest 20',
      }),
  })
  .openapi('Statement');

/** Widget API: the session's account statement, as JSON pages or a streamed CSV export. */
export function statementRoutes({ store, auth }: RouteDeps<WidgetEnv>) {
  const read = createRoute({
    method: 'get',
    path: '/v1/statement',
    tags: ['widget'],
    summary: 'Ledger statement: a page of entries (JSON) or the whole range (CSV, permission statement:export)',
    security: widgetSecurity,
    middleware: [auth] as const,
    request: { query: StatementQuerySchema },
    responses: {
      200: {
        description: 'A page of the statement, or the CSV export',
        content: {
          'application/json': { schema: StatementSchema },
          'text/csv': { schema: z.string().openapi({ description: `Header: ${STATEMENT_CSV_COLUMNS.join(',')}` }) },
        },
      },
      ...errorResponses(400, 401, 403),
    },
  });

  return createRouter<WidgetEnv>().openapi(read, async (c) => {
    const query = c.req.valid('query');
    const range = {
      accountId: c.get('session').accountId,
      from: query.from === undefined ? null : new Date(query.from),
      to: query.to === undefined ? null : new Date(query.to),
      type: query.type,
      kind: query.kind,
    };
    if (query.format === 'csv') {
      requirePermission(c.get('session'), 'statement:export');
      const chunks = await statementCsv(store, range);
      const filename = statementCsvFilename(range.accountId, range.from, range.to);
      return c.body(textStream(chunks), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      });
    }
    const statement = await readStatement(store, { ...range, limit: query.limit, cursor: query.cursor });
    return c.json(statementJson(statement), 200);
  });
}

function statementJson(statement: Statement): z.infer<typeof StatementSchema> {
  const money = (micros: bigint) => moneyJson(micros, statement.currency);
  return {
    entries: statement.entries.map((entry) => ({
      id: entry.id,
      at: entry.createdAt.toISOString(),
      type: entry.type,
      kind: entry.kind,
      amount: money(entry.amountMicros),
      balance_after: money(entry.balanceAfterMicros),
      description: entry.description,
      reference: entry.reference,
      details: { ...entry.details },
    })),
    next_cursor: statement.nextCursor,
    opening_balance: money(statement.openingMicros),
    closing_balance: money(statement.closingMicros),
    daily_totals: statement.dailyTotals.map((day) => ({
      date: day.date,
      credits: money(day.creditsMicros),
      debits: money(day.debitsMicros),
    })),
    unpriced_messages: {
      count: statement.unpriced.count,
      newest: statement.unpriced.newest.map((message) => ({
        at: (message.deliveredAt ?? message.updatedAt).toISOString(),
        message_id: message.wamid,
        category: message.category,
        market: message.market,
      })),
    },
  };
}

/**
 * A byte stream pulling one chunk at a time: the next batch is read only when the consumer has
 * taken the previous one, so a slow client holds back the database reads instead of filling memory.
 */
function textStream(chunks: AsyncGenerator<string, void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    new CountQueuingStrategy({ highWaterMark: 1 }),
  );
}
