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
import type { Db, RunInTransaction, Tx } from './db.js';
import type { PgNestedAppend } from './meta-billing.js';
import { dateOrNull } from './db.js';
import { lockAccount } from './ledger.js';

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

/**
 * PostgreSQL side of {@link PaymentsStore} and {@link SandboxCheckoutStore}. What a link's checkout
 * reservation decides runs with the link's row locked (`FOR UPDATE`), so concurrent payers of one
 * link, on any instance, take turns exactly as SQLite's IMMEDIATE transactions make them.
 */
export class PgPayments implements PaymentsStore, SandboxCheckoutStore {
  readonly #sql: () => Promise<Db>;
  readonly #transaction: RunInTransaction;
  readonly #append: PgNestedAppend;

  constructor(sql: () => Promise<Db>, transaction: RunInTransaction, append: PgNestedAppend) {
    this.#sql = sql;
    this.#transaction = transaction;
    this.#append = append;
  }

  async createPayment(p: Payment): Promise<void> {
    const sql = await this.#sql();
    await insertPayment(sql, p);
  }

  async getPayment(id: string): Promise<Payment | null> {
    const sql = await this.#sql();
    const [row] = await sql<PaymentRow[]>`SELECT * FROM payments WHERE id = ${id}`;
    return row ? toPayment(row) : null;
  }

  async expirePayments(now: Date, ids?: readonly string[]): Promise<void> {
    const sql = await this.#sql();
    if (!ids) {
      await sql`UPDATE payments SET status = 'expired', completed_at = expires_at WHERE status = 'pending' AND expires_at <= ${now.getTime()}`;
      return;
    }
    for (const id of ids) {
      await sql`UPDATE payments SET status = 'expired', completed_at = expires_at
        WHERE id = ${id} AND status = 'pending' AND expires_at <= ${now.getTime()}`;
    }
  }

  async findOpenLinkPayment(linkId: string, now: Date): Promise<Payment | null> {
    const sql = await this.#sql();
    const [row] = await sql<PaymentRow[]>`SELECT * FROM payments
      WHERE link_id = ${linkId} AND status = 'pending' AND expires_at > ${now.getTime()} ORDER BY created_at DESC LIMIT 1`;
    return row ? toPayment(row) : null;
  }

