import type postgres from 'postgres';
import type { Account } from '../../domain/accounts.js';
import type {
  ChargeOutcome,
  MessageCharge,
  MessageStatusOutcome,
  MessageStatusUpdate,
} from '../../domain/billing/message-charge.js';
import type { LedgerAppendOptions, LedgerAppendResult, LedgerKind, LedgerPolicy, NewLedgerEntry } from '../../domain/ledger.js';
import type { StoreChange } from '../changes.js';
import { withinBalanceRange } from '../../domain/ledger.js';
import type { AccountPricing, Rate } from '../../domain/pricing/rate-card.js';
import type { MetaBillingStore, UnpricedMessages, UnpricedQuery, UsageCounts, UsageQuery, WebhookStat } from '../meta-billing-store.js';
import { countedSplit, enteredSplit } from '../usage-rollup.js';
import type { AccountRow } from '../sqlite/rows.js';
import { toAccount } from '../sqlite/rows.js';
import type { Db, RunInTransaction, Tx } from './db.js';
import { dateOrNull, lockKey, num } from './db.js';
import { recordDeliveryInTransaction } from './frequency-caps.js';
import type { AppendPipeline, LockedAccount } from './ledger.js';
import { lockAccount, lockAccountForAppends } from './ledger.js';

const DAY_MS = 24 * 3600 * 1000;

interface RateRow {
  market: string;
  category: string;
  price_micros: bigint;
}

interface MessageChargeRow {
  account_id: string;
  wamid: string;
  recipient: string;
  market: string;
  country: string | null;
  is_group: boolean;
  last_status: string;
  pricing_type: string | null;
  category: string | null;
  billable: boolean | null;
  delivered_at: bigint | null;
  failed_at: bigint | null;
  outcome: string | null;
  price_micros: bigint | null;
  ledger_entry_id: string | null;
  created_at: bigint;
  updated_at: bigint;
}

/** Appends a ledger entry inside the caller's transaction, announcing it with the transaction's changes. */
export type PgNestedAppend = (
  tx: Tx,
  changes: StoreChange[],
  entry: NewLedgerEntry,
  policy: LedgerPolicy,
  options: LedgerAppendOptions,
  locked?: LockedAccount,
  pipeline?: AppendPipeline,
) => Promise<LedgerAppendResult>;

