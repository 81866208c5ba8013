/** Top-ups, payment links and their checkouts with a payment provider. */
export const sql = /* sql */ `
CREATE TABLE payment_links (
  id               TEXT PRIMARY KEY,
  account_id       TEXT NOT NULL REFERENCES accounts (id),
  token            TEXT NOT NULL UNIQUE,
  amount_micros    INTEGER NOT NULL CHECK (amount_micros > 0),
  currency         TEXT NOT NULL,
  note             TEXT,
  status           TEXT NOT NULL CHECK (status IN ('open', 'paid', 'cancelled')),
  created_at       INTEGER NOT NULL,
  expires_at       INTEGER NOT NULL,
  paid_at          INTEGER,
  cancelled_at     INTEGER,
  ledger_entry_id  TEXT
) STRICT;
CREATE INDEX payment_links_by_account ON payment_links (account_id, created_at DESC, id DESC);

-- One checkout with a provider: a top-up (tu_…) or one attempt to pay a link (pay_…).
CREATE TABLE payments (
  id                   TEXT PRIMARY KEY,
  account_id           TEXT NOT NULL REFERENCES accounts (id),
  purpose              TEXT NOT NULL CHECK (purpose IN ('topup', 'payment_link')),
  link_id              TEXT REFERENCES payment_links (id),
  amount_micros        INTEGER NOT NULL CHECK (amount_micros > 0),
  currency             TEXT NOT NULL,
  status               TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'expired')),
  provider             TEXT NOT NULL,
  provider_payment_id  TEXT NOT NULL,
  checkout_url         TEXT NOT NULL,
  created_at           INTEGER NOT NULL,
  expires_at           INTEGER NOT NULL,
  completed_at         INTEGER,
  ledger_entry_id      TEXT,
  review_note          TEXT,
  UNIQUE (provider, provider_payment_id),
  CHECK ((purpose = 'payment_link') = (link_id IS NOT NULL))
) STRICT;
CREATE INDEX payments_pending ON payments (expires_at) WHERE status = 'pending';
CREATE INDEX payments_by_link ON payments (link_id, created_at) WHERE link_id IS NOT NULL;
`;
