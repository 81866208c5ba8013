/** Rate cards, per-account pricing, message charges, last-24h usage and webhook counters. */
export const sql = /* sql */ `
CREATE TABLE rate_cards (
  currency    TEXT PRIMARY KEY,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE rate_card_rates (
  currency      TEXT NOT NULL REFERENCES rate_cards (currency),
  market        TEXT NOT NULL,
  category      TEXT NOT NULL,
  price_micros  INTEGER NOT NULL CHECK (price_micros >= 0),
  PRIMARY KEY (currency, market, category)
) STRICT, WITHOUT ROWID;

-- No row means the default card of the account's currency.
CREATE TABLE account_pricing (
  account_id  TEXT PRIMARY KEY REFERENCES accounts (id),
  mode        TEXT NOT NULL CHECK (mode IN ('markup', 'custom')),
  markup_e4   INTEGER CHECK ((mode = 'markup') = (markup_e4 IS NOT NULL)),
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE account_rates (
  account_id    TEXT NOT NULL REFERENCES accounts (id),
  market        TEXT NOT NULL,
  category      TEXT NOT NULL,
  price_micros  INTEGER NOT NULL CHECK (price_micros >= 0),
  PRIMARY KEY (account_id, market, category)
) STRICT, WITHOUT ROWID;

-- One row per message: what its status webhooks told so far, and once settled what it cost.
CREATE TABLE message_charges (
  account_id       TEXT NOT NULL REFERENCES accounts (id),
  wamid            TEXT NOT NULL,
  recipient        TEXT NOT NULL,
  market           TEXT NOT NULL,
  country          TEXT,
  is_group         INTEGER NOT NULL CHECK (is_group IN (0, 1)),
  last_status      TEXT NOT NULL,
  pricing_type     TEXT,
  category         TEXT,
  billable         INTEGER CHECK (billable IN (0, 1)),
  delivered_at     INTEGER,
  failed_at        INTEGER,
  outcome          TEXT CHECK (outcome IN ('charged', 'free', 'unpriced')),
  price_micros     INTEGER,
  ledger_entry_id  TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (account_id, wamid)
) STRICT, WITHOUT ROWID;
CREATE INDEX message_charges_unpriced ON message_charges (account_id, delivered_at) WHERE outcome = 'unpriced';

-- Distinct recipients of business-initiated deliveries: the count of a window is an index range.
CREATE TABLE usage_portfolio_recipients (
  portfolio_key      TEXT NOT NULL,
  recipient          TEXT NOT NULL,
  last_counted_at    INTEGER NOT NULL,
  entered_window_at  INTEGER NOT NULL,
  PRIMARY KEY (portfolio_key, recipient)
) STRICT, WITHOUT ROWID;
CREATE INDEX usage_portfolio_recent ON usage_portfolio_recipients (portfolio_key, last_counted_at);
CREATE INDEX usage_portfolio_entered ON usage_portfolio_recipients (portfolio_key, entered_window_at);
CREATE INDEX usage_portfolio_prune ON usage_portfolio_recipients (last_counted_at);

CREATE TABLE usage_account_recipients (
  account_id       TEXT NOT NULL,
  recipient        TEXT NOT NULL,
  last_counted_at  INTEGER NOT NULL,
  PRIMARY KEY (account_id, recipient)
) STRICT, WITHOUT ROWID;
CREATE INDEX usage_account_recent ON usage_account_recipients (account_id, last_counted_at);
CREATE INDEX usage_account_prune ON usage_account_recipients (last_counted_at);

CREATE INDEX accounts_by_portfolio ON accounts (business_portfolio_id, created_at) WHERE business_portfolio_id IS NOT NULL;

CREATE TABLE webhook_stats (
  name     TEXT NOT NULL,
  key      TEXT NOT NULL,
  count    INTEGER NOT NULL,
  last_at  INTEGER NOT NULL,
  PRIMARY KEY (name, key)
) STRICT, WITHOUT ROWID;
`;
