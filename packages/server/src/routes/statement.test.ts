import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { LedgerEntry, LedgerEntryDetails, LedgerKind } from '../domain/ledger.js';
import { formatAmount } from '../domain/money.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp } from '../test/harness.js';

const START = Date.parse('2025-01-15T10:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Seeded {
  description?: string;
  kind?: LedgerKind;
  amountMicros: bigint;
  reference?: string | null;
  details?: LedgerEntryDetails | null;
}

/** Appends entries straight to the store, `stepMs` apart from the clock's time. */
async function seed(t: TestApp, accountId: string, entries: Seeded[], stepMs = HOUR): Promise<void> {
  for (const [i, entry] of entries.entries()) {
    t.clock.advance(stepMs);
    await t.store.appendLedgerEntry(
      {
        id: `le_${accountId}_${i}_${t.clock.now().getTime()}`,
        accountId,
        idempotencyKey: `seed-${t.clock.now().getTime()}-${i}`,
        kind: entry.kind ?? (entry.amountMicros < 0n ? 'message' : 'topup'),
        amountMicros: entry.amountMicros,
        description: entry.description ?? 'entry',
        reference: entry.reference ?? null,
        details: entry.details ?? null,
        createdAt: t.clock.now(),
      },
      () => {},
    );
  }
}

/** A deterministic mix: top-ups, message debits and adjustments of both signs. */
function mix(count: number): Seeded[] {
  return Array.from({ length: count }, (_, i) => {
    if (i % 7 === 0) return { kind: 'topup', amountMicros: 25_000_000n };
    if (i % 5 === 0) return { kind: 'adjustment', amountMicros: i % 2 ? -1_500_000n : 2_000_000n };
    return { kind: 'message', amountMicros: -BigInt(10_000 + i), details: { category: 'marketing', market: 'IN', priced: true } };
  });
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  assert.equal(field, '', 'the CSV ends with CRLF');
  return rows;
}

