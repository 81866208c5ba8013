/**
 * The daily spend roll-up behind the runway: debits per account, kind and UTC day, kept by a
 * trigger in the transaction of every ledger append, so the runway reads seven rows whatever the
 * number of entries. Filled from the ledger as it stands.
 *
 * A day's total is kept as `debit_high × 10^12 + debit_low` (0 ≤ low < 10^12): one INTEGER would
 * overflow past 2^63 micro-units, and the ledger accepts days that add up to more (see the
 * statement's 64-bit test); the append must never fail for its roll-up.
 */
export const sql = /* sql */ `
CREATE TABLE ledger_daily_debits (
  account_id  TEXT NOT NULL REFERENCES accounts (id),
  kind        TEXT NOT NULL,
  -- whole days since 1970-01-01 UTC: created_at / 86400000
  day         INTEGER NOT NULL,
  debit_high  INTEGER NOT NULL CHECK (debit_high >= 0),
  debit_low   INTEGER NOT NULL CHECK (debit_low >= 0 AND debit_low < 1000000000000),
  PRIMARY KEY (account_id, kind, day)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER ledger_entries_daily_debits AFTER INSERT ON ledger_entries WHEN NEW.amount_micros < 0
BEGIN
  INSERT INTO ledger_daily_debits (account_id, kind, day, debit_high, debit_low)
    VALUES (NEW.account_id, NEW.kind, NEW.created_at / 86400000,
            (-NEW.amount_micros) / 1000000000000, (-NEW.amount_micros) % 1000000000000)
    ON CONFLICT (account_id, kind, day) DO UPDATE SET
      debit_high = debit_high + excluded.debit_high + (debit_low + excluded.debit_low) / 1000000000000,
      debit_low = (debit_low + excluded.debit_low) % 1000000000000;
END;

INSERT INTO ledger_daily_debits (account_id, kind, day, debit_high, debit_low)
  SELECT account_id, kind, day, sum(amount / 1000000000000) + sum(amount % 1000000000000) / 1000000000000,
         sum(amount % 1000000000000) % 1000000000000
    FROM (SELECT account_id, kind, created_at / 86400000 AS day, -amount_micros AS amount
            FROM ledger_entries WHERE amount_micros < 0)
    GROUP BY account_id, kind, day;
`;
