/** Accounts, the append-only ledger and widget sessions (PostgreSQL dialect of sqlite/0001). Times are epoch ms. */
export const sql = /* sql */ `
CREATE TABLE accounts (
  id                            text PRIMARY KEY,
  name                          text NOT NULL,
  currency                      text NOT NULL CHECK (length(currency) = 3),
  waba_id                       text NOT NULL,
  phone_number_id               text NOT NULL UNIQUE,
  display_phone_number          text,
  verified_name                 text,
  business_portfolio_id         text,
  low_balance_threshold_micros  bigint,
  balance_micros                bigint NOT NULL DEFAULT 0,
  created_at                    bigint NOT NULL,
  updated_at                    bigint NOT NULL
);
CREATE INDEX accounts_by_creation ON accounts (created_at, id);

CREATE TABLE ledger_entries (
  seq                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id                    text NOT NULL UNIQUE,
  account_id            text NOT NULL REFERENCES accounts (id),
  idempotency_key       text NOT NULL,
  type                  text NOT NULL CHECK (type IN ('credit', 'debit')),
  kind                  text NOT NULL,
  amount_micros         bigint NOT NULL,
  balance_after_micros  bigint NOT NULL,
  description           text NOT NULL,
  reference             text,
  created_at            bigint NOT NULL,
  UNIQUE (account_id, idempotency_key),
  CHECK ((type = 'credit' AND amount_micros > 0) OR (type = 'debit' AND amount_micros < 0))
);
CREATE INDEX ledger_entries_by_account ON ledger_entries (account_id, seq);

-- The ledger is the audit trail: nothing may rewrite or remove it, whatever the code path.
CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_append_only();

CREATE TABLE widget_sessions (
  id           text PRIMARY KEY,
  secret_hash  text NOT NULL UNIQUE,
  account_id   text NOT NULL REFERENCES accounts (id),
  permissions  text NOT NULL,
  expires_at   bigint NOT NULL,
  created_at   bigint NOT NULL
);
CREATE INDEX widget_sessions_by_account ON widget_sessions (account_id);
`;
