import fc from 'fast-check';

/** The parts of an OpenAPI 3.1 document the hostile-input tests read. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components?: { readonly schemas?: Record<string, JsonSchema> };
}

/** One operation of the document. */
export interface OpenApiOperation {
  readonly security?: readonly Record<string, unknown>[];
  readonly parameters?: readonly { name: string; in: string; required?: boolean; schema: JsonSchema }[];
  readonly requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** The JSON Schema subset zod-openapi emits. */
export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
  readonly maxItems?: number;
  readonly pattern?: string;
  readonly format?: string;
}

/** An operation of the document: method, path template and its description. */
export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly spec: OpenApiOperation;
}

/** Every path+method of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, spec]) => ({ method: method.toUpperCase(), path, spec })),
  );
}

/** Text that has broken parsers, renderers and databases elsewhere: bidi overrides, NULs, surrogates, homoglyphs. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202Egnp.exe',
  '\u2066\u2067\u2068\u2069\u200F\u200E',
  '\uFEFF',
  '\uD800',
  '\uDFFF\uD800',
  '𝕬𝖈𝖒𝖊 🏳️‍🌈 👩‍👩‍👧‍👦',
  'Z̸̡̢͎̈́a̶l̵g̷o̴',
  'ﷺ'.repeat(40),
  'İıſK',
  '١٢٣٫٤٥',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; DROP TABLE accounts; --',
  '../../etc/passwd',
  '%00%2e%2e%2f',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  'true',
  '0x10',
  'x'.repeat(70),
  'x'.repeat(600),
  'é'.repeat(300),
];

/** Amount strings at the edges of the money rules (the valid ones included, to reach deeper code). */
export const MONEY_AMOUNTS: readonly string[] = [
  '-0',
  '0',
  '0.0',
  '-0.000000',
  '1e9',
  '1E2',
  '123456789012345678901',
  '999999999999999999999.999999',
  '1000000000000',
  '1000000000000.000001',
  '999999999999.999999',
  '-999999999999.999999',
  '1.1234567',
  '0.0000001',
  '0.000001',
  '-0.000001',
  '+5',
  ' 5',
  '5 ',
  '5.',
  '.5',
  '1,50',
  '1_000',
  '٣',
  '１０',
  '5\u200F',
  'Infinity',
  'NaN',
  '0x1A',
  '00000000000000000000000000000000000005',
  '10',
  '25.00',
  '-10.50',
  '100',
];

/** Amounts the money rules accept, including their edges. */
export const VALID_AMOUNTS: readonly string[] = ['-0', '0', '0.000001', '10', '25.00', '99.99', '-10.50', '999999999999.999999', '-999999999999.999999', '1000'];

/** Currency codes: the accounts' own, another real one, and malformed ones. */
export const CURRENCIES: readonly string[] = ['USD', 'USD', 'EUR', 'usd', 'XXX', 'US', 'USDD', '', 'ＵＳＤ', 'US\u0000'];

/** Numbers JSON can carry that integer fields must refuse (or clamp) without failing. */
const HOSTILE_NUMBERS: readonly unknown[] = [
  0, -1, -0, 1.5, 1e21, -1e21, 2 ** 53 + 1, 1e308, -1e308, 5e-324, 2_147_483_648, 86_401, 59, 61, 721, 101,
];

/** Values of the wrong JSON type, for any field. */
const WRONG_TYPES: readonly unknown[] = [null, true, false, 0, '1', [], {}, [null], { amount: '1' }, '__proto__'];

/** Junk `cursor` values: random bytes, base64 of wrong JSON, forged numbers. */
export const JUNK_CURSORS: readonly string[] = [
  'abc',
  '!!!',
  '====',
  Buffer.from('{"seq":"1e400"}').toString('base64url'),
  Buffer.from('{"seq":-1}').toString('base64url'),
  Buffer.from('{"created_at":9e999,"id":null}').toString('base64url'),
  Buffer.from('[1,2,3]').toString('base64url'),
  Buffer.from('null').toString('base64url'),
  Buffer.from('9999999999999999999999').toString('base64url'),
  Buffer.from('\u0000\u0001').toString('base64url'),
  Buffer.from('1:acc_x').toString('base64url'),
  Buffer.from('-1|acc').toString('base64url'),
  'A'.repeat(512),
  'A'.repeat(513),
  '%ZZ',
];

/** Reads `#/components/schemas/Name`. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(doc, target);
}

/** Overrides by property name, for fields whose meaning the schema cannot tell (ids of existing rows…). */
export type FieldArbitraries = Readonly<Record<string, fc.Arbitrary<unknown>>>;

/**
 * An arbitrary of values near `schema`: mostly values of the right shape (so requests reach the code
 * behind validation), with hostile leaves, wrong types, unknown keys and missing required fields mixed in.
 */
export function valueNear(doc: OpenApiDocument, schema: JsonSchema, fields: FieldArbitraries, depth = 0): fc.Arbitrary<unknown> {
  const resolved = resolve(doc, schema);
  const wrong = fc.constantFrom(...WRONG_TYPES);
  if (depth > 6) return wrong;
  const near = shapedValue(doc, resolved, { fields, valid: false }, depth);
  return fc.oneof({ arbitrary: near, weight: 8 }, { arbitrary: wrong, weight: 1 });
}

/**
 * An arbitrary of values that satisfy `schema` as far as JSON Schema can say (lengths, bounds,
 * enums, required fields), so that requests get past validation into the domain and the store.
 */
