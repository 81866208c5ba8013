/** Accounts, the append-only ledger and widget sessions. */
export const sql = /* sql */ `
CREATE TABLE accounts (
  id                            TEXT PRIMARY KEY,
  name                          TEXT NOT NULL,
  currency                      TEXT NOT NULL CHECK (length(currency) = 3),
  waba_id                       TEXT NOT NULL,
  phone_number_id               TEXT NOT NULL UNIQUE,
  display_phone_number          TEXT,
  verified_name                 TEXT,
  business_portfolio_id         TEXT,
  low_balance_threshold_micros  INTEGER,
  balance_micros                INTEGER NOT NULL DEFAULT 0,
  created_at                    INTEGER NOT NULL,
  updated_at                    INTEGER NOT NULL
) STRICT;
CREATE INDEX accounts_by_creation ON accounts (created_at, id);

CREATE TABLE ledger_entries (
  seq                   INTEGER PRIMARY KEY,
  id                    TEXT NOT NULL UNIQUE,
  account_id            TEXT NOT NULL REFERENCES accounts (id),
  idempotency_key       TEXT NOT NULL,
  type                  TEXT NOT NULL CHECK (type IN ('credit', 'debit')),
  kind                  TEXT NOT NULL,
  amount_micros         INTEGER NOT NULL,
  balance_after_micros  INTEGER NOT NULL,
  description           TEXT NOT NULL,
  reference             TEXT,
  created_at            INTEGER NOT NULL,
  UNIQUE (account_id, idempotency_key),
  CHECK ((type = 'credit' AND amount_micros > 0) OR (type = 'debit' AND amount_micros < 0))
) STRICT;
CREATE INDEX ledger_entries_by_account ON ledger_entries (account_id, seq);

-- The ledger is the audit trail: nothing may rewrite or remove it, whatever the code path.
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;

CREATE TABLE widget_sessions (
  id           TEXT PRIMARY KEY,
  secret_hash  TEXT NOT NULL UNIQUE,
  account_id   TEXT NOT NULL REFERENCES accounts (id),
  permissions  TEXT NOT NULL,
  expires_at   INTEGER NOT NULL,
  created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX widget_sessions_by_account ON widget_sessions (account_id);
`;
