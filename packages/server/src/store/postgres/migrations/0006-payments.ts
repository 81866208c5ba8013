/** Top-ups, payment links and their checkouts with a payment provider (dialect of sqlite/0006). */
export const sql = /* sql */ `
CREATE TABLE payment_links (
  id               text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts (id),
  token            text NOT NULL UNIQUE,
  amount_micros    bigint NOT NULL CHECK (amount_micros > 0),
  currency         text NOT NULL,
  note             text,
  status           text NOT NULL CHECK (status IN ('open', 'paid', 'cancelled')),
  created_at       bigint NOT NULL,
  expires_at       bigint NOT NULL,
  paid_at          bigint,
  cancelled_at     bigint,
  ledger_entry_id  text
);
CREATE INDEX payment_links_by_account ON payment_links (account_id, created_at DESC, id DESC);

-- One checkout with a provider: a top-up (tu_…) or one attempt to pay a link (pay_…).
CREATE TABLE payments (
  id                   text PRIMARY KEY,
  account_id           text NOT NULL REFERENCES accounts (id),
  purpose              text NOT NULL CHECK (purpose IN ('topup', 'payment_link')),
  link_id              text REFERENCES payment_links (id),
  amount_micros        bigint NOT NULL CHECK (amount_micros > 0),
  currency             text NOT NULL,
  status               text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'expired')),
  provider             text NOT NULL,
  provider_payment_id  text NOT NULL,
  checkout_url         text NOT NULL,
  created_at           bigint NOT NULL,
  expires_at           bigint NOT NULL,
  completed_at         bigint,
  ledger_entry_id      text,
  review_note          text,
  UNIQUE (provider, provider_payment_id),
  CHECK ((purpose = 'payment_link') = (link_id IS NOT NULL))
);
CREATE INDEX payments_pending ON payments (expires_at) WHERE status = 'pending';
CREATE INDEX payments_by_link ON payments (link_id, created_at) WHERE link_id IS NOT NULL;
`;
