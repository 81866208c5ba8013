/** Meta webhooks acknowledged before they are applied (dialect of sqlite/0014). */
export const sql = /* sql */ `
CREATE TABLE meta_webhook_inbox (
  seq              bigserial PRIMARY KEY,
  id               text NOT NULL UNIQUE,
  body             text NOT NULL,
  received_at      bigint NOT NULL,
  attempts         integer NOT NULL DEFAULT 1,
  next_attempt_at  bigint NOT NULL,
  failed_at        bigint,
  last_error       text
);
CREATE INDEX meta_webhook_inbox_due ON meta_webhook_inbox (next_attempt_at, seq) WHERE failed_at IS NULL;
`;
