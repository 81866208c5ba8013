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
import type { LinkCheckoutReservation, PaymentsStore, PrunedPayments } from '../payments-store.js';
import type { SandboxCheckout, SandboxCheckoutState, SandboxCheckoutStore } from '../sandbox-checkout-store.js';

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
  token_hash: string;
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

const SANDBOX_COLUMNS = 'id, amount_micros, currency, description, success_url, cancel_url, state, created_at, expires_at';
const PAYMENT_COLUMNS = `id, account_id, purpose, link_id, amount_micros, currency, status, provider, provider_payment_id,
  checkout_url, created_at, expires_at, completed_at, ledger_entry_id, review_note`;
interface SandboxRow {
  id: string;
  amount_micros: bigint;
  currency: string;
  description: string;
  success_url: string;
  cancel_url: string;
  state: string;
  created_at: bigint;
  expires_at: bigint;
}

const LINK_COLUMNS = `id, account_id, token_hash, amount_micros, currency, note, status, created_at, expires_at, paid_at,
  cancelled_at, ledger_entry_id`;

/** Appends a ledger entry inside the caller's transaction (the store's own append, nested). */
export type NestedAppend = (entry: NewLedgerEntry, policy: LedgerPolicy, options: LedgerAppendOptions) => LedgerAppendResult;

