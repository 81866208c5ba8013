import type Database from 'better-sqlite3';
import type { LedgerAppendOptions, LedgerAppendResult, LedgerPolicy, NewLedgerEntry } from '../../domain/ledger.js';
import { withinBalanceRange } from '../../domain/ledger.js';
import type {
  Payment,
  PaymentLink,
  PaymentPurpose,
  PaymentSettlement,
  PaymentStatus,
  SettlementResult,
  StoredLinkStatus,
} from '../../domain/payments/payment.js';
import type { PaymentsStore } from '../payments-store.js';

interface PaymentRow {
  id: string;
  account_id: string;
  purpose: string;
  link_id: string | null;
  amount_micros: bigint;
  currency: string;
  status: string;
  provider: string;
  provider_payment_id: string;
  checkout_url: string;
  created_at: bigint;
  expires_at: bigint;
  completed_at: bigint | null;
  ledger_entry_id: string | null;
  review_note: string | null;
}

interface LinkRow {
  id: string;
  account_id: string;
  token: string;
  amount_micros: bigint;
  currency: string;
  note: string | null;
  status: string;
  created_at: bigint;
  expires_at: bigint;
  paid_at: bigint | null;
  cancelled_at: bigint | null;
  ledger_entry_id: string | null;
}

const PAYMENT_COLUMNS = `id, account_id, purpose, link_id, amount_micros, currency, status, provider, provider_payment_id,
  checkout_url, created_at, expires_at, completed_at, ledger_entry_id, review_note`;
const LINK_COLUMNS = `id, account_id, token, amount_micros, currency, note, status, created_at, expires_at, paid_at,
  cancelled_at, ledger_entry_id`;

/** Appends a ledger entry inside the caller's transaction (the store's own append, nested). */
export type NestedAppend = (entry: NewLedgerEntry, policy: LedgerPolicy, options: LedgerAppendOptions) => LedgerAppendResult;

/** SQLite side of {@link PaymentsStore}. */
export class SqlitePayments implements PaymentsStore {
  readonly #s;
  readonly #settle;
  readonly #cancel;

  constructor(db: Database.Database, append: NestedAppend) {
    const s = {
      insertPayment: db.prepare(`INSERT INTO payments (${PAYMENT_COLUMNS}) VALUES (@id, @account_id, @purpose, @link_id,
        @amount_micros, @currency, @status, @provider, @provider_payment_id, @checkout_url, @created_at, @expires_at,
        @completed_at, @ledger_entry_id, @review_note)`),
      updatePayment: db.prepare(`UPDATE payments SET status = @status, completed_at = @completed_at,
        ledger_entry_id = @ledger_entry_id, review_note = @review_note WHERE id = @id`),
      getPayment: db.prepare<[string], PaymentRow>(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = ?`).safeIntegers(),
      byProviderId: db
        .prepare<[string, string], PaymentRow>(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE provider = ? AND provider_payment_id = ?`)
        .safeIntegers(),
      openForLink: db
        .prepare<[string, number], PaymentRow>(`SELECT ${PAYMENT_COLUMNS} FROM payments
          WHERE link_id = ? AND status = 'pending' AND expires_at > ? ORDER BY created_at DESC LIMIT 1`)
        .safeIntegers(),
      expireAll: db.prepare<[number]>(`UPDATE payments SET status = 'expired', completed_at = expires_at
        WHERE status = 'pending' AND expires_at <= ?`),
      expireOne: db.prepare<[string, number]>(`UPDATE payments SET status = 'expired', completed_at = expires_at
        WHERE id = ? AND status = 'pending' AND expires_at <= ?`),
      insertLink: db.prepare(`INSERT INTO payment_links (${LINK_COLUMNS}) VALUES (@id, @account_id, @token, @amount_micros,
        @currency, @note, @status, @created_at, @expires_at, @paid_at, @cancelled_at, @ledger_entry_id)`),
      updateLink: db.prepare(`UPDATE payment_links SET status = @status, paid_at = @paid_at, cancelled_at = @cancelled_at,
        ledger_entry_id = @ledger_entry_id WHERE id = @id`),
      getLink: db.prepare<[string], LinkRow>(`SELECT ${LINK_COLUMNS} FROM payment_links WHERE id = ?`).safeIntegers(),
      linkByToken: db.prepare<[string], LinkRow>(`SELECT ${LINK_COLUMNS} FROM payment_links WHERE token = ?`).safeIntegers(),
      listLinks: db
        .prepare<[string, number], LinkRow>(`SELECT ${LINK_COLUMNS} FROM payment_links WHERE account_id = ?
          ORDER BY created_at DESC, id DESC LIMIT ?`)
        .safeIntegers(),
      cancelLink: db.prepare<[number, string]>(`UPDATE payment_links SET status = 'cancelled', cancelled_at = ?
        WHERE id = ? AND status = 'open'`),
    };
    this.#s = s;
    this.#settle = db.transaction(
      (
        provider: string,
        providerPaymentId: string,
        decide: (payment: Payment, link: PaymentLink | null) => PaymentSettlement | null,
      ): SettlementResult | null => {
        const row = s.byProviderId.get(provider, providerPaymentId);
        if (!row) return null;
        const current = toPayment(row);
        const linkRow = current.linkId ? s.getLink.get(current.linkId) : undefined;
        const currentLink = linkRow ? toLink(linkRow) : null;
        const write = decide(current, currentLink);
        if (!write) return { payment: current, link: currentLink, credited: false };
        let { payment } = write;
        let link = write.link ?? currentLink;
        let credited = false;
        if (write.credit) {
          const result = append(write.credit.entry, withinBalanceRange, { hostEvents: write.credit.hostEvents });
          credited = !result.replayed;
          payment = { ...payment, ledgerEntryId: result.entry.id };
          if (write.link && link) link = { ...link, ledgerEntryId: link.ledgerEntryId ?? result.entry.id };
        }
        s.updatePayment.run(paymentParams(payment));
        if (write.link && link) s.updateLink.run(linkParams(link));
        return { payment, link, credited };
      },
    );
    this.#cancel = db.transaction((id: string, at: Date): PaymentLink | null => {
      s.cancelLink.run(at.getTime(), id);
      const row = s.getLink.get(id);
      return row ? toLink(row) : null;
    });
  }

  async createPayment(payment: Payment): Promise<void> {
    this.#s.insertPayment.run(paymentParams(payment));
  }

  async getPayment(id: string): Promise<Payment | null> {
    const row = this.#s.getPayment.get(id);
    return row ? toPayment(row) : null;
  }

  async expirePayments(now: Date, ids?: readonly string[]): Promise<void> {
    if (!ids) this.#s.expireAll.run(now.getTime());
    else for (const id of ids) this.#s.expireOne.run(id, now.getTime());
  }

  async findOpenLinkPayment(linkId: string, now: Date): Promise<Payment | null> {
    const row = this.#s.openForLink.get(linkId, now.getTime());
    return row ? toPayment(row) : null;
  }

  async settlePayment(
    provider: string,
    providerPaymentId: string,
    decide: (payment: Payment, link: PaymentLink | null) => PaymentSettlement | null,
  ): Promise<SettlementResult | null> {
    return this.#settle.immediate(provider, providerPaymentId, decide);
  }

  async createPaymentLink(link: PaymentLink): Promise<void> {
    this.#s.insertLink.run(linkParams(link));
  }

  async getPaymentLink(id: string): Promise<PaymentLink | null> {
    const row = this.#s.getLink.get(id);
    return row ? toLink(row) : null;
  }

  async findPaymentLinkByToken(token: string): Promise<PaymentLink | null> {
    const row = this.#s.linkByToken.get(token);
    return row ? toLink(row) : null;
  }

  async listPaymentLinks(accountId: string, limit: number): Promise<PaymentLink[]> {
    return this.#s.listLinks.all(accountId, limit).map(toLink);
  }

  async cancelPaymentLink(id: string, at: Date): Promise<PaymentLink | null> {
    return this.#cancel.immediate(id, at);
  }
}

