import type { Account } from '../../domain/accounts.js';
import { balanceLowEvent, evaluateLowBalanceAlert } from '../../domain/alerts/low-balance.js';
import { DomainError } from '../../domain/errors.js';
import { appendedEntry, type LedgerAppendOptions, type LedgerAppendResult, type LedgerEntry, type LedgerPolicy, type NewLedgerEntry } from '../../domain/ledger.js';
import type { StoreChange } from '../changes.js';
import type { AccountRow, LedgerEntryRow } from '../sqlite/rows.js';
import { toAccount, toLedgerEntry } from '../sqlite/rows.js';
import type { Tx } from './db.js';
import { insertHostEvents } from './host-events.js';

/** An `accounts` row with the alert's arming. */
export type LockedAccountRow = AccountRow & { low_balance_alert_armed: boolean };

/**
 * An account whose row lock the transaction already holds, as the transaction's own appends leave
 * it: its row and the creation time of its last entry. Appends given it read neither again (two
 * queries fewer each); each append updates it. Only for a transaction that rolls back entirely on
 * any failure: a savepoint rolled back alone would leave it ahead of the database.
 */
export interface LockedAccount {
  row: LockedAccountRow;
  lastEntryAt: number | null;
}

/** Locks an account's row and reads what {@link LockedAccount} holds, in one round trip. */
export async function lockAccountForAppends(tx: Tx, accountId: string): Promise<LockedAccount | null> {
  const [row, [last]] = await Promise.all([
    lockAccount(tx, accountId),
    tx<{ created_at: bigint }[]>`SELECT created_at FROM ledger_entries WHERE account_id = ${accountId} ORDER BY seq DESC LIMIT 1`,
  ]);
  return row ? { row, lastEntryAt: last ? Number(last.created_at) : null } : null;
}

/** Reads an account and locks its row until the transaction ends: appends to it queue behind. */
export async function lockAccount(tx: Tx, accountId: string): Promise<LockedAccountRow | null> {
  const [row] = await tx<LockedAccountRow[]>`SELECT * FROM accounts WHERE id = ${accountId} FOR UPDATE`;
  return row ?? null;
}

/**
 * The ledger append, inside the caller's transaction. The account row is locked first
 * (`SELECT … FOR UPDATE`), so the idempotency check, the policy, the entry's `balance_after` and
 * the running balance all see one state that no other transaction can change before commit: no
 * read-modify-write race between instances. Replays change nothing and announce nothing.
 */
export async function appendInTransaction(
  tx: Tx,
  changes: StoreChange[],
  entry: NewLedgerEntry,
  policy: LedgerPolicy,
  options: LedgerAppendOptions,
  locked?: LockedAccount,
  pipeline?: AppendPipeline,
): Promise<LedgerAppendResult> {
  // One round trip for the two reads (pipelined on the transaction's connection, run in order: the
  // row lock first), unless the transaction holds them already, and one for the write; every round
  // trip is paid under the lock. The entry is stamped never before the account's previous one, so
  // time order and append order agree (the statement maps a time range to one seq range).
  if (locked && locked.row.id !== entry.accountId) throw new Error(`the locked account is ${locked.row.id}, not ${entry.accountId}`);
  const state = locked ?? (await lockAccountForAppends(tx, entry.accountId));
  if (!state) throw new DomainError('not_found', 'account_not_found', `account ${entry.accountId} does not exist`);
  const { row } = state;
  try {
    policy(toAccount(row), entry.amountMicros);
  } catch (error) {
    // A replay is answered with the entry it repeats, whatever the policy would say of it now.
    const existing = await existingEntry(tx, entry);
    if (existing) return { entry: existing, replayed: true };
    throw error;
  }
  const balanceAfter = row.balance_micros + entry.amountMicros;
  const at = Math.max(entry.createdAt.getTime(), state.lastEntryAt ?? -Infinity);
  const createdAt = new Date(at);
  // The idempotency check is the insert's own: ON CONFLICT on (account_id, idempotency_key) is decided
  // by that unique index, never by a plan. (A prepared SELECT on the pair, planned on a fresh schema,
  // chose another index of the account and read every entry of it per append.) The balance moves
  // only when the entry went in.
  const insert = tx<LedgerEntryRow[]>`WITH entry AS (
      INSERT INTO ledger_entries (id, account_id, idempotency_key, type, kind,
        amount_micros, balance_after_micros, description, reference, details, created_at)
      VALUES (${entry.id}, ${entry.accountId}, ${entry.idempotencyKey}, ${entry.amountMicros < 0n ? 'debit' : 'credit'},
        ${entry.kind}, ${entry.amountMicros}, ${balanceAfter}, ${entry.description}, ${entry.reference},
        ${entry.details ? JSON.stringify(entry.details) : null}, ${at})
      ON CONFLICT (account_id, idempotency_key) DO NOTHING
      RETURNING *
    ), balance AS (
      UPDATE accounts SET balance_micros = ${balanceAfter}, updated_at = ${at}
      WHERE id = ${entry.accountId} AND EXISTS (SELECT 1 FROM entry)
    )
    SELECT * FROM entry`;
  if (pipeline && locked) {
    // Not waited for: the entry is what was sent. Should the key have been taken (a replay), this
    // entry's balance, and every later one's, would be wrong: the pipeline's settling then fails,
    // and with it the transaction, which its caller applies again without a pipeline.
    pipeline.add(
      insert.then(([row]) => {
        if (!row) throw new PipelinedReplay(entry.idempotencyKey);
      }),
    );
    return settleAppend(tx, changes, state, appendedEntry(entry, balanceAfter, createdAt), options);
  }
  const [inserted] = await insert;
  if (!inserted) {
    const existing = await existingEntry(tx, entry);
    if (!existing) throw new Error(`ledger entry ${entry.idempotencyKey} conflicted but cannot be read`);
    return { entry: existing, replayed: true };
  }
  return settleAppend(tx, changes, state, toLedgerEntry(inserted), options);
}