/** SQLite side of {@link PaymentsStore} and {@link SandboxCheckoutStore}. */
export class SqlitePayments implements PaymentsStore, SandboxCheckoutStore {
  readonly #s;
  readonly #settle;
  readonly #cancel;
  readonly #reserve;
  readonly #fill;
  readonly #prune;

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
      insertLink: db.prepare(`INSERT INTO payment_links (${LINK_COLUMNS}) VALUES (@id, @account_id, @token_hash, @amount_micros,
        @currency, @note, @status, @created_at, @expires_at, @paid_at, @cancelled_at, @ledger_entry_id)`),
      updateLink: db.prepare(`UPDATE payment_links SET status = @status, paid_at = @paid_at, cancelled_at = @cancelled_at,
        ledger_entry_id = @ledger_entry_id WHERE id = @id`),
      getLink: db.prepare<[string], LinkRow>(`SELECT ${LINK_COLUMNS} FROM payment_links WHERE id = ?`).safeIntegers(),
      linkByTokenHash: db.prepare<[string], LinkRow>(`SELECT ${LINK_COLUMNS} FROM payment_links WHERE token_hash = ?`).safeIntegers(),
      listLinks: db
        .prepare<[string, number], LinkRow>(`SELECT ${LINK_COLUMNS} FROM payment_links WHERE account_id = ?
          ORDER BY created_at DESC, id DESC LIMIT ?`)
        .safeIntegers(),
      cancelLink: db.prepare<[number, string]>(`UPDATE payment_links SET status = 'cancelled', cancelled_at = ?
        WHERE id = ? AND status = 'open'`),
      pendingForLink: db
        .prepare<[string], PaymentRow>(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE link_id = ? AND status = 'pending'`)
        .safeIntegers(),
      abandon: db.prepare<[number, string]>(`UPDATE payments SET status = 'expired', completed_at = ? WHERE id = ? AND status = 'pending'`),
      getReservation: db.prepare<[string], { payment_id: string; reserved_at: number }>(
        'SELECT payment_id, reserved_at FROM payment_link_checkouts WHERE link_id = ?',
      ),
      putReservation: db.prepare<[string, string, number]>(`INSERT INTO payment_link_checkouts (link_id, payment_id, reserved_at)
        VALUES (?, ?, ?) ON CONFLICT (link_id) DO UPDATE SET payment_id = excluded.payment_id, reserved_at = excluded.reserved_at`),
      releaseReservation: db.prepare<[string, string]>('DELETE FROM payment_link_checkouts WHERE link_id = ? AND payment_id = ?'),
      insertSandbox: db.prepare(`INSERT INTO sandbox_checkouts (${SANDBOX_COLUMNS}) VALUES (@id, @amount_micros, @currency,
        @description, @success_url, @cancel_url, @state, @created_at, @expires_at)`),
      getSandbox: db.prepare<[string], SandboxRow>(`SELECT ${SANDBOX_COLUMNS} FROM sandbox_checkouts WHERE id = ?`).safeIntegers(),
      moveSandbox: db.prepare<[string, string, string]>('UPDATE sandbox_checkouts SET state = ? WHERE id = ? AND state = ?'),
      pruneReservations: db.prepare<[{ cutoff: number }]>(`DELETE FROM payment_link_checkouts WHERE reserved_at < @cutoff OR link_id IN (
        SELECT id FROM payment_links WHERE status <> 'paid' AND COALESCE(cancelled_at, expires_at) < @cutoff)`),
      prunePayments: db.prepare<[number]>(`DELETE FROM payments
        WHERE status <> 'succeeded' AND review_note IS NULL AND expires_at < ?`),
      pruneLinks: db.prepare<[number]>(`DELETE FROM payment_links AS l
        WHERE status <> 'paid' AND COALESCE(cancelled_at, expires_at) < ?
          AND NOT EXISTS (SELECT 1 FROM payments AS p WHERE p.link_id = l.id)`),
      pruneSandbox: db.prepare<[number]>('DELETE FROM sandbox_checkouts WHERE expires_at < ?'),
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
    this.#reserve = db.transaction(
      (linkId: string, paymentId: string, provider: string, now: Date, staleBefore: Date): LinkCheckoutReservation => {
        const linkRow = s.getLink.get(linkId);
        if (!linkRow || linkRow.status !== 'open' || Number(linkRow.expires_at) <= now.getTime()) return { kind: 'closed' };
        const open = s.openForLink.get(linkId, now.getTime());
        if (open && open.provider === provider) return { kind: 'open', payment: toPayment(open) };
        const held = s.getReservation.get(linkId);
        // A reservation whose payment was never recorded is a call to the provider still under way,
        // unless it is older than such a call may take.
        if (held && !s.getPayment.get(held.payment_id) && held.reserved_at >= staleBefore.getTime()) return { kind: 'busy' };
        s.putReservation.run(linkId, paymentId, now.getTime());
        return { kind: 'reserved' };
      },
    );
    this.#fill = db.transaction((payment: Payment, now: Date): boolean => {
      if (!payment.linkId) throw new Error('fillLinkCheckout: not a payment-link payment');
      const held = s.getReservation.get(payment.linkId);
      const linkRow = s.getLink.get(payment.linkId);
      if (held?.payment_id !== payment.id || linkRow?.status !== 'open' || Number(linkRow.expires_at) <= now.getTime()) return false;
      s.insertPayment.run(paymentParams(payment));
      return true;
    });
    this.#prune = db.transaction((cutoff: Date): PrunedPayments => {
      const at = cutoff.getTime();
      s.pruneReservations.run({ cutoff: at });
      const payments = s.prunePayments.run(at).changes;
      const links = s.pruneLinks.run(at).changes;
      const sandboxCheckouts = s.pruneSandbox.run(at).changes;
      return { payments, links, sandboxCheckouts };
    });
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

  async findPaymentLinkByTokenHash(tokenHash: string): Promise<PaymentLink | null> {
    const row = this.#s.linkByTokenHash.get(tokenHash);
    return row ? toLink(row) : null;
  }

  async reserveLinkCheckout(linkId: string, paymentId: string, provider: string, now: Date, staleBefore: Date): Promise<LinkCheckoutReservation> {
    return this.#reserve.immediate(linkId, paymentId, provider, now, staleBefore);
  }

  async fillLinkCheckout(payment: Payment, now: Date): Promise<boolean> {
    return this.#fill.immediate(payment, now);
  }

  async releaseLinkCheckout(linkId: string, paymentId: string): Promise<void> {
    this.#s.releaseReservation.run(linkId, paymentId);
  }

  async listPendingLinkPayments(linkId: string): Promise<Payment[]> {
    return this.#s.pendingForLink.all(linkId).map(toPayment);
  }

  async abandonPayment(id: string, at: Date): Promise<Payment | null> {
    this.#s.abandon.run(at.getTime(), id);
    return this.getPayment(id);
  }

  async pruneExpiredPayments(cutoff: Date): Promise<PrunedPayments> {
    return this.#prune.immediate(cutoff);
  }

  async createSandboxCheckout(checkout: SandboxCheckout): Promise<void> {
    this.#s.insertSandbox.run({
      id: checkout.id,
      amount_micros: checkout.amountMicros,
      currency: checkout.currency,
      description: checkout.description,
      success_url: checkout.successUrl,
      cancel_url: checkout.cancelUrl,
      state: checkout.state,
      created_at: checkout.createdAt.getTime(),
      expires_at: checkout.expiresAt.getTime(),
    });
  }

  async getSandboxCheckout(id: string): Promise<SandboxCheckout | null> {
    const row = this.#s.getSandbox.get(id);
    return row
      ? {
          id: row.id,
          amountMicros: row.amount_micros,
          currency: row.currency,
          description: row.description,
          successUrl: row.success_url,
          cancelUrl: row.cancel_url,
          state: row.state as SandboxCheckoutState,
          createdAt: new Date(Number(row.created_at)),
          expiresAt: new Date(Number(row.expires_at)),
        }
      : null;
  }

  async moveSandboxCheckout(id: string, from: SandboxCheckoutState, to: SandboxCheckoutState): Promise<boolean> {
    return this.#s.moveSandbox.run(to, id, from).changes === 1;
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
    token_hash: l.tokenHash,
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
    tokenHash: row.token_hash,
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
