/**
 * The daily spend roll-up behind the runway: debits per account, kind and UTC day, kept by a
 * trigger in the transaction of every ledger append, so the runway reads seven rows whatever the
 * number of entries. Filled from the ledger as it stands.
 */
export const sql = /* sql */ `
CREATE TABLE ledger_daily_debits (
  account_id    TEXT NOT NULL REFERENCES accounts (id),
  kind          TEXT NOT NULL,
  -- whole days since 1970-01-01 UTC: created_at / 86400000
  day           INTEGER NOT NULL,
  debit_micros  INTEGER NOT NULL CHECK (debit_micros > 0),
  PRIMARY KEY (account_id, kind, day)
) STRICT, WITHOUT ROWID;

INSERT INTO ledger_daily_debits (account_id, kind, day, debit_micros)
  SELECT account_id, kind, created_at / 86400000, -SUM(amount_micros)
    FROM ledger_entries WHERE amount_micros < 0
    GROUP BY account_id, kind, created_at / 86400000;

CREATE TRIGGER ledger_entries_daily_debits AFTER INSERT ON ledger_entries WHEN NEW.amount_micros < 0
BEGIN
  INSERT INTO ledger_daily_debits (account_id, kind, day, debit_micros)
    VALUES (NEW.account_id, NEW.kind, NEW.created_at / 86400000, -NEW.amount_micros)
    ON CONFLICT (account_id, kind, day) DO UPDATE SET debit_micros = debit_micros + excluded.debit_micros;
END;
`;
