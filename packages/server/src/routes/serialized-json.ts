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

/**
 * `build`'s JSON, kept per `owner` (an immutable object the store hands out again and again while it
 * does not change, as the SQLite read memo does) and made again when any of `parts` differs from
 * those it was made with, field by field (`===`): a part may be a fresh object each time (a
 * runway, a phone status view) as long as its fields are the store's. Widget reads answer the same
 * few states over and over; building and serializing their payloads was a tenth of a read.
 * Anything the payload depends on must be the owner or among the parts.
 */
export function jsonPerState<Owner extends object, Parts extends readonly object[], T>(
  build: (owner: Owner, ...parts: Parts) => T,
): (owner: Owner, ...parts: Parts) => SerializedJson<T> {
  const kept = new WeakMap<Owner, { readonly parts: Parts; readonly json: SerializedJson<T> }>();
  return (owner, ...parts) => {
    const last = kept.get(owner);
    if (last && last.parts.length === parts.length && last.parts.every((part, i) => sameFields(part, parts[i]!))) return last.json;
    const json = serializeJson(build(owner, ...parts));
    kept.set(owner, { parts, json });
    return json;
  };
}

/** Whether two objects (or arrays) hold the same values (`===`) under the same keys. */
function sameFields(a: object, b: object): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}
