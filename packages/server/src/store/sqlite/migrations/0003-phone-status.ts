/**
 * Phone snapshots read from Meta's Graph API, messaging limits per business portfolio, the quality
 * timeline, and a digits-only display number so webhooks that name a number only by its display
 * digits (`phone_number_quality_update`) find it whatever its formatting.
 */
export const sql = /* sql */ `
ALTER TABLE accounts ADD COLUMN display_digits TEXT GENERATED ALWAYS AS (
  replace(replace(replace(replace(replace(replace(display_phone_number, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', '')
) VIRTUAL;
CREATE INDEX accounts_by_waba_display_digits ON accounts (waba_id, display_digits);

CREATE TABLE phone_snapshots (
  account_id            TEXT PRIMARY KEY REFERENCES accounts (id),
  display_phone_number  TEXT,
  display_digits        TEXT GENERATED ALWAYS AS (
    replace(replace(replace(replace(replace(replace(display_phone_number, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', '')
  ) VIRTUAL,
  verified_name         TEXT,
  name_status           TEXT,
  status                TEXT,
  quality_rating        TEXT NOT NULL,
  fetched_at            INTEGER NOT NULL
) STRICT;
CREATE INDEX phone_snapshots_by_display_digits ON phone_snapshots (display_digits);

CREATE TABLE portfolio_limits (
  portfolio_key  TEXT PRIMARY KEY,
  tier           TEXT NOT NULL,
  source         TEXT NOT NULL CHECK (source IN ('webhook', 'graph')),
  updated_at     INTEGER NOT NULL
) STRICT;

CREATE TABLE quality_history (
  seq         INTEGER PRIMARY KEY,
  account_id  TEXT NOT NULL REFERENCES accounts (id),
  at          INTEGER NOT NULL,
  event       TEXT NOT NULL,
  rating      TEXT,
  tier        TEXT,
  source      TEXT NOT NULL CHECK (source IN ('webhook', 'graph'))
) STRICT;
CREATE INDEX quality_history_by_account ON quality_history (account_id, seq);
`;
