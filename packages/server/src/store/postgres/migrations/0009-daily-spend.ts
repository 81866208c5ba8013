/**
 * The daily spend roll-up behind the runway (dialect of sqlite/0009): debits per account, kind and
 * UTC day, kept by a trigger in the transaction of every ledger append (which holds the account's
 * row lock, so an account's appends update its day one after another), filled from the ledger as it
 * stands. A day's total is `debit_high × 10^12 + debit_low` (0 ≤ low < 10^12), as on SQLite: one
 * bigint would overflow past 2^63 micro-units, which the ledger accepts in a day, and the append must
 * never fail for its roll-up.
 */
export const sql = /* sql */ `
CREATE TABLE ledger_daily_debits (
  account_id  text NOT NULL REFERENCES accounts (id),
  kind        text NOT NULL,
  -- whole days since 1970-01-01 UTC: created_at / 86400000
  day         bigint NOT NULL,
  debit_high  bigint NOT NULL CHECK (debit_high >= 0),
  debit_low   bigint NOT NULL CHECK (debit_low >= 0 AND debit_low < 1000000000000),
  PRIMARY KEY (account_id, kind, day)
);

-- search_path pinned to this schema: the trigger writes the roll-up next to the ledger it watches.
CREATE FUNCTION ledger_entries_daily_debits() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO ledger_daily_debits AS d (account_id, kind, day, debit_high, debit_low)
    VALUES (NEW.account_id, NEW.kind, NEW.created_at / 86400000,
            (-NEW.amount_micros) / 1000000000000, (-NEW.amount_micros) % 1000000000000)
    ON CONFLICT (account_id, kind, day) DO UPDATE SET
      debit_high = d.debit_high + excluded.debit_high + (d.debit_low + excluded.debit_low) / 1000000000000,
      debit_low = (d.debit_low + excluded.debit_low) % 1000000000000;
  RETURN NULL;
END $$;
CREATE TRIGGER ledger_entries_daily_debits AFTER INSERT ON ledger_entries
  FOR EACH ROW WHEN (NEW.amount_micros < 0) EXECUTE FUNCTION ledger_entries_daily_debits();

-- sum() of bigint is numeric: the backfill cannot overflow either.
INSERT INTO ledger_daily_debits (account_id, kind, day, debit_high, debit_low)
  SELECT account_id, kind, day, (total / 1000000000000)::bigint, (total % 1000000000000)::bigint
    FROM (SELECT account_id, kind, created_at / 86400000 AS day, sum(-amount_micros::numeric) AS total
            FROM ledger_entries WHERE amount_micros < 0
            GROUP BY account_id, kind, created_at / 86400000) AS days;
`;