  async settlePayment(
    provider: string,
    providerPaymentId: string,
    decide: (payment: Payment, link: PaymentLink | null) => PaymentSettlement | null,
  ): Promise<SettlementResult | null> {
    return this.#transaction(async (tx, changes) => {
      const [found] = await tx<{ account_id: string }[]>`SELECT account_id FROM payments
        WHERE provider = ${provider} AND provider_payment_id = ${providerPaymentId}`;
      if (!found) return null;
      // Account first, then payment and link: the order every append takes, so no deadlock; the
      // payment is read again under its lock, as the provider's concurrent retries left it.
      await lockAccount(tx, found.account_id);
      const [row] = await tx<PaymentRow[]>`SELECT * FROM payments
        WHERE provider = ${provider} AND provider_payment_id = ${providerPaymentId} FOR UPDATE`;
      if (!row) return null;
      const current = toPayment(row);
      const [linkRow] = current.linkId ? await tx<LinkRow[]>`SELECT * FROM payment_links WHERE id = ${current.linkId} FOR UPDATE` : [];
      const currentLink = linkRow ? toLink(linkRow) : null;
      const write = decide(current, currentLink);
      if (!write) return { payment: current, link: currentLink, credited: false };
      let { payment } = write;
      let link = write.link ?? currentLink;
      let credited = false;
      if (write.credit) {
        const result = await this.#append(tx, changes, write.credit.entry, withinBalanceRange, { hostEvents: write.credit.hostEvents });
        credited = !result.replayed;
        payment = { ...payment, ledgerEntryId: result.entry.id };
        if (write.link && link) link = { ...link, ledgerEntryId: link.ledgerEntryId ?? result.entry.id };
      }
      await tx`UPDATE payments SET status = ${payment.status}, completed_at = ${payment.completedAt?.getTime() ?? null},
        ledger_entry_id = ${payment.ledgerEntryId}, review_note = ${payment.reviewNote} WHERE id = ${payment.id}`;
      if (write.link && link) {
        await tx`UPDATE payment_links SET status = ${link.status}, paid_at = ${link.paidAt?.getTime() ?? null},
          cancelled_at = ${link.cancelledAt?.getTime() ?? null}, ledger_entry_id = ${link.ledgerEntryId} WHERE id = ${link.id}`;
      }
      if (credited) changes.push({ kind: 'payment_credited', accountId: payment.accountId, paymentId: payment.id });
      return { payment, link, credited };
    });
  }

  async createPaymentLink(l: PaymentLink): Promise<void> {
    const sql = await this.#sql();
    await sql`INSERT INTO payment_links (id, account_id, token_hash, amount_micros, currency, note, status, created_at, expires_at,
        paid_at, cancelled_at, ledger_entry_id)
      VALUES (${l.id}, ${l.accountId}, ${l.tokenHash}, ${l.amountMicros}, ${l.currency}, ${l.note}, ${l.status},
        ${l.createdAt.getTime()}, ${l.expiresAt.getTime()}, ${l.paidAt?.getTime() ?? null}, ${l.cancelledAt?.getTime() ?? null},
        ${l.ledgerEntryId})`;
  }

  async getPaymentLink(id: string): Promise<PaymentLink | null> {
    const sql = await this.#sql();
    const [row] = await sql<LinkRow[]>`SELECT * FROM payment_links WHERE id = ${id}`;
    return row ? toLink(row) : null;
  }

  async findPaymentLinkByTokenHash(tokenHash: string): Promise<PaymentLink | null> {
    const sql = await this.#sql();
    const [row] = await sql<LinkRow[]>`SELECT * FROM payment_links WHERE token_hash = ${tokenHash}`;
    return row ? toLink(row) : null;
  }

  async reserveLinkCheckout(linkId: string, paymentId: string, provider: string, now: Date, staleBefore: Date): Promise<LinkCheckoutReservation> {
    return this.#transaction(async (tx): Promise<LinkCheckoutReservation> => {
      const [link] = await tx<LinkRow[]>`SELECT * FROM payment_links WHERE id = ${linkId} FOR UPDATE`;
      if (!link || link.status !== 'open' || Number(link.expires_at) <= now.getTime()) return { kind: 'closed' };
      const [open] = await tx<PaymentRow[]>`SELECT * FROM payments
        WHERE link_id = ${linkId} AND status = 'pending' AND expires_at > ${now.getTime()} ORDER BY created_at DESC LIMIT 1`;
      if (open && open.provider === provider) return { kind: 'open', payment: toPayment(open) };
      const [held] = await tx<{ payment_id: string; reserved_at: bigint }[]>`SELECT payment_id, reserved_at
        FROM payment_link_checkouts WHERE link_id = ${linkId}`;
      // A reservation whose payment was never recorded is a call to the provider still under way,
      // unless it is older than such a call may take.
      if (held && Number(held.reserved_at) >= staleBefore.getTime()) {
        const [recorded] = await tx`SELECT 1 AS found FROM payments WHERE id = ${held.payment_id}`;
        if (!recorded) return { kind: 'busy' };
      }
      await tx`INSERT INTO payment_link_checkouts (link_id, payment_id, reserved_at) VALUES (${linkId}, ${paymentId}, ${now.getTime()})
        ON CONFLICT (link_id) DO UPDATE SET payment_id = excluded.payment_id, reserved_at = excluded.reserved_at`;
      return { kind: 'reserved' };
    });
  }

  async fillLinkCheckout(payment: Payment, now: Date): Promise<boolean> {
    const linkId = payment.linkId;
    if (!linkId) throw new Error('fillLinkCheckout: not a payment-link payment');
    return this.#transaction(async (tx) => {
      // The account before the link, the order settlePayment takes them (the payment's foreign key
      // would share-lock the account later otherwise: a deadlock with a settlement of this link);
      // then the link, as reserveLinkCheckout locks it, so the reservation cannot change under us.
      await tx`SELECT 1 AS found FROM accounts WHERE id = ${payment.accountId} FOR KEY SHARE`;
      const [link] = await tx<LinkRow[]>`SELECT * FROM payment_links WHERE id = ${linkId} FOR UPDATE`;
      const [held] = await tx<{ payment_id: string }[]>`SELECT payment_id FROM payment_link_checkouts WHERE link_id = ${linkId}`;
      if (held?.payment_id !== payment.id || link?.status !== 'open' || Number(link.expires_at) <= now.getTime()) return false;
      await insertPayment(tx, payment);
      return true;
    });
  }

  async releaseLinkCheckout(linkId: string, paymentId: string): Promise<void> {
    const sql = await this.#sql();
    await sql`DELETE FROM payment_link_checkouts WHERE link_id = ${linkId} AND payment_id = ${paymentId}`;
  }

  async listPendingLinkPayments(linkId: string): Promise<Payment[]> {
    const sql = await this.#sql();
    const rows = await sql<PaymentRow[]>`SELECT * FROM payments WHERE link_id = ${linkId} AND status = 'pending'`;
    return rows.map(toPayment);
  }

  async abandonPayment(id: string, at: Date): Promise<Payment | null> {
    const sql = await this.#sql();
    await sql`UPDATE payments SET status = 'expired', completed_at = ${at.getTime()} WHERE id = ${id} AND status = 'pending'`;
    return this.getPayment(id);
  }

  async pruneExpiredPayments(cutoff: Date): Promise<PrunedPayments> {
    const at = cutoff.getTime();
    return this.#transaction(async (tx) => {
      await tx`DELETE FROM payment_link_checkouts WHERE reserved_at < ${at} OR link_id IN (
        SELECT id FROM payment_links WHERE status <> 'paid' AND COALESCE(cancelled_at, expires_at) < ${at})`;
      const payments = await tx`DELETE FROM payments WHERE status <> 'succeeded' AND review_note IS NULL AND expires_at < ${at}`;
      const links = await tx`DELETE FROM payment_links AS l
        WHERE status <> 'paid' AND COALESCE(cancelled_at, expires_at) < ${at}
          AND NOT EXISTS (SELECT 1 FROM payments AS p WHERE p.link_id = l.id)`;
      const sandbox = await tx`DELETE FROM sandbox_checkouts WHERE expires_at < ${at}`;
      return { payments: payments.count, links: links.count, sandboxCheckouts: sandbox.count };
    });
  }

  async createSandboxCheckout(c: SandboxCheckout): Promise<void> {
    const sql = await this.#sql();
    await sql`INSERT INTO sandbox_checkouts (id, amount_micros, currency, description, success_url, cancel_url, state, created_at, expires_at)
      VALUES (${c.id}, ${c.amountMicros}, ${c.currency}, ${c.description}, ${c.successUrl}, ${c.cancelUrl}, ${c.state},
        ${c.createdAt.getTime()}, ${c.expiresAt.getTime()})`;
  }

  async getSandboxCheckout(id: string): Promise<SandboxCheckout | null> {
    const sql = await this.#sql();
    const [row] = await sql<SandboxRow[]>`SELECT * FROM sandbox_checkouts WHERE id = ${id}`;
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
    const sql = await this.#sql();
    const result = await sql`UPDATE sandbox_checkouts SET state = ${to} WHERE id = ${id} AND state = ${from}`;
    return result.count === 1;
  }

  async listPaymentLinks(accountId: string, limit: number): Promise<PaymentLink[]> {
    const sql = await this.#sql();
    const rows = await sql<LinkRow[]>`SELECT * FROM payment_links WHERE account_id = ${accountId}
      ORDER BY created_at DESC, id DESC LIMIT ${limit}`;
    return rows.map(toLink);
  }

  async cancelPaymentLink(id: string, at: Date): Promise<PaymentLink | null> {
    return this.#transaction(async (tx) => {
      await tx`UPDATE payment_links SET status = 'cancelled', cancelled_at = ${at.getTime()} WHERE id = ${id} AND status = 'open'`;
      const [row] = await tx<LinkRow[]>`SELECT * FROM payment_links WHERE id = ${id}`;
      return row ? toLink(row) : null;
    });
  }
}

async function insertPayment(sql: Db | Tx, p: Payment): Promise<void> {
  await (sql as Tx)`INSERT INTO payments (id, account_id, purpose, link_id, amount_micros, currency, status, provider,
      provider_payment_id, checkout_url, created_at, expires_at, completed_at, ledger_entry_id, review_note)
    VALUES (${p.id}, ${p.accountId}, ${p.purpose}, ${p.linkId}, ${p.amountMicros}, ${p.currency}, ${p.status}, ${p.provider},
      ${p.providerPaymentId}, ${p.checkoutUrl}, ${p.createdAt.getTime()}, ${p.expiresAt.getTime()},
      ${p.completedAt?.getTime() ?? null}, ${p.ledgerEntryId}, ${p.reviewNote})`;
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
    completedAt: dateOrNull(row.completed_at),
    ledgerEntryId: row.ledger_entry_id,
    reviewNote: row.review_note,
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
    paidAt: dateOrNull(row.paid_at),
    cancelledAt: dateOrNull(row.cancelled_at),
    ledgerEntryId: row.ledger_entry_id,
  };
}
