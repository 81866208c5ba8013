/** Rate-limit counters, in the database so that every instance on it counts the same hits. */
export const sql = /* sql */ `
-- One row per bucket (rule and subject, e.g. 'topup_create:acc_…') and fixed window; the sliding
-- estimate reads a window and the one before it. Rows are dropped once expires_at has passed.
CREATE TABLE rate_limit_windows (
  bucket        TEXT NOT NULL,
  window_start  INTEGER NOT NULL,
  hits          INTEGER NOT NULL CHECK (hits >= 0),
  expires_at    INTEGER NOT NULL,
  PRIMARY KEY (bucket, window_start)
) STRICT, WITHOUT ROWID;
CREATE INDEX rate_limit_windows_expiry ON rate_limit_windows (expires_at);
`;