/** Statuses of one account handed in while its transaction ran, and where their outcomes go. */
interface PendingStatuses {
  readonly updates: readonly MessageStatusUpdate[];
  readonly resolve: (outcomes: MessageStatusOutcome[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The last writes of statuses (record, usage, frequency cap), left in flight while the next status
 * goes out: the transaction's connection runs queries in the order they were sent, so the next
 * status's reads see them, and no round trip waits for them. A write that reads before it writes
 * (the frequency cap's pairing of a delivery with a checked send) goes {@link inTurn}: each starts
 * when the one before has written, so two deliveries to one customer never pair with the same send.
 * The first failure is kept (a handler is attached at once, so no rejection goes unhandled) and
 * thrown by {@link settled}; after it the transaction is aborted, and every later query fails too.
 */
class DeferredWrites implements AppendPipeline {
  #pending: Promise<unknown>[] = [];
  #failure: { error: unknown } | undefined;
  #turn: Promise<unknown> = Promise.resolve();

  inTurn(write: () => Promise<unknown>): void {
    const next = this.#turn.then(write);
    this.#turn = next.catch(() => {});
    this.add(next);
  }

  add(write: Promise<unknown>): void {
    this.#pending.push(
      write.catch((error: unknown) => {
        this.#failure ??= { error };
      }),
    );
  }

  async settled(): Promise<void> {
    await Promise.all(this.#pending);
    if (this.#failure) throw this.#failure.error;
  }
}

/** Most statuses in one group transaction: the account's lock is held for the group's length. */
export const GROUP_MAX_STATUSES = 200;

/** The PostgreSQL side of {@link MetaBillingStore}. */
export class PgMetaBilling implements MetaBillingStore {
  /** Per account with a transaction in flight on this instance: the statuses waiting for the next. */
  readonly #waiting = new Map<string, PendingStatuses[]>();
  readonly #sql: () => Promise<Db>;
  readonly #transaction: RunInTransaction;
  readonly #append: PgNestedAppend;

  constructor(sql: () => Promise<Db>, transaction: RunInTransaction, append: PgNestedAppend) {
    this.#sql = sql;
    this.#transaction = transaction;
    this.#append = append;
  }

  async replaceRateCard(currency: string, rates: readonly Rate[], at: Date): Promise<void> {
    await this.#transaction(async (tx) => {
      // The card's row is upserted first: its lock makes concurrent replacements take turns.
      await tx`INSERT INTO rate_cards (currency, updated_at) VALUES (${currency}, ${at.getTime()})
        ON CONFLICT (currency) DO UPDATE SET updated_at = excluded.updated_at`;
      await tx`DELETE FROM rate_card_rates WHERE currency = ${currency}`;
      for (const rate of rates) {
        await tx`INSERT INTO rate_card_rates (currency, market, category, price_micros)
          VALUES (${currency}, ${rate.market}, ${rate.category}, ${rate.priceMicros})`;
      }
    });
  }

  async listDefaultRates(currency: string, market?: string): Promise<Rate[]> {
    const sql = await this.#sql();
    const rows =
      market === undefined
        ? await sql<RateRow[]>`SELECT market, category, price_micros FROM rate_card_rates WHERE currency = ${currency} ORDER BY market, category`
        : await sql<RateRow[]>`SELECT market, category, price_micros FROM rate_card_rates
            WHERE currency = ${currency} AND market = ${market} ORDER BY category`;
    return rows.map(toRate);
  }

  async getAccountPricing(accountId: string, market?: string): Promise<AccountPricing> {
    const sql = await this.#sql();
    const [row] = await sql<{ mode: string; markup_e4: bigint | null }[]>`SELECT mode, markup_e4 FROM account_pricing WHERE account_id = ${accountId}`;
    if (!row) return { mode: 'default' };
    if (row.mode === 'markup' && row.markup_e4 !== null) return { mode: 'markup', markupE4: row.markup_e4 };
    const rows =
      market === undefined
        ? await sql<RateRow[]>`SELECT market, category, price_micros FROM account_rates WHERE account_id = ${accountId} ORDER BY market, category`
        : await sql<RateRow[]>`SELECT market, category, price_micros FROM account_rates
            WHERE account_id = ${accountId} AND market = ${market} ORDER BY category`;
    return { mode: 'custom', rates: rows.map(toRate) };
  }

  async setAccountPricing(accountId: string, pricing: AccountPricing, at: Date): Promise<void> {
    await this.#transaction(async (tx) => {
      await lockKey(tx, `pricing:${accountId}`);
      await tx`DELETE FROM account_rates WHERE account_id = ${accountId}`;
      if (pricing.mode === 'default') {
        await tx`DELETE FROM account_pricing WHERE account_id = ${accountId}`;
        return;
      }
      const markup = pricing.mode === 'markup' ? pricing.markupE4 : null;
      await tx`INSERT INTO account_pricing (account_id, mode, markup_e4, updated_at) VALUES (${accountId}, ${pricing.mode}, ${markup}, ${at.getTime()})
        ON CONFLICT (account_id) DO UPDATE SET mode = excluded.mode, markup_e4 = excluded.markup_e4, updated_at = excluded.updated_at`;
      if (pricing.mode === 'custom') {
        for (const rate of pricing.rates) {
          await tx`INSERT INTO account_rates (account_id, market, category, price_micros)
            VALUES (${accountId}, ${rate.market}, ${rate.category}, ${rate.priceMicros})`;
        }
      }
    });
  }

  async getMessageCharge(accountId: string, wamid: string): Promise<MessageCharge | null> {
    const sql = await this.#sql();
    const [row] = await sql<MessageChargeRow[]>`SELECT * FROM message_charges WHERE account_id = ${accountId} AND wamid = ${wamid}`;
    return row ? toMessageCharge(row) : null;
  }

  /**
   * See {@link MetaBillingStore.applyMessageStatuses}. Statuses of one account are applied one
   * transaction at a time per instance (group commit): the account's row lock serializes them
   * anyway, so while a transaction of the account is in flight, the statuses handed in meanwhile
   * (by concurrent webhooks) wait, and go together into the next transaction, up to
   * {@link GROUP_MAX_STATUSES}. One lock, one commit and its flush for all of them, where each
   * alone paid its own. Every caller gets the outcomes of its own statuses, in order.
   */
  async applyMessageStatuses(accountId: string, updates: readonly MessageStatusUpdate[]): Promise<MessageStatusOutcome[]> {
    if (updates.length === 0) return [];
    const waiting = this.#waiting.get(accountId);
    if (waiting) return new Promise((resolve, reject) => waiting.push({ updates, resolve, reject }));
    const queue: PendingStatuses[] = [];
    this.#waiting.set(accountId, queue);
    try {
      return await this.#applyNow(accountId, updates);
    } finally {
      void this.#drain(accountId, queue);
    }
  }

  /** Applies, a group at a time, the statuses that queued while the account's transaction ran. */
  async #drain(accountId: string, queue: PendingStatuses[]): Promise<void> {
    while (queue.length > 0) {
      const group: PendingStatuses[] = [];
      let size = 0;
      while (queue.length > 0 && (group.length === 0 || size + queue[0]!.updates.length <= GROUP_MAX_STATUSES)) {
        const next = queue.shift()!;
        group.push(next);
        size += next.updates.length;
      }
      try {
        const outcomes = await this.#applyNow(accountId, group.flatMap((pending) => pending.updates));
        let start = 0;
        for (const pending of group) {
          pending.resolve(outcomes.slice(start, start + pending.updates.length));
          start += pending.updates.length;
        }
      } catch (error) {
        for (const pending of group) pending.reject(error);
      }
    }
    this.#waiting.delete(accountId);
  }

