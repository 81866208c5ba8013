import { z } from '@hono/zod-openapi';
import type { Money } from '../domain/money.js';
import { formatAmount, parseAmount, tryParseAmount } from '../domain/money.js';
import { PERMISSIONS } from '../domain/sessions.js';

/** ISO 4217 currency code. */
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a 3-letter upper-case ISO 4217 code')
  .openapi({ example: 'USD' });

/** Money in JSON: a decimal string amount (never a number) and its currency. */
export const MoneySchema = z
  .object({
    amount: z
      .string()
      .refine((value) => tryParseAmount(value) !== null, {
        message: 'must be a decimal string such as "12.50": optional "-", digits, up to 6 fraction digits, at most 1e12',
      })
      .openapi({ example: '12.50', pattern: '^-?\\d+(\\.\\d{1,6})?$' }),
    currency: CurrencySchema,
  })
  .strict()
  .openapi('Money');

/** {@link MoneySchema}'s JSON type. */
export type MoneyJson = z.infer<typeof MoneySchema>;

/** Reads a validated Money JSON into micro-units. */
export function moneyFromJson(json: MoneyJson): Money {
  return { micros: parseAmount(json.amount), currency: json.currency };
}

/** Writes micro-units as Money JSON. */
export function moneyJson(micros: bigint, currency: string): MoneyJson {
  return { amount: formatAmount(micros), currency };
}

/**
 * Control characters (C0, DEL, C1) and the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069): invisible, they can make a name read as something else where it
 * is shown (a payment link's "Pay to" page, a statement line). \p{Cs} matches only a lone surrogate.
 */
const HIDDEN_OR_REORDERING = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/u;

/**
 * Text a person will read (names, notes, reasons): `schema` plus a refusal of control and
 * bidi-override characters and of lone surrogates, so what is shown is what was typed.
 */
export function displayText(schema: z.ZodString): z.ZodString {
  return schema.refine((text) => !HIDDEN_OR_REORDERING.test(text), {
    message: 'must not contain control or bidirectional-override characters',
  });
}

/** An ISO-8601 timestamp. */
export const TimestampSchema = z.string().openapi({ format: 'date-time', example: '2025-01-15T10:00:00.000Z' });

/** The one error shape. */
export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');

/** A permission a widget session may carry. */
export const PermissionSchema = z.enum(PERMISSIONS).openapi('Permission');

/** Path parameter `{id}` of an account. */
export const AccountIdParamSchema = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, example: 'acc_5vQbH2m9qfZC0hMvW1nU7w' }),
});

/** A JSON request body, required, validated by `schema`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

/** A JSON response described by `schema`. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** The error responses a route can give, by status. */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, ReturnType<typeof jsonResponse<typeof ErrorSchema>>> {
  const descriptions: Record<number, string> = {
    400: 'Invalid request',
    401: 'Missing or invalid credentials',
    403: 'The session lacks a permission',
    404: 'Unknown id',
    409: 'Conflict with the current state',
    429: 'Too many requests: wait Retry-After seconds',
    503: 'The server is shutting down',
  };
  return Object.fromEntries(
    statuses.map((status) => [status, jsonResponse(ErrorSchema, descriptions[status] ?? 'Error')]),
  ) as Record<S, ReturnType<typeof jsonResponse<typeof ErrorSchema>>>;
}