export function valueOf(doc: OpenApiDocument, schema: JsonSchema, fields: FieldArbitraries, depth = 0): fc.Arbitrary<unknown> {
  return shapedValue(doc, resolve(doc, schema), { fields, valid: true }, depth);
}

interface Mode {
  readonly fields: FieldArbitraries;
  readonly valid: boolean;
}

function child(doc: OpenApiDocument, schema: JsonSchema, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  return mode.valid ? valueOf(doc, schema, mode.fields, depth + 1) : valueNear(doc, schema, mode.fields, depth + 1);
}

function shapedValue(doc: OpenApiDocument, schema: JsonSchema, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  if (schema.allOf) return child(doc, schema.allOf[0] as JsonSchema, mode, depth);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => child(doc, alternative, mode, depth)));
  if (schema.enum) return mode.valid ? fc.constantFrom(...schema.enum) : fc.oneof(fc.constantFrom(...schema.enum), hostileString());
  const types = typeof schema.type === 'string' ? [schema.type] : (schema.type ?? ['string']);
  return fc.oneof(...types.map((type) => valueOfType(doc, schema, type, mode, depth)));
}

function valueOfType(doc: OpenApiDocument, schema: JsonSchema, type: string, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  const integers = fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return mode.valid ? integers : fc.oneof(integers, fc.constantFrom(...HOSTILE_NUMBERS));
    case 'string':
      return mode.valid ? validString(schema) : stringNear(schema);
    case 'array':
      return fc.array(child(doc, schema.items ?? {}, mode, depth), { maxLength: mode.valid ? Math.min(schema.maxItems ?? 4, 4) : (schema.maxItems ?? 4) + 2 });
    case 'object':
      return objectNear(doc, schema, mode, depth);
    default:
      return fc.constant(null);
  }
}

function objectNear(doc: OpenApiDocument, schema: JsonSchema, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const isMoney = 'amount' in properties && 'currency' in properties;
  const entries = Object.entries(properties).map(([name, property]) => {
    const value =
      mode.fields[name] ??
      (isMoney && name === 'amount'
        ? mode.valid
          ? fc.constantFrom(...VALID_AMOUNTS)
          : fc.oneof({ arbitrary: fc.constantFrom(...MONEY_AMOUNTS), weight: 6 }, { arbitrary: child(doc, property, mode, depth), weight: 1 })
        : isMoney && name === 'currency'
          ? mode.valid
            ? fc.constant('USD')
            : fc.constantFrom(...CURRENCIES)
          : child(doc, property, mode, depth));
    // Required fields go missing now and then; optional ones come and go.
    const required = schema.required?.includes(name) ?? false;
    const presence = required ? (mode.valid ? fc.constant(true) : fc.nat(19).map((n) => n > 0)) : fc.boolean();
    return [name, fc.tuple(presence, value)] as const;
  });
  if (mode.valid) {
    return fc.tuple(...entries.map(([, arbitrary]) => arbitrary)).map((values) =>
      Object.fromEntries(entries.flatMap(([name], index) => ((values[index] as [boolean, unknown])[0] ? [[name, (values[index] as [boolean, unknown])[1]]] : []))),
    );
  }
  const extra = fc.option(fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'amount ', '\u202Eid'), fc.jsonValue({ maxDepth: 2 })), {
    freq: 6,
  });
  return fc.tuple(fc.tuple(...entries.map(([, arbitrary]) => arbitrary)), extra).map(([values, unknown]) => {
    const object: Record<string, unknown> = {};
    entries.forEach(([name], index) => {
      const [present, value] = values[index] as [boolean, unknown];
      if (present) object[name] = value;
    });
    // JSON.parse makes `__proto__` an own key; defineProperty does the same here so it is sent.
    if (unknown) Object.defineProperty(object, unknown[0], { value: unknown[1], enumerable: true, configurable: true, writable: true });
    return object;
  });
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date-time' || schema.format === 'date') return fc.constantFrom('2025-01-01', '2026-11-29T10:00:00.000Z');
  if (schema.pattern === '^[A-Z]{3}$') return fc.constantFrom('USD', 'EUR', 'BRL', 'XXX');
  return fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(schema.maxLength ?? 20, 20) }),
    fc.constantFrom(...HOSTILE_STRINGS.filter((text) => text.length > 0 && text.length <= (schema.maxLength ?? 40))),
  );
}

function stringNear(schema: JsonSchema): fc.Arbitrary<string> {
  const maxLength = schema.maxLength ?? 40;
  const plain = fc.string({ unit: 'grapheme', maxLength: Math.min(maxLength, 60) });
  const dates = fc.constantFrom(
    '2025-01-01',
    '2025-01-15T10:00:00.000Z',
    '2025-02-30',
    '0000-00-00',
    '9999-12-31T23:59:59.999Z',
    '+275760-09-13T00:00:00.000Z',
    '2025-01-01T00:00:00+25:00',
    '1970-01-01',
    '-000001-01-01T00:00:00Z',
  );
  if (schema.format === 'date-time' || schema.format === 'date') return fc.oneof(dates, hostileString());
  return fc.oneof({ arbitrary: plain, weight: 3 }, { arbitrary: hostileString(), weight: 2 }, { arbitrary: fc.string({ minLength: maxLength, maxLength: maxLength + 2 }), weight: 1 });
}

/** One of {@link HOSTILE_STRINGS}, or random full-Unicode text. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 30 }));
}

/** Arrays nested `depth` deep: `[[[…]]]`. */
export function deeplyNested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}
