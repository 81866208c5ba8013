import type Database from 'better-sqlite3';
import type { Account } from '../../domain/accounts.js';
import { balanceLowEvent, evaluateLowBalanceAlert } from '../../domain/alerts/low-balance.js';
import type { SqliteHostEvents } from './host-events.js';

/**
 * Keeps `accounts.low_balance_alert_armed` and the `balance.low` host event in step with the
 * balance and threshold. Called inside the transaction that changed either, so concurrent debits
 * (serialised by SQLite's write lock, across connections too) see each other's arming: exactly one
 * of them fires per crossing.
 */
export class SqliteLowBalanceAlert {
  readonly #readArmed;
  readonly #writeArmed;
  readonly #events: SqliteHostEvents;

  constructor(db: Database.Database, events: SqliteHostEvents) {
    this.#readArmed = db
      .prepare<[string], { low_balance_alert_armed: bigint }>('SELECT low_balance_alert_armed FROM accounts WHERE id = ?')
      .safeIntegers();
    this.#writeArmed = db.prepare<[number, string]>('UPDATE accounts SET low_balance_alert_armed = ? WHERE id = ?');
    this.#events = events;
  }

  /** Re-evaluates the alert of `account` as it now is; `ledgerEntryId` names the change, if an entry. */
  reevaluate(account: Account, ledgerEntryId: string | null, at: Date): void {
    const row = this.#readArmed.get(account.id);
    if (!row) return;
    const armed = row.low_balance_alert_armed === 1n;
    const decision = evaluateLowBalanceAlert({ thresholdMicros: account.lowBalanceThresholdMicros, balanceMicros: account.balanceMicros, armed });
    if (decision.armed !== armed) this.#writeArmed.run(decision.armed ? 1 : 0, account.id);
    if (decision.fire && account.lowBalanceThresholdMicros !== null) {
      this.#events.insert([
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
  }
}