describe('GET /v1/statement', () => {
  let t: TestApp;
  let accountId: string;
  let secret: string;
  let all: LedgerEntry[];

  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount()).id;
    await seed(t, accountId, mix(150));
    all = await t.store.listLedgerEntries(accountId);
    secret = await t.mintSession(accountId, ['statement:export']);
  });
  afterEach(() => t.close());

  const get = (query: string, as = secret) => t.widget(as, 'GET', `/v1/statement?${query}`);
  const iso = (ms: number) => new Date(ms).toISOString();
  const inRange = (from: number, to: number) => (e: LedgerEntry) =>
    e.createdAt.getTime() >= from && e.createdAt.getTime() < to;
  const balanceBefore = (ms: number) =>
    all.filter((e) => e.createdAt.getTime() < ms).at(-1)?.balanceAfterMicros ?? 0n;

  async function walk(query: string): Promise<any[]> {
    const pages: any[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`${query}${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      pages.push(res.body);
      cursor = res.body.next_cursor;
    } while (cursor !== null && pages.length < 1000);
    return pages;
  }

  it('walks the whole filtered range newest first, without gaps or duplicates', async () => {
    const from = START + 20 * HOUR;
    const to = START + 130 * HOUR + 1;
    for (const filter of ['', '&kind=message', '&type=credit', '&kind=adjustment&type=debit']) {
      const pages = await walk(`from=${iso(from)}&to=${iso(to)}&limit=7${filter}`);
      const expected = all
        .filter(inRange(from, to))
        .filter((e) => (filter.includes('kind=message') ? e.kind === 'message' : true))
        .filter((e) => (filter.includes('type=credit') ? e.type === 'credit' : true))
        .filter((e) => (filter.includes('kind=adjustment') ? e.kind === 'adjustment' && e.type === 'debit' : true))
        .reverse();
      const ids = pages.flatMap((page) => page.entries.map((e: { id: string }) => e.id));
      assert.deepEqual(ids, expected.map((e) => e.id), `filter ${filter}`);
      assert.ok(pages.slice(0, -1).every((page) => page.entries.length === 7));
      assert.equal(pages.at(-1).next_cursor, null);
    }
  });

  it('gives opening and closing balances of the range whatever the filters and page', async () => {
    const from = START + 33 * HOUR;
    const to = START + 90 * HOUR;
    const expected = {
      opening_balance: { amount: formatAmount(balanceBefore(from)), currency: 'USD' },
      closing_balance: { amount: formatAmount(balanceBefore(to)), currency: 'USD' },
    };
    assert.notDeepEqual(expected.opening_balance, expected.closing_balance);
    for (const filter of ['', '&type=debit', '&kind=topup']) {
      for (const page of await walk(`from=${iso(from)}&to=${iso(to)}&limit=11${filter}`)) {
        assert.deepEqual({ opening_balance: page.opening_balance, closing_balance: page.closing_balance }, expected);
      }
    }
  });

  it('opens at zero and closes at the current balance without bounds', async () => {
    const res = await get('limit=1');
    assert.deepEqual(res.body.opening_balance, { amount: '0.00', currency: 'USD' });
    assert.deepEqual(res.body.closing_balance, { amount: formatAmount(all.at(-1)!.balanceAfterMicros), currency: 'USD' });
  });

  it("gives whole-day totals of the page's days within the range and filters", async () => {
    const from = START + 30 * HOUR;
    const to = START + 100 * HOUR;
    const res = await get(`from=${iso(from)}&to=${iso(to)}&limit=30&type=debit`);
    const days = [...new Set(res.body.entries.map((e: { at: string }) => e.at.slice(0, 10)))];
    assert.ok(days.length >= 2);
    assert.deepEqual(
      res.body.daily_totals,
      days.map((date) => {
        const dayStart = Date.parse(`${date}T00:00:00Z`);
        const sum = all
          .filter(inRange(Math.max(from, dayStart), Math.min(to, dayStart + DAY)))
          .filter((e) => e.type === 'debit')
          .reduce((total, e) => total + e.amountMicros, 0n);
        return { date, credits: { amount: '0.00', currency: 'USD' }, debits: { amount: formatAmount(sum), currency: 'USD' } };
      }),
    );
  });

  it('returns entry details, defaulting to an empty object', async () => {
    const res = await get('limit=200');
    const message = res.body.entries.find((e: { kind: string }) => e.kind === 'message');
    const topup = res.body.entries.find((e: { kind: string }) => e.kind === 'topup');
    assert.deepEqual(message.details, { category: 'marketing', market: 'IN', priced: true });
    assert.deepEqual(topup.details, {});
    assert.equal(res.body.entries.length, 150);
  });

  it('answers 400 invalid_cursor to a forged, altered or foreign cursor', async () => {
    const first = await get('limit=5');
    const [ms, seq] = JSON.parse(Buffer.from(first.body.next_cursor, 'base64url').toString()) as [number, number];
    const other = await t.openAccount();
    await seed(t, other.id, mix(3), 1);
    const otherSecret = await t.mintSession(other.id);
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of ['garbage!', forged([ms + 1, seq]), forged([ms, seq + 1]), forged({ seq }), forged([ms, -1])]) {
      const res = await get(`cursor=${encodeURIComponent(cursor)}`);
      assert.equal(res.status, 400, cursor);
      assert.equal(res.body.error.code, 'invalid_cursor');
    }
    const foreign = await get(`cursor=${first.body.next_cursor}`, otherSecret);
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.error.code, 'invalid_cursor');
  });

  it('answers 400 to bad dates, an empty range, unknown filters and out-of-range limits', async () => {
    const cases: [string, string][] = [
      ['from=yesterday', 'invalid_request'],
      ['from=2025-02-30', 'invalid_request'],
      ['from=2025-01-16&to=2025-01-16', 'invalid_range'],
      ['from=2025-01-17&to=2025-01-16T00:00:00Z', 'invalid_range'],
      ['type=refund', 'invalid_request'],
      ['kind=fee', 'invalid_request'],
      ['limit=0', 'invalid_request'],
      ['limit=201', 'invalid_request'],
      ['limit=ten', 'invalid_request'],
    ];
    for (const [query, code] of cases) {
      const res = await get(query);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.error.code, code, query);
    }
  });

  it('needs a widget session', async () => {
    assert.equal((await get('', 'ws_nope')).status, 401);
  });
});

describe('GET /v1/statement with amounts near the maximum', () => {
  it('totals a day whose sums exceed 64 bits exactly, instead of failing', async () => {
    const t = createTestApp();
    try {
      const accountId = (await t.openAccount()).id;
      const huge = 999_999_999_999_000_000n;
      await seed(t, accountId, Array.from({ length: 20 }, (_, i) => ({ kind: 'adjustment', amountMicros: i % 2 ? -huge : huge })), 60_000);
      const secret = await t.mintSession(accountId);
      const res = await t.widget(secret, 'GET', '/v1/statement?limit=5');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.daily_totals[0].credits, { amount: formatAmount(10n * huge), currency: 'USD' });
      assert.deepEqual(res.body.daily_totals[0].debits, { amount: formatAmount(-10n * huge), currency: 'USD' });
    } finally {
      await t.close();
    }
  });
});

describe('GET /v1/statement?format=csv', () => {
  let t: TestApp;
  let accountId: string;

  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount()).id;
  });
  afterEach(() => t.close());

  const csv = async (query: string, as?: string) => {
    const secret = as ?? (await t.mintSession(accountId, ['statement:export']));
    return t.app.request(`/v1/statement?format=csv&${query}`, { headers: { Authorization: `Bearer ${secret}` } });
  };

  it('answers 403 to a session without statement:export', async () => {
    const res = await csv('', await t.mintSession(accountId, ['alerts:write']));
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'forbidden');
  });

  it('streams RFC 4180 CSV with a header, CRLF lines and quoted fields, as an attachment', async () => {
    await seed(t, accountId, [
      { amountMicros: 100_000_000n, description: 'Top-up, card "Visa"', reference: 'pi_1' },
      { amountMicros: -12_500_000n, description: 'line one\nline two', details: { category: 'marketing', market: 'Brasil, São Paulo' } },
      { amountMicros: -1n, description: 'crème brûlée ✓' },
    ]);
    const res = await csv('from=2025-01-15&to=2025-01-16');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="statement-${accountId}-2025-01-15-2025-01-16.csv"`);
    const text = await res.text();
    assert.ok(text.includes('"Top-up, card ""Visa"""'));
    assert.ok(text.includes('"line one\nline two"'));
    assert.deepEqual(parseCsv(text), [
      ['date', 'type', 'kind', 'description', 'reference', 'category', 'market', 'amount', 'currency', 'balance_after'],
      ['2025-01-15T11:00:00.000Z', 'credit', 'topup', 'Top-up, card "Visa"', 'pi_1', '', '', '100.00', 'USD', '100.00'],
      ['2025-01-15T12:00:00.000Z', 'debit', 'message', 'line one\nline two', '', 'marketing', 'Brasil, São Paulo', '-12.50', 'USD', '87.50'],
      ['2025-01-15T13:00:00.000Z', 'debit', 'message', 'crème brûlée ✓', '', '', '', '-0.000001', 'USD', '87.499999'],
    ]);
  });

  it('neutralises formula-like text but keeps negative amounts numeric', async () => {
    const hostile = ['=HYPERLINK("http://evil.example","x")', '@SUM(A1:A9)', '+1', '-2+3', '\tTAB', '\rCR'];
    await seed(t, accountId, [
      { amountMicros: 50_000_000n, description: 'credit' },
      ...hostile.map((description) => ({ amountMicros: -2_000_000n, description, reference: '=1+1', details: { category: '@x', market: '-IN' } })),
    ]);
    const rows = parseCsv(await (await csv('')).text()).slice(2);
    assert.deepEqual(
      rows.map((row) => row[3]),
      hostile.map((description) => `'${description}`),
    );
    for (const row of rows) {
      assert.deepEqual([row[4], row[5], row[6]], ["'=1+1", "'@x", "'-IN"]);
      assert.equal(row[7], '-2.00');
      assert.match(row[9]!, /^\d+\.\d{2}$/);
    }
  });

  it('exports every entry of the range across batches, oldest first, with the filters', async () => {
    await seed(t, accountId, mix(2600), 60_000);
    const all = await t.store.listLedgerEntries(accountId);
    const rows = parseCsv(await (await csv('')).text()).slice(1);
    assert.equal(rows.length, 2600);
    assert.deepEqual(rows.map((row) => row[0]), all.map((e) => e.createdAt.toISOString()));
    const debits = parseCsv(await (await csv('type=debit&from=2025-01-15T12:00:00Z')).text()).slice(1);
    assert.deepEqual(
      debits.map((row) => row[0]),
      all.filter((e) => e.type === 'debit' && e.createdAt.getTime() >= START + 2 * HOUR).map((e) => e.createdAt.toISOString()),
    );
  });

  it('validates the range before streaming', async () => {
    const res = await csv('from=2025-01-16&to=2025-01-15');
    assert.equal(res.status, 400);
  });
});