  /**
   * One transaction for `updates`. Several go first without savepoints, two round trips fewer each
   * (`SAVEPOINT`, `RELEASE`): statuses almost never fail, and when one does, that transaction
   * rolls back and the statuses are applied again, each in its own savepoint, so that the failing
   * one is `ok: false` and its neighbours are written, as the contract says. `decide` is pure, so
   * deciding again on the rolled-back state decides the same.
   */
  async #applyNow(accountId: string, updates: readonly MessageStatusUpdate[]): Promise<MessageStatusOutcome[]> {
    if (updates.length === 1) return [await this.#applyAlone(accountId, updates[0]!)];
    const failed: { status?: true } = {};
    try {
      return await this.#transaction(async (tx, changes) => {
        // The lock, the account as its appends need it, and the group's records, in one round trip
        // (pipelined, run in order: the reads after the lock). The group's appends then keep the
        // account in memory: this transaction holds its lock, and rolls back whole on any failure.
        const [locked, rows] = await Promise.all([
          lockAccountForAppends(tx, accountId),
          tx<MessageChargeRow[]>`SELECT * FROM message_charges WHERE account_id = ${accountId} AND wamid = ANY(${updates.map((u) => u.wamid)})`,
        ]);
        const known = new Map<string, MessageChargeRow | null>(updates.map((update) => [update.wamid, null]));
        for (const row of rows) known.set(row.wamid, row);
        const outcomes: MessageStatusOutcome[] = [];
        const deferWrites = new DeferredWrites();
        try {
          for (const update of updates) {
            const applied = await this.#applyStatus(tx, changes, accountId, update, { deferWrites, known, locked: locked ?? undefined });
            outcomes.push({ ok: true, charge: applied.charge, debited: applied.debited });
          }
          await deferWrites.settled();
        } catch (error) {
          failed.status = true;
          throw error;
        }
        return outcomes;
      });
    } catch (error) {
      if (!failed.status) throw error;
    }
    return this.#transaction(async (tx, changes) => {
      // The account's row lock, taken first as the ledger append takes it, orders every status of
      // its messages across instances: a status delivered twice at once (to two instances) is
      // decided once, on the record the first wrote. Frequency-cap locks come after it, never before.
      await lockAccount(tx, accountId);
      const outcomes: MessageStatusOutcome[] = [];
      for (const update of updates) {
        const mine: StoreChange[] = [];
        try {
          const applied = await tx.savepoint((sp) => this.#applyStatus(sp, mine, accountId, update));
          changes.push(...mine);
          outcomes.push({ ok: true, charge: applied.charge, debited: applied.debited });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
      return outcomes;
    });
  }

  /**
   * One status (as Meta mostly sends them) in a transaction of its own, without a savepoint: the
   * transaction is the status's unit, two round trips fewer under the account's lock. A status that
   * fails rolls the transaction back and is `ok: false`, as in a batch; the promise rejects only when
   * the transaction itself fails.
   */
  async #applyAlone(accountId: string, update: MessageStatusUpdate): Promise<MessageStatusOutcome> {
    const status: { failure?: { error: unknown } } = {};
    try {
      return await this.#transaction(async (tx, changes) => {
        try {
          const applied = await this.#applyStatus(tx, changes, accountId, update, { lockAccount: true });
          return { ok: true, charge: applied.charge, debited: applied.debited };
        } catch (error) {
          status.failure = { error };
          throw error;
        }
      });
    } catch (error) {
      if (status.failure) return { ok: false, error: status.failure.error };
      throw error;
    }
  }

  async #applyStatus(
    tx: Tx,
    changes: StoreChange[],
    accountId: string,
    { wamid, decide }: MessageStatusUpdate,
    options: { lockAccount?: boolean; deferWrites?: DeferredWrites; known?: Map<string, MessageChargeRow | null>; locked?: LockedAccount | undefined } = {},
  ): Promise<{ charge: MessageCharge | null; debited: boolean }> {
    // The record as read for the whole group, once: a second status of the same message in the
    // group reads it again, after the first one's write.
    const prefetched = options.known?.get(wamid);
    options.known?.delete(wamid);
    // When asked, the account's row lock goes first, in the same round trip as the read it orders,
    // with the account as the append needs it: a status alone rolls back whole, so the append may
    // use it rather than read it again.
    const [lockedHere, [row]] =
      prefetched !== undefined
        ? [null, prefetched ? [prefetched] : []]
        : await Promise.all([
            options.lockAccount ? lockAccountForAppends(tx, accountId) : null,
            tx<MessageChargeRow[]>`SELECT * FROM message_charges WHERE account_id = ${accountId} AND wamid = ${wamid}`,
          ]);
    const locked = options.locked ?? lockedHere ?? undefined;
    const current = row ? toMessageCharge(row) : null;
    const write = decide(current);
    if (!write) return { charge: current, debited: false };
    let charge = write.charge;
    let debited = false;
    if (write.ledgerEntry) {
      // Meta has billed a delivered message: the debit may take the balance below zero.
      // In a group, the insert goes out without waiting for its answer, settled with the deferred writes (see appendInTransaction).
      const { entry, replayed } = await this.#append(tx, changes, write.ledgerEntry, withinBalanceRange, {}, locked, options.deferWrites);
      charge = { ...charge, ledgerEntryId: entry.id };
      debited = !replayed;
    }
    // The record and the usage are one statement (each write a part of one WITH, all run to
    // completion), and it goes out with the delivery in one round trip under the lock, pipelined on
    // the transaction's connection and run in the order handed on: the record and usage, then the delivery.
    const usage = write.usage;
    const at = usage ? usage.countedAt.getTime() : 0;
    const writes: PromiseLike<unknown>[] = [
      usage
        ? tx`WITH charge AS (${chargeUpsert(tx, charge)}),
            portfolio AS (
              -- SET expressions read the row as it was: a recipient absent for a whole day enters the window anew.
              INSERT INTO usage_portfolio_recipients AS u (portfolio_key, recipient, last_counted_at, entered_window_at)
              VALUES (${usage.portfolioKey}, ${usage.recipient}, ${at}, ${at})
              ON CONFLICT (portfolio_key, recipient) DO UPDATE SET
                entered_window_at = CASE WHEN u.last_counted_at <= excluded.last_counted_at - ${DAY_MS} THEN excluded.entered_window_at
                                         ELSE least(u.entered_window_at, excluded.entered_window_at) END,
                last_counted_at = greatest(u.last_counted_at, excluded.last_counted_at)),
            account AS (
              INSERT INTO usage_account_recipients AS u (account_id, recipient, last_counted_at)
              VALUES (${usage.accountId}, ${usage.recipient}, ${at})
              ON CONFLICT (account_id, recipient) DO UPDATE SET last_counted_at = greatest(u.last_counted_at, excluded.last_counted_at))
          SELECT 1`
        : chargeUpsert(tx, charge),
    ];
    const written = Promise.all(writes);
    const { marketingDelivery } = write;
    if (options.deferWrites) {
      options.deferWrites.add(written);
      if (marketingDelivery) options.deferWrites.inTurn(() => recordDeliveryInTransaction(tx, marketingDelivery));
      return { charge, debited };
    }
    await Promise.all([written, marketingDelivery ? recordDeliveryInTransaction(tx, marketingDelivery) : undefined]);
    return { charge, debited };
  }

  /**
   * See {@link Store.sumDailyDebits}: read from the roll-up the ledger's trigger keeps (migration
   * 0009), summed as numeric, so past 2^63 micro-units it stays exact.
   */
  async sumDailyDebits(accountId: string, kind: LedgerKind, firstDay: number, lastDay: number): Promise<bigint> {
    const sql = await this.#sql();
    const [row] = await sql<{ total: string | null }[]>`SELECT (sum(debit_high) * 1000000000000 + sum(debit_low))::text AS total
      FROM ledger_daily_debits WHERE account_id = ${accountId} AND kind = ${kind} AND day BETWEEN ${firstDay} AND ${lastDay}`;
    return row?.total ? BigInt(row.total) : 0n;
  }

  async listUnpricedMessages(accountId: string, { from, to, limit }: UnpricedQuery): Promise<UnpricedMessages> {
    const since = from?.getTime() ?? Number.MIN_SAFE_INTEGER;
    const until = to?.getTime() ?? Number.MAX_SAFE_INTEGER;
    const sql = await this.#sql();
    return sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', async (tx) => {
      const [count] = await tx<{ n: bigint }[]>`SELECT count(*) AS n FROM message_charges WHERE account_id = ${accountId}
        AND outcome = 'unpriced' AND delivered_at >= ${since} AND delivered_at < ${until}`;
      const rows = await tx<MessageChargeRow[]>`SELECT * FROM message_charges WHERE account_id = ${accountId}
        AND outcome = 'unpriced' AND delivered_at >= ${since} AND delivered_at < ${until}
        ORDER BY delivered_at DESC, wamid DESC LIMIT ${limit}`;
      return { count: num(count?.n), newest: rows.map(toMessageCharge) };
    });
  }

  async listAccountsInPortfolio(businessPortfolioId: string): Promise<Account[]> {
    const sql = await this.#sql();
    const rows = await sql<AccountRow[]>`SELECT * FROM accounts WHERE business_portfolio_id = ${businessPortfolioId} ORDER BY created_at, id`;
    return rows.map(toAccount);
  }

  /**
   * From the roll-up of migration 0012 (see ../usage-rollup.ts), every count in one statement, so
   * one snapshot: whole hours, whole minutes, then the rows of one minute.
   */
  async countUsage(query: UsageQuery): Promise<UsageCounts> {
    const { since, nextMinute, nextHour } = countedSplit(query.since);
    const sql = await this.#sql();
    const portfolio = query.portfolioKey;
    // A customer enters the window no later than it is last counted, so when the new ones are those
    // of a later start than the window's, they are all in the window: their buckets say it.
    const entered = enteredSplit(query.newSince);
    const fresh =
      query.newSince.getTime() > query.since.getTime()
        ? sql`(SELECT coalesce(sum(recipients), 0) FROM usage_portfolio_by_entered
                WHERE portfolio_key = ${portfolio} AND starts_at >= ${entered.nextMinute})
            + (SELECT count(*) FROM usage_portfolio_recipients
                WHERE portfolio_key = ${portfolio} AND entered_window_at >= ${entered.newSince} AND entered_window_at < ${entered.nextMinute})`
        : sql`(SELECT count(*) FROM usage_portfolio_recipients
                WHERE portfolio_key = ${portfolio} AND entered_window_at >= ${entered.newSince} AND last_counted_at > ${since})`;
    // Recipients of one key last counted after `since`: whole hours, whole minutes, then one minute's rows.
    const countedAfterSince = (recipients: string, rollup: string, keyColumn: string, key: postgres.Fragment | string) => sql`(
        (SELECT coalesce(sum(recipients), 0) FROM ${sql(rollup)}
          WHERE ${sql(keyColumn)} = ${key} AND span_ms = 3600000 AND starts_at >= ${nextHour})
      + (SELECT coalesce(sum(recipients), 0) FROM ${sql(rollup)}
          WHERE ${sql(keyColumn)} = ${key} AND span_ms = 60000 AND starts_at >= ${nextMinute} AND starts_at < ${nextHour})
      + (SELECT count(*) FROM ${sql(recipients)}
          WHERE ${sql(keyColumn)} = ${key} AND last_counted_at > ${since} AND last_counted_at < ${nextMinute}))`;
    const [row] = await sql<{ unique: string; fresh: string; by_account: string[] }[]>`SELECT
      ${countedAfterSince('usage_portfolio_recipients', 'usage_portfolio_by_last_counted', 'portfolio_key', portfolio)}::text AS unique,
      (${fresh})::text AS fresh,
      ARRAY(SELECT ${countedAfterSince('usage_account_recipients', 'usage_account_by_last_counted', 'account_id', sql`a.id`)}::text
              FROM unnest(${sql.array([...query.accountIds])}::text[]) WITH ORDINALITY AS a (id, n) ORDER BY a.n) AS by_account`;
    const byAccount = new Map(query.accountIds.map((id, index) => [id, num(row?.by_account[index])]));
    return { uniqueCustomers: num(row?.unique), newCustomers: num(row?.fresh), byAccount };
  }

  /**
   * Each key in a transaction of its own, under the key's lock that the recipients' insert trigger
   * takes too (migration 0012): the delete's roll-up trigger then never waits on a status being
   * applied while holding rows that status needs. `limit` bounds the rows of each table.
   */
  async pruneUsage(before: Date, limit?: number): Promise<number> {
    const at = before.getTime();
    const sql = await this.#sql();
    let pruned = 0;
    const tables = [
      { lock: 'usage-portfolio', table: 'usage_portfolio_recipients', key: 'portfolio_key' },
      { lock: 'usage-account', table: 'usage_account_recipients', key: 'account_id' },
    ] as const;
    for (const { lock, table, key } of tables) {
      let budget = limit ?? Number.POSITIVE_INFINITY;
      // With a limit, the owners of the oldest `limit` rows (by the prune index): each has one to delete at least.
      const rows =
        limit === undefined
          ? await sql<{ owner: string }[]>`SELECT DISTINCT ${sql(key)} AS owner FROM ${sql(table)} WHERE last_counted_at < ${at}`
          : await sql<{ owner: string }[]>`SELECT ${sql(key)} AS owner FROM ${sql(table)} WHERE last_counted_at < ${at}
              ORDER BY last_counted_at LIMIT ${limit}`;
      for (const owner of new Set(rows.map((row) => row.owner))) {
        if (budget <= 0) break;
        const most = budget === Number.POSITIVE_INFINITY ? null : budget;
        const deleted = await this.#transaction(async (tx) => {
          await lockKey(tx, `${lock}:${owner}`);
          const result = await tx`DELETE FROM ${tx(table)} WHERE ${tx(key)} = ${owner} AND recipient IN
            (SELECT recipient FROM ${tx(table)} WHERE ${tx(key)} = ${owner} AND last_counted_at < ${at} LIMIT ${most})`;
          return result.count;
        });
        budget -= deleted;
        pruned += deleted;
      }
    }
    return pruned;
  }

  async countWebhookEvent(name: string, key: string, at: Date): Promise<void> {
    const sql = await this.#sql();
    await sql`INSERT INTO webhook_stats AS w (name, key, count, last_at) VALUES (${name}, ${key}, 1, ${at.getTime()})
      ON CONFLICT (name, key) DO UPDATE SET count = w.count + 1, last_at = excluded.last_at`;
  }

  async listWebhookStats(): Promise<WebhookStat[]> {
    const sql = await this.#sql();
    const rows = await sql<{ name: string; key: string; count: bigint; last_at: bigint }[]>`SELECT name, key, count, last_at
      FROM webhook_stats ORDER BY name, key`;
    return rows.map((row) => ({ name: row.name, key: row.key, count: Number(row.count), lastAt: new Date(Number(row.last_at)) }));
  }
}

