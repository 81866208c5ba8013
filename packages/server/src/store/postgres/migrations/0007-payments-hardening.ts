/**
 * Payment links keep only the SHA-256 of their token; at most one checkout is being opened or open
 * per link; sandbox checkouts live in the database (dialect of sqlite/0007). The hash is the hex
 * SHA-256 of the token's UTF-8 bytes, as `hashSecret` computes it.
 */
export const sql = /* sql */ `
ALTER TABLE payment_links RENAME COLUMN token TO token_hash;
ALTER TABLE payment_links RENAME CONSTRAINT payment_links_token_key TO payment_links_token_hash_key;
UPDATE payment_links SET token_hash = encode(sha256(convert_to(token_hash, 'UTF8')), 'hex');

-- The one checkout of a link being opened or open (see sqlite/0007).
CREATE TABLE payment_link_checkouts (
  link_id      text PRIMARY KEY REFERENCES payment_links (id),
  payment_id   text NOT NULL,
  reserved_at  bigint NOT NULL
);

CREATE TABLE sandbox_checkouts (
  id             text PRIMARY KEY,
  amount_micros  bigint NOT NULL CHECK (amount_micros > 0),
  currency       text NOT NULL,
  description    text NOT NULL,
  success_url    text NOT NULL,
  cancel_url     text NOT NULL,
  state          text NOT NULL CHECK (state IN ('open', 'paid', 'declined', 'expired')),
  created_at     bigint NOT NULL,
  expires_at     bigint NOT NULL
);
CREATE INDEX sandbox_checkouts_by_expiry ON sandbox_checkouts (expires_at);
CREATE INDEX payment_links_by_expiry ON payment_links (expires_at) WHERE status <> 'paid';
CREATE INDEX payments_unsettled_by_expiry ON payments (expires_at) WHERE status <> 'succeeded';
`;
