/**
 * Meta webhooks acknowledged before they are applied (those too large to apply within Meta's
 * patience, see domain/meta/webhook-inbox.ts): the verified raw body, kept until every change of it
 * has been applied, and leased to the instance applying it, so that one that died mid-way leaves it
 * due again for another (or for itself, restarted).
 */
export const sql = /* sql */ `
CREATE TABLE meta_webhook_inbox (
  seq              INTEGER PRIMARY KEY AUTOINCREMENT,
  id               TEXT NOT NULL UNIQUE,
  body             TEXT NOT NULL,
  received_at      INTEGER NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 1,
  next_attempt_at  INTEGER NOT NULL,
  failed_at        INTEGER,
  last_error       TEXT
) STRICT;
CREATE INDEX meta_webhook_inbox_due ON meta_webhook_inbox (next_attempt_at, seq) WHERE failed_at IS NULL;
`;