/** What follows an entry that went in: the low-balance alert, host events, the locked state, the change. */
async function settleAppend(
  tx: Tx,
  changes: StoreChange[],
  state: LockedAccount,
  written: LedgerEntry,
  options: LedgerAppendOptions,
): Promise<LedgerAppendResult> {
  const { row } = state;
  const at = written.createdAt.getTime();
  const accountAfter: Account = { ...toAccount(row), balanceMicros: written.balanceAfterMicros, updatedAt: written.createdAt };
  const armed = await reevaluateLowBalanceAlert(tx, accountAfter, row.low_balance_alert_armed, written.id, written.createdAt);
  state.row = { ...row, balance_micros: written.balanceAfterMicros, updated_at: BigInt(at), low_balance_alert_armed: armed };
  state.lastEntryAt = at;
  if (options.hostEvents) await insertHostEvents(tx, options.hostEvents(written, accountAfter));
  changes.push({ kind: 'ledger', accountId: written.accountId });
  return { entry: written, replayed: false };
}

/**
 * Where an append inside a group transaction leaves its insert, not waited for (see
 * {@link appendInTransaction}); the transaction waits for all of them before it commits.
 */
export interface AppendPipeline {
  add(write: Promise<unknown>): void;
}

/** A pipelined append whose idempotency key was already taken: the group is applied again, unpipelined. */
export class PipelinedReplay extends Error {
  constructor(idempotencyKey: string) {
    super(`ledger entry ${idempotencyKey} is a replay inside a pipelined group`);
    this.name = 'PipelinedReplay';
  }
}

/** The entry an idempotency key already names in the account (a replay), or null. */
async function existingEntry(tx: Tx, entry: NewLedgerEntry) {
  const [row] = await tx<LedgerEntryRow[]>`SELECT * FROM ledger_entries WHERE account_id = ${entry.accountId} AND idempotency_key = ${entry.idempotencyKey}`;
  return row ? toLedgerEntry(row) : null;
}

/**
 * Keeps `low_balance_alert_armed` and the `balance.low` host event in step with the balance and
 * threshold, inside the transaction that changed either and holds the account's row lock: exactly
 * one of concurrent debits fires per crossing, whichever instance runs it.
 */
export async function reevaluateLowBalanceAlert(tx: Tx, account: Account, armed: boolean, ledgerEntryId: string | null, at: Date): Promise<boolean> {
  const decision = evaluateLowBalanceAlert({ thresholdMicros: account.lowBalanceThresholdMicros, balanceMicros: account.balanceMicros, armed });
  if (decision.armed !== armed) await tx`UPDATE accounts SET low_balance_alert_armed = ${decision.armed} WHERE id = ${account.id}`;
  if (decision.fire && account.lowBalanceThresholdMicros !== null) {
    await insertHostEvents(tx, [
      balanceLowEvent({
        accountId: account.id,
        currency: account.currency,
        balanceMicros: account.balanceMicros,
        thresholdMicros: account.lowBalanceThresholdMicros,
        ledgerEntryId,
        at,
      }),
    ]);
  }
  return decision.armed;
}
