import type { Context, TypedResponse } from 'hono';

declare const serializedFrom: unique symbol;

/** `JSON.stringify` of a `T`, kept as text (made only by {@link serializeJson}). */
export type SerializedJson<T> = string & { readonly [serializedFrom]: T };

/** Serializes `value` for {@link jsonText}. */
export function serializeJson<T>(value: T): SerializedJson<T> {
  return JSON.stringify(value) as SerializedJson<T>;
}

const JSON_CONTENT = { 'Content-Type': 'application/json' } as const;

/**
 * The response `c.json(value, status)` would give, from `value` serialized beforehand: for a payload
 * kept serialized between requests. Typed as `c.json`'s, so the route's OpenAPI schema still checks it.
 */
export function jsonText<T, S extends 200 | 201>(c: Context, json: SerializedJson<T>, status: S): Response & TypedResponse<T, S, 'json'> {
  return c.body(json, status, JSON_CONTENT) as unknown as Response & TypedResponse<T, S, 'json'>;
}