const ms = (date: Date | null) => (date ? date.getTime() : null);
const date = (value: bigint | null) => (value === null ? null : new Date(Number(value)));

function paymentParams(p: Payment) {
  return {
    id: p.id,
    account_id: p.accountId,
    purpose: p.purpose,
    link_id: p.linkId,
    amount_micros: p.amountMicros,
    currency: p.currency,
    status: p.status,
    provider: p.provider,
    provider_payment_id: p.providerPaymentId,
    checkout_url: p.checkoutUrl,
    created_at: p.createdAt.getTime(),
    expires_at: p.expiresAt.getTime(),
    completed_at: ms(p.completedAt),
    ledger_entry_id: p.ledgerEntryId,
    review_note: p.reviewNote,
  };
}

function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    accountId: row.account_id,
    purpose: row.purpose as PaymentPurpose,
    linkId: row.link_id,
    amountMicros: row.amount_micros,
    currency: row.currency,
    status: row.status as PaymentStatus,
    provider: row.provider,
    providerPaymentId: row.provider_payment_id,
    checkoutUrl: row.checkout_url,
    createdAt: new Date(Number(row.created_at)),
    expiresAt: new Date(Number(row.expires_at)),
    completedAt: date(row.completed_at),
    ledgerEntryId: row.ledger_entry_id,
    reviewNote: row.review_note,
  };
}

function linkParams(l: PaymentLink) {
  return {
    id: l.id,
    account_id: l.accountId,
    token: l.token,
    amount_micros: l.amountMicros,
    currency: l.currency,
    note: l.note,
    status: l.status,
    created_at: l.createdAt.getTime(),
    expires_at: l.expiresAt.getTime(),
    paid_at: ms(l.paidAt),
    cancelled_at: ms(l.cancelledAt),
    ledger_entry_id: l.ledgerEntryId,
  };
}

function toLink(row: LinkRow): PaymentLink {
  return {
    id: row.id,
    accountId: row.account_id,
    token: row.token,
    amountMicros: row.amount_micros,
    currency: row.currency,
    note: row.note,
    status: row.status as StoredLinkStatus,
    createdAt: new Date(Number(row.created_at)),
    expiresAt: new Date(Number(row.expires_at)),
    paidAt: date(row.paid_at),
    cancelledAt: date(row.cancelled_at),
    ledgerEntryId: row.ledger_entry_id,
  };
}
