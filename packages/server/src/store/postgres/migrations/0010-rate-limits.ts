/** Rate-limit counters shared by every instance on the database (dialect of sqlite/0010). */
export const sql = /* sql */ `
CREATE TABLE rate_limit_windows (
  bucket        text NOT NULL,
  window_start  bigint NOT NULL,
  hits          integer NOT NULL CHECK (hits >= 0),
  expires_at    bigint NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_windows_expiry ON rate_limit_windows (expires_at);
`;
