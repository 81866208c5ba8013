/** Rate cards, per-account pricing, message charges, last-24h usage and webhook counters (dialect of sqlite/0002). */
export const sql = /* sql */ `
CREATE TABLE rate_cards (
  currency    text PRIMARY KEY,
  updated_at  bigint NOT NULL
);

CREATE TABLE rate_card_rates (
  currency      text NOT NULL REFERENCES rate_cards (currency),
  market        text NOT NULL,
  category      text NOT NULL,
  price_micros  bigint NOT NULL CHECK (price_micros >= 0),
  PRIMARY KEY (currency, market, category)
);

-- No row means the default card of the account's currency.
CREATE TABLE account_pricing (
  account_id  text PRIMARY KEY REFERENCES accounts (id),
  mode        text NOT NULL CHECK (mode IN ('markup', 'custom')),
  markup_e4   bigint CHECK ((mode = 'markup') = (markup_e4 IS NOT NULL)),
  updated_at  bigint NOT NULL
);

CREATE TABLE account_rates (
  account_id    text NOT NULL REFERENCES accounts (id),
  market        text NOT NULL,
  category      text NOT NULL,
  price_micros  bigint NOT NULL CHECK (price_micros >= 0),
  PRIMARY KEY (account_id, market, category)
);

-- One row per message: what its status webhooks told so far, and once settled what it cost.
CREATE TABLE message_charges (
  account_id       text NOT NULL REFERENCES accounts (id),
  wamid            text NOT NULL,
  recipient        text NOT NULL,
  market           text NOT NULL,
  country          text,
  is_group         boolean NOT NULL,
  last_status      text NOT NULL,
  pricing_type     text,
  category         text,
  billable         boolean,
  delivered_at     bigint,
  failed_at        bigint,
  outcome          text CHECK (outcome IN ('charged', 'free', 'unpriced')),
  price_micros     bigint,
  ledger_entry_id  text,
  created_at       bigint NOT NULL,
  updated_at       bigint NOT NULL,
  PRIMARY KEY (account_id, wamid)
);
CREATE INDEX message_charges_unpriced ON message_charges (account_id, delivered_at) WHERE outcome = 'unpriced';

-- Distinct recipients of business-initiated deliveries: the count of a window is an index range.
CREATE TABLE usage_portfolio_recipients (
  portfolio_key      text NOT NULL,
  recipient          text NOT NULL,
  last_counted_at    bigint NOT NULL,
  entered_window_at  bigint NOT NULL,
  PRIMARY KEY (portfolio_key, recipient)
);
CREATE INDEX usage_portfolio_recent ON usage_portfolio_recipients (portfolio_key, last_counted_at);
CREATE INDEX usage_portfolio_entered ON usage_portfolio_recipients (portfolio_key, entered_window_at);
CREATE INDEX usage_portfolio_prune ON usage_portfolio_recipients (last_counted_at);

CREATE TABLE usage_account_recipients (
  account_id       text NOT NULL,
  recipient        text NOT NULL,
  last_counted_at  bigint NOT NULL,
  PRIMARY KEY (account_id, recipient)
);
CREATE INDEX usage_account_recent ON usage_account_recipients (account_id, last_counted_at);
CREATE INDEX usage_account_prune ON usage_account_recipients (last_counted_at);

CREATE INDEX accounts_by_portfolio ON accounts (business_portfolio_id, created_at) WHERE business_portfolio_id IS NOT NULL;

CREATE TABLE webhook_stats (
  name     text NOT NULL,
  key      text NOT NULL,
  count    bigint NOT NULL,
  last_at  bigint NOT NULL,
  PRIMARY KEY (name, key)
);
`;
