/**
 * Payment links keep only the SHA-256 of their token (like widget-session secrets); at most one
 * checkout is being opened or open per link; sandbox checkouts live in the database, so every
 * instance on it serves them. `wa_sha256_hex` is registered on the connection before migrating.
 */
export const sql = /* sql */ `
ALTER TABLE payment_links RENAME COLUMN token TO token_hash;
UPDATE payment_links SET token_hash = wa_sha256_hex(token_hash);

-- The one checkout of a link being opened or open: taken before the provider is called, so two
-- concurrent payers of one link share one checkout. Free again once its payment is no longer
-- pending, or when the reservation is older than a provider call may take (a crashed opener).
CREATE TABLE payment_link_checkouts (
  link_id      TEXT PRIMARY KEY REFERENCES payment_links (id),
  payment_id   TEXT NOT NULL,
  reserved_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE sandbox_checkouts (
  id             TEXT PRIMARY KEY,
  amount_micros  INTEGER NOT NULL CHECK (amount_micros > 0),
  currency       TEXT NOT NULL,
  description    TEXT NOT NULL,
  success_url    TEXT NOT NULL,
  cancel_url     TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('open', 'paid', 'declined', 'expired')),
  created_at     INTEGER NOT NULL,
  expires_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX sandbox_checkouts_by_expiry ON sandbox_checkouts (expires_at);
CREATE INDEX payment_links_by_expiry ON payment_links (expires_at) WHERE status <> 'paid';
CREATE INDEX payments_unsettled_by_expiry ON payments (expires_at) WHERE status <> 'succeeded';
`;
