/** Phone snapshots, portfolio limits, the quality timeline and digits-only display numbers (dialect of sqlite/0003). */
export const sql = /* sql */ `
ALTER TABLE accounts ADD COLUMN display_digits text GENERATED ALWAYS AS (
  replace(replace(replace(replace(replace(replace(display_phone_number, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', '')
) STORED;
CREATE INDEX accounts_by_waba_display_digits ON accounts (waba_id, display_digits);

CREATE TABLE phone_snapshots (
  account_id            text PRIMARY KEY REFERENCES accounts (id),
  display_phone_number  text,
  display_digits        text GENERATED ALWAYS AS (
    replace(replace(replace(replace(replace(replace(display_phone_number, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', '')
  ) STORED,
  verified_name         text,
  name_status           text,
  status                text,
  quality_rating        text NOT NULL,
  fetched_at            bigint NOT NULL
);
CREATE INDEX phone_snapshots_by_display_digits ON phone_snapshots (display_digits);

CREATE TABLE portfolio_limits (
  portfolio_key  text PRIMARY KEY,
  tier           text NOT NULL,
  source         text NOT NULL CHECK (source IN ('webhook', 'graph')),
  updated_at     bigint NOT NULL
);

CREATE TABLE quality_history (
  seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id  text NOT NULL REFERENCES accounts (id),
  at          bigint NOT NULL,
  event       text NOT NULL,
  rating      text,
  tier        text,
  source      text NOT NULL CHECK (source IN ('webhook', 'graph'))
);
CREATE INDEX quality_history_by_account ON quality_history (account_id, seq);
`;
