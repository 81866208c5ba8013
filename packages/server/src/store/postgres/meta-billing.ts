import type { Account } from '../../domain/accounts.js';
import type { ChargeOutcome, MessageCharge, MessageChargeWrite } from '../../domain/billing/message-charge.js';
import type { LedgerAppendOptions, LedgerAppendResult, LedgerPolicy, NewLedgerEntry } from '../../domain/ledger.js';
import type { StoreChange } from '../changes.js';
import { withinBalanceRange } from '../../domain/ledger.js';
import type { AccountPricing, Rate } from '../../domain/pricing/rate-card.js';
import type { MetaBillingStore, UnpricedMessages, UnpricedQuery, UsageCounts, UsageQuery, WebhookStat } from '../meta-billing-store.js';
import type { AccountRow } from '../sqlite/rows.js';
import { toAccount } from '../sqlite/rows.js';
import type { Db, RunInTransaction, Tx } from './db.js';
import { dateOrNull, lockKey, num } from './db.js';
import { lockAccount } from './ledger.js';

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
) => Promise<LedgerAppendResult>;

/** The PostgreSQL side of {@link MetaBillingStore}. */
export class PgMetaBilling implements MetaBillingStore {
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

  async applyMessageStatus(
    accountId: string,
    wamid: string,
    decide: (current: MessageCharge | null) => MessageChargeWrite | null,
  ): Promise<MessageCharge | null> {
    return this.#transaction(async (tx, changes) => {
      // The account's row lock orders every status of its messages, across instances: a status
      // delivered twice at once (to two instances) is decided once on the record the first wrote.
      await lockAccount(tx, accountId);
      const [row] = await tx<MessageChargeRow[]>`SELECT * FROM message_charges WHERE account_id = ${accountId} AND wamid = ${wamid}`;
      const current = row ? toMessageCharge(row) : null;
      const write = decide(current);
      if (!write) return current;
      let charge = write.charge;
      if (write.ledgerEntry) {
        // Meta has billed a delivered message: the debit may take the balance below zero.
        const { entry } = await this.#append(tx, changes, write.ledgerEntry, withinBalanceRange, {});
        charge = { ...charge, ledgerEntryId: entry.id };
      }
      await upsertCharge(tx, charge);
      if (write.usage) {
        const at = write.usage.countedAt.getTime();
        // SET expressions read the row as it was: a recipient absent for a whole day enters the window anew.
        await tx`INSERT INTO usage_portfolio_recipients AS u (portfolio_key, recipient, last_counted_at, entered_window_at)
          VALUES (${write.usage.portfolioKey}, ${write.usage.recipient}, ${at}, ${at})
          ON CONFLICT (portfolio_key, recipient) DO UPDATE SET
            entered_window_at = CASE WHEN u.last_counted_at <= excluded.last_counted_at - ${DAY_MS} THEN excluded.entered_window_at
                                     ELSE least(u.entered_window_at, excluded.entered_window_at) END,
            last_counted_at = greatest(u.last_counted_at, excluded.last_counted_at)`;
        await tx`INSERT INTO usage_account_recipients AS u (account_id, recipient, last_counted_at)
          VALUES (${write.usage.accountId}, ${write.usage.recipient}, ${at})
          ON CONFLICT (account_id, recipient) DO UPDATE SET last_counted_at = greatest(u.last_counted_at, excluded.last_counted_at)`;
      }
      return charge;
    });
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

  async countUsage(query: UsageQuery): Promise<UsageCounts> {
    const since = query.since.getTime();
    const sql = await this.#sql();
    return sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', async (tx) => {
      const [unique] = await tx<{ n: bigint }[]>`SELECT count(*) AS n FROM usage_portfolio_recipients
        WHERE portfolio_key = ${query.portfolioKey} AND last_counted_at > ${since}`;
      const [fresh] = await tx<{ n: bigint }[]>`SELECT count(*) AS n FROM usage_portfolio_recipients
        WHERE portfolio_key = ${query.portfolioKey} AND entered_window_at >= ${query.newSince.getTime()} AND last_counted_at > ${since}`;
      const byAccount = new Map<string, number>();
      for (const id of query.accountIds) {
        const [row] = await tx<{ n: bigint }[]>`SELECT count(*) AS n FROM usage_account_recipients
          WHERE account_id = ${id} AND last_counted_at > ${since}`;
        byAccount.set(id, num(row?.n));
      }
      return { uniqueCustomers: num(unique?.n), newCustomers: num(fresh?.n), byAccount };
    });
  }

  async pruneUsage(before: Date): Promise<number> {
    return this.#transaction(async (tx) => {
      const portfolio = await tx`DELETE FROM usage_portfolio_recipients WHERE last_counted_at < ${before.getTime()}`;
      const account = await tx`DELETE FROM usage_account_recipients WHERE last_counted_at < ${before.getTime()}`;
      return portfolio.count + account.count;
    });
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

async function upsertCharge(tx: Tx, c: MessageCharge): Promise<void> {
  await tx`INSERT INTO message_charges (account_id, wamid, recipient, market, country, is_group, last_status, pricing_type,
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
