/**
 * The roll-up behind `GET /v1/usage/24h`: how many recipients of a portfolio (or a number) were last
 * counted in each minute and in each hour, and how many of a portfolio's entered the window in each
 * minute, kept by triggers on the recipient tables in the transaction of every write, prune
 * included, so that no writer can forget them. A window's count then reads at most 24 hours, 59
 * minutes and the rows of one minute, whatever the number of recipients (see
 * `SqliteMetaBilling.countUsage`). Filled from the recipients as they stand.
 *
 * A bucket is `[starts_at, starts_at + span_ms)` in epoch ms (instants after 1970), and only
 * non-empty buckets have a row: a decrement that empties one deletes it.
 */
export const sql = /* sql */ `
CREATE TABLE usage_portfolio_by_last_counted (
  portfolio_key  TEXT NOT NULL,
  span_ms        INTEGER NOT NULL CHECK (span_ms IN (60000, 3600000)),
  starts_at      INTEGER NOT NULL,
  recipients     INTEGER NOT NULL,
  PRIMARY KEY (portfolio_key, span_ms, starts_at)
) STRICT, WITHOUT ROWID;

CREATE TABLE usage_portfolio_by_entered (
  portfolio_key  TEXT NOT NULL,
  -- minutes only: new customers are counted over the last hour
  starts_at      INTEGER NOT NULL,
  recipients     INTEGER NOT NULL,
  PRIMARY KEY (portfolio_key, starts_at)
) STRICT, WITHOUT ROWID;

CREATE TABLE usage_account_by_last_counted (
  account_id  TEXT NOT NULL,
  span_ms     INTEGER NOT NULL CHECK (span_ms IN (60000, 3600000)),
  starts_at   INTEGER NOT NULL,
  recipients  INTEGER NOT NULL,
  PRIMARY KEY (account_id, span_ms, starts_at)
) STRICT, WITHOUT ROWID;

INSERT INTO usage_portfolio_by_last_counted (portfolio_key, span_ms, starts_at, recipients)
  SELECT portfolio_key, span_ms, last_counted_at - last_counted_at % span_ms, count(*)
    FROM usage_portfolio_recipients, (SELECT 60000 AS span_ms UNION ALL SELECT 3600000)
    GROUP BY 1, 2, 3;
INSERT INTO usage_portfolio_by_entered (portfolio_key, starts_at, recipients)
  SELECT portfolio_key, entered_window_at - entered_window_at % 60000, count(*)
    FROM usage_portfolio_recipients GROUP BY 1, 2;
INSERT INTO usage_account_by_last_counted (account_id, span_ms, starts_at, recipients)
  SELECT account_id, span_ms, last_counted_at - last_counted_at % span_ms, count(*)
    FROM usage_account_recipients, (SELECT 60000 AS span_ms UNION ALL SELECT 3600000)
    GROUP BY 1, 2, 3;

-- The upsert of a recipient sets both columns every time: a bucket moves only when the instant
-- crosses into another minute (or hour).
CREATE TRIGGER usage_portfolio_recipients_insert AFTER INSERT ON usage_portfolio_recipients
BEGIN
  INSERT INTO usage_portfolio_by_last_counted (portfolio_key, span_ms, starts_at, recipients)
    VALUES (NEW.portfolio_key, 60000, NEW.last_counted_at - NEW.last_counted_at % 60000, 1),
           (NEW.portfolio_key, 3600000, NEW.last_counted_at - NEW.last_counted_at % 3600000, 1)
    ON CONFLICT (portfolio_key, span_ms, starts_at) DO UPDATE SET recipients = recipients + 1;
  INSERT INTO usage_portfolio_by_entered (portfolio_key, starts_at, recipients)
    VALUES (NEW.portfolio_key, NEW.entered_window_at - NEW.entered_window_at % 60000, 1)
    ON CONFLICT (portfolio_key, starts_at) DO UPDATE SET recipients = recipients + 1;
END;

CREATE TRIGGER usage_portfolio_recipients_minute AFTER UPDATE OF last_counted_at ON usage_portfolio_recipients
  WHEN OLD.last_counted_at / 60000 <> NEW.last_counted_at / 60000
BEGIN
  UPDATE usage_portfolio_by_last_counted SET recipients = recipients - 1
    WHERE portfolio_key = OLD.portfolio_key AND span_ms = 60000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 60000;
  DELETE FROM usage_portfolio_by_last_counted
    WHERE portfolio_key = OLD.portfolio_key AND span_ms = 60000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 60000 AND recipients = 0;
  INSERT INTO usage_portfolio_by_last_counted (portfolio_key, span_ms, starts_at, recipients)
    VALUES (NEW.portfolio_key, 60000, NEW.last_counted_at - NEW.last_counted_at % 60000, 1)
    ON CONFLICT (portfolio_key, span_ms, starts_at) DO UPDATE SET recipients = recipients + 1;
END;

CREATE TRIGGER usage_portfolio_recipients_hour AFTER UPDATE OF last_counted_at ON usage_portfolio_recipients
  WHEN OLD.last_counted_at / 3600000 <> NEW.last_counted_at / 3600000
BEGIN
  UPDATE usage_portfolio_by_last_counted SET recipients = recipients - 1
    WHERE portfolio_key = OLD.portfolio_key AND span_ms = 3600000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 3600000;
  DELETE FROM usage_portfolio_by_last_counted
    WHERE portfolio_key = OLD.portfolio_key AND span_ms = 3600000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 3600000 AND recipients = 0;
  INSERT INTO usage_portfolio_by_last_counted (portfolio_key, span_ms, starts_at, recipients)
    VALUES (NEW.portfolio_key, 3600000, NEW.last_counted_at - NEW.last_counted_at % 3600000, 1)
    ON CONFLICT (portfolio_key, span_ms, starts_at) DO UPDATE SET recipients = recipients + 1;
END;

CREATE TRIGGER usage_portfolio_recipients_entered AFTER UPDATE OF entered_window_at ON usage_portfolio_recipients
  WHEN OLD.entered_window_at / 60000 <> NEW.entered_window_at / 60000
BEGIN
  UPDATE usage_portfolio_by_entered SET recipients = recipients - 1
    WHERE portfolio_key = OLD.portfolio_key AND starts_at = OLD.entered_window_at - OLD.entered_window_at % 60000;
  DELETE FROM usage_portfolio_by_entered
    WHERE portfolio_key = OLD.portfolio_key AND starts_at = OLD.entered_window_at - OLD.entered_window_at % 60000 AND recipients = 0;
  INSERT INTO usage_portfolio_by_entered (portfolio_key, starts_at, recipients)
    VALUES (NEW.portfolio_key, NEW.entered_window_at - NEW.entered_window_at % 60000, 1)
    ON CONFLICT (portfolio_key, starts_at) DO UPDATE SET recipients = recipients + 1;
END;

CREATE TRIGGER usage_portfolio_recipients_delete AFTER DELETE ON usage_portfolio_recipients
BEGIN
  UPDATE usage_portfolio_by_last_counted SET recipients = recipients - 1
    WHERE portfolio_key = OLD.portfolio_key AND span_ms = 60000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 60000;
  DELETE FROM usage_portfolio_by_last_counted
    WHERE portfolio_key = OLD.portfolio_key AND span_ms = 60000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 60000 AND recipients = 0;
  UPDATE usage_portfolio_by_last_counted SET recipients = recipients - 1
    WHERE portfolio_key = OLD.portfolio_key AND span_ms = 3600000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 3600000;
  DELETE FROM usage_portfolio_by_last_counted
    WHERE portfolio_key = OLD.portfolio_key AND span_ms = 3600000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 3600000 AND recipients = 0;
  UPDATE usage_portfolio_by_entered SET recipients = recipients - 1
    WHERE portfolio_key = OLD.portfolio_key AND starts_at = OLD.entered_window_at - OLD.entered_window_at % 60000;
  DELETE FROM usage_portfolio_by_entered
    WHERE portfolio_key = OLD.portfolio_key AND starts_at = OLD.entered_window_at - OLD.entered_window_at % 60000 AND recipients = 0;
END;

CREATE TRIGGER usage_account_recipients_insert AFTER INSERT ON usage_account_recipients
BEGIN
  INSERT INTO usage_account_by_last_counted (account_id, span_ms, starts_at, recipients)
    VALUES (NEW.account_id, 60000, NEW.last_counted_at - NEW.last_counted_at % 60000, 1),
           (NEW.account_id, 3600000, NEW.last_counted_at - NEW.last_counted_at % 3600000, 1)
    ON CONFLICT (account_id, span_ms, starts_at) DO UPDATE SET recipients = recipients + 1;
END;

CREATE TRIGGER usage_account_recipients_minute AFTER UPDATE OF last_counted_at ON usage_account_recipients
  WHEN OLD.last_counted_at / 60000 <> NEW.last_counted_at / 60000
BEGIN
  UPDATE usage_account_by_last_counted SET recipients = recipients - 1
    WHERE account_id = OLD.account_id AND span_ms = 60000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 60000;
  DELETE FROM usage_account_by_last_counted
    WHERE account_id = OLD.account_id AND span_ms = 60000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 60000 AND recipients = 0;
  INSERT INTO usage_account_by_last_counted (account_id, span_ms, starts_at, recipients)
    VALUES (NEW.account_id, 60000, NEW.last_counted_at - NEW.last_counted_at % 60000, 1)
    ON CONFLICT (account_id, span_ms, starts_at) DO UPDATE SET recipients = recipients + 1;
END;

CREATE TRIGGER usage_account_recipients_hour AFTER UPDATE OF last_counted_at ON usage_account_recipients
  WHEN OLD.last_counted_at / 3600000 <> NEW.last_counted_at / 3600000
BEGIN
  UPDATE usage_account_by_last_counted SET recipients = recipients - 1
    WHERE account_id = OLD.account_id AND span_ms = 3600000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 3600000;
  DELETE FROM usage_account_by_last_counted
    WHERE account_id = OLD.account_id AND span_ms = 3600000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 3600000 AND recipients = 0;
  INSERT INTO usage_account_by_last_counted (account_id, span_ms, starts_at, recipients)
    VALUES (NEW.account_id, 3600000, NEW.last_counted_at - NEW.last_counted_at % 3600000, 1)
    ON CONFLICT (account_id, span_ms, starts_at) DO UPDATE SET recipients = recipients + 1;
END;

CREATE TRIGGER usage_account_recipients_delete AFTER DELETE ON usage_account_recipients
BEGIN
  UPDATE usage_account_by_last_counted SET recipients = recipients - 1
    WHERE account_id = OLD.account_id AND span_ms = 60000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 60000;
  DELETE FROM usage_account_by_last_counted
    WHERE account_id = OLD.account_id AND span_ms = 60000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 60000 AND recipients = 0;
  UPDATE usage_account_by_last_counted SET recipients = recipients - 1
    WHERE account_id = OLD.account_id AND span_ms = 3600000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 3600000;
  DELETE FROM usage_account_by_last_counted
    WHERE account_id = OLD.account_id AND span_ms = 3600000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 3600000 AND recipients = 0;
END;
`;