/** The statement writing a message's record (a fragment: sent alone or as part of a larger statement). */
function chargeUpsert(tx: Tx, c: MessageCharge): postgres.PendingQuery<postgres.Row[]> {
  return tx`INSERT INTO message_charges (account_id, wamid, recipient, market, country, is_group, last_status, pricing_type,
      category, billable, delivered_at, failed_at, outcome, price_micros, ledger_entry_id, created_at, updated_at)
    VALUES (${c.accountId}, ${c.wamid}, ${c.recipient}, ${c.market}, ${c.country}, ${c.isGroup}, ${c.lastStatus}, ${c.pricingType},
      ${c.category}, ${c.billable}, ${c.deliveredAt?.getTime() ?? null}, ${c.failedAt?.getTime() ?? null}, ${c.outcome},
      ${c.priceMicros}, ${c.ledgerEntryId}, ${c.createdAt.getTime()}, ${c.updatedAt.getTime()})
    ON CONFLICT (account_id, wamid) DO UPDATE SET last_status = excluded.last_status, pricing_type = excluded.pricing_type,
      category = excluded.category, billable = excluded.billable, delivered_at = excluded.delivered_at,
      failed_at = excluded.failed_at, outcome = excluded.outcome, price_micros = excluded.price_micros,
      ledger_entry_id = excluded.ledger_entry_id, updated_at = excluded.updated_at`;
}

function toRate(row: RateRow): Rate {
  return { market: row.market, category: row.category, priceMicros: row.price_micros };
}

function toMessageCharge(row: MessageChargeRow): MessageCharge {
  return {
    accountId: row.account_id,
    wamid: row.wamid,
    recipient: row.recipient,
    market: row.market,
    country: row.country,
    isGroup: row.is_group,
    lastStatus: row.last_status,
    pricingType: row.pricing_type,
    category: row.category,
    billable: row.billable,
    deliveredAt: dateOrNull(row.delivered_at),
    failedAt: dateOrNull(row.failed_at),
    outcome: row.outcome as ChargeOutcome | null,
    priceMicros: row.price_micros,
    ledgerEntryId: row.ledger_entry_id,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}
