/**
 * The roll-up behind `GET /v1/usage/24h` (dialect of sqlite/0012): recipients of a portfolio (or a
 * number) by the minute and by the hour they were last counted in, and a portfolio's by the minute
 * they entered the window, kept by triggers on the recipient tables, prune included. Only non-empty
 * buckets have a row. Filled from the recipients as they stand.
 *
 * Every writer of a key's recipients holds the key's advisory lock (`usage-portfolio:<key>`,
 * `usage-account:<id>`) until it commits: the insert triggers take it before the upsert locks the
 * recipient's row, and the pruner takes it before deleting. A key's buckets are so changed by one
 * transaction at a time, always in the same order relative to its rows. Without it two numbers of
 * one portfolio, each moving recipients out of yesterday's buckets into the current minute's, would
 * deadlock; and every writer would queue on the current minute's row anyway.
 */
export const sql = /* sql */ `
CREATE TABLE usage_portfolio_by_last_counted (
  portfolio_key  text NOT NULL,
  span_ms        bigint NOT NULL CHECK (span_ms IN (60000, 3600000)),
  starts_at      bigint NOT NULL,
  recipients     bigint NOT NULL,
  PRIMARY KEY (portfolio_key, span_ms, starts_at)
);

CREATE TABLE usage_portfolio_by_entered (
  portfolio_key  text NOT NULL,
  -- minutes only: new customers are counted over the last hour
  starts_at      bigint NOT NULL,
  recipients     bigint NOT NULL,
  PRIMARY KEY (portfolio_key, starts_at)
);

CREATE TABLE usage_account_by_last_counted (
  account_id  text NOT NULL,
  span_ms     bigint NOT NULL CHECK (span_ms IN (60000, 3600000)),
  starts_at   bigint NOT NULL,
  recipients  bigint NOT NULL,
  PRIMARY KEY (account_id, span_ms, starts_at)
);

INSERT INTO usage_portfolio_by_last_counted (portfolio_key, span_ms, starts_at, recipients)
  SELECT portfolio_key, s.span_ms, last_counted_at - last_counted_at % s.span_ms, count(*)
    FROM usage_portfolio_recipients CROSS JOIN (VALUES (60000::bigint), (3600000::bigint)) AS s (span_ms)
    GROUP BY 1, 2, 3;
INSERT INTO usage_portfolio_by_entered (portfolio_key, starts_at, recipients)
  SELECT portfolio_key, entered_window_at - entered_window_at % 60000, count(*)
    FROM usage_portfolio_recipients GROUP BY 1, 2;
INSERT INTO usage_account_by_last_counted (account_id, span_ms, starts_at, recipients)
  SELECT account_id, s.span_ms, last_counted_at - last_counted_at % s.span_ms, count(*)
    FROM usage_account_recipients CROSS JOIN (VALUES (60000::bigint), (3600000::bigint)) AS s (span_ms)
    GROUP BY 1, 2, 3;

-- BEFORE INSERT runs before ON CONFLICT locks the existing row: the key's lock comes first.
CREATE FUNCTION usage_portfolio_recipients_lock() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('usage-portfolio:' || NEW.portfolio_key, 0));
  RETURN NEW;
END $$;
CREATE TRIGGER usage_portfolio_recipients_lock BEFORE INSERT ON usage_portfolio_recipients
  FOR EACH ROW EXECUTE FUNCTION usage_portfolio_recipients_lock();

CREATE FUNCTION usage_account_recipients_lock() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('usage-account:' || NEW.account_id, 0));
  RETURN NEW;
END $$;
CREATE TRIGGER usage_account_recipients_lock BEFORE INSERT ON usage_account_recipients
  FOR EACH ROW EXECUTE FUNCTION usage_account_recipients_lock();

-- A recipient's key never changes (the upsert sets only the instants). A move is one upsert of the
-- old buckets (-1) and the new (+1), grouped so that an hour left unchanged cancels out, then the
-- old buckets dropped if that emptied them.
CREATE FUNCTION usage_portfolio_recipients_rollup() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  emptied bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO usage_portfolio_by_last_counted AS b (portfolio_key, span_ms, starts_at, recipients)
      VALUES (NEW.portfolio_key, 60000, NEW.last_counted_at - NEW.last_counted_at % 60000, 1),
             (NEW.portfolio_key, 3600000, NEW.last_counted_at - NEW.last_counted_at % 3600000, 1)
      ON CONFLICT (portfolio_key, span_ms, starts_at) DO UPDATE SET recipients = b.recipients + excluded.recipients;
    INSERT INTO usage_portfolio_by_entered AS b (portfolio_key, starts_at, recipients)
      VALUES (NEW.portfolio_key, NEW.entered_window_at - NEW.entered_window_at % 60000, 1)
      ON CONFLICT (portfolio_key, starts_at) DO UPDATE SET recipients = b.recipients + excluded.recipients;
    RETURN NULL;
  END IF;
  IF OLD.last_counted_at / 60000 <> NEW.last_counted_at / 60000 THEN
    WITH moved AS (
      INSERT INTO usage_portfolio_by_last_counted AS b (portfolio_key, span_ms, starts_at, recipients)
        SELECT NEW.portfolio_key, m.span_ms, m.starts_at, sum(m.delta)
          FROM (VALUES (60000::bigint, OLD.last_counted_at - OLD.last_counted_at % 60000, -1),
                       (60000, NEW.last_counted_at - NEW.last_counted_at % 60000, 1),
                       (3600000, OLD.last_counted_at - OLD.last_counted_at % 3600000, -1),
                       (3600000, NEW.last_counted_at - NEW.last_counted_at % 3600000, 1)) AS m (span_ms, starts_at, delta)
          GROUP BY m.span_ms, m.starts_at HAVING sum(m.delta) <> 0
        ON CONFLICT (portfolio_key, span_ms, starts_at) DO UPDATE SET recipients = b.recipients + excluded.recipients
        RETURNING b.recipients)
    SELECT count(*) INTO emptied FROM moved WHERE recipients = 0;
    IF emptied > 0 THEN
      DELETE FROM usage_portfolio_by_last_counted
        WHERE portfolio_key = OLD.portfolio_key AND recipients = 0
          AND ((span_ms = 60000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 60000)
            OR (span_ms = 3600000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 3600000));
    END IF;
  END IF;
  IF OLD.entered_window_at / 60000 <> NEW.entered_window_at / 60000 THEN
    WITH moved AS (
      INSERT INTO usage_portfolio_by_entered AS b (portfolio_key, starts_at, recipients)
        VALUES (NEW.portfolio_key, OLD.entered_window_at - OLD.entered_window_at % 60000, -1),
               (NEW.portfolio_key, NEW.entered_window_at - NEW.entered_window_at % 60000, 1)
        ON CONFLICT (portfolio_key, starts_at) DO UPDATE SET recipients = b.recipients + excluded.recipients
        RETURNING b.recipients)
    SELECT count(*) INTO emptied FROM moved WHERE recipients = 0;
    IF emptied > 0 THEN
      DELETE FROM usage_portfolio_by_entered
        WHERE portfolio_key = OLD.portfolio_key AND starts_at = OLD.entered_window_at - OLD.entered_window_at % 60000 AND recipients = 0;
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER usage_portfolio_recipients_insert AFTER INSERT ON usage_portfolio_recipients
  FOR EACH ROW EXECUTE FUNCTION usage_portfolio_recipients_rollup();
CREATE TRIGGER usage_portfolio_recipients_update AFTER UPDATE ON usage_portfolio_recipients
  FOR EACH ROW WHEN (OLD.last_counted_at / 60000 <> NEW.last_counted_at / 60000
                  OR OLD.entered_window_at / 60000 <> NEW.entered_window_at / 60000)
  EXECUTE FUNCTION usage_portfolio_recipients_rollup();

CREATE FUNCTION usage_account_recipients_rollup() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  emptied bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO usage_account_by_last_counted AS b (account_id, span_ms, starts_at, recipients)
      VALUES (NEW.account_id, 60000, NEW.last_counted_at - NEW.last_counted_at % 60000, 1),
             (NEW.account_id, 3600000, NEW.last_counted_at - NEW.last_counted_at % 3600000, 1)
      ON CONFLICT (account_id, span_ms, starts_at) DO UPDATE SET recipients = b.recipients + excluded.recipients;
    RETURN NULL;
  END IF;
  WITH moved AS (
    INSERT INTO usage_account_by_last_counted AS b (account_id, span_ms, starts_at, recipients)
      SELECT NEW.account_id, m.span_ms, m.starts_at, sum(m.delta)
        FROM (VALUES (60000::bigint, OLD.last_counted_at - OLD.last_counted_at % 60000, -1),
                     (60000, NEW.last_counted_at - NEW.last_counted_at % 60000, 1),
                     (3600000, OLD.last_counted_at - OLD.last_counted_at % 3600000, -1),
                     (3600000, NEW.last_counted_at - NEW.last_counted_at % 3600000, 1)) AS m (span_ms, starts_at, delta)
        GROUP BY m.span_ms, m.starts_at HAVING sum(m.delta) <> 0
      ON CONFLICT (account_id, span_ms, starts_at) DO UPDATE SET recipients = b.recipients + excluded.recipients
      RETURNING b.recipients)
  SELECT count(*) INTO emptied FROM moved WHERE recipients = 0;
  IF emptied > 0 THEN
    DELETE FROM usage_account_by_last_counted
      WHERE account_id = OLD.account_id AND recipients = 0
        AND ((span_ms = 60000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 60000)
          OR (span_ms = 3600000 AND starts_at = OLD.last_counted_at - OLD.last_counted_at % 3600000));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER usage_account_recipients_insert AFTER INSERT ON usage_account_recipients
  FOR EACH ROW EXECUTE FUNCTION usage_account_recipients_rollup();
CREATE TRIGGER usage_account_recipients_update AFTER UPDATE ON usage_account_recipients
  FOR EACH ROW WHEN (OLD.last_counted_at / 60000 <> NEW.last_counted_at / 60000)
  EXECUTE FUNCTION usage_account_recipients_rollup();

-- A prune deletes many rows in one statement: one grouped decrement per statement, not per row.
CREATE FUNCTION usage_portfolio_recipients_forget() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE usage_portfolio_by_last_counted AS b SET recipients = b.recipients - g.n
    FROM (SELECT portfolio_key, s.span_ms, last_counted_at - last_counted_at % s.span_ms AS starts_at, count(*) AS n
            FROM gone CROSS JOIN (VALUES (60000::bigint), (3600000::bigint)) AS s (span_ms) GROUP BY 1, 2, 3) AS g
    WHERE b.portfolio_key = g.portfolio_key AND b.span_ms = g.span_ms AND b.starts_at = g.starts_at;
  DELETE FROM usage_portfolio_by_last_counted AS b
    USING (SELECT DISTINCT portfolio_key, s.span_ms, last_counted_at - last_counted_at % s.span_ms AS starts_at
             FROM gone CROSS JOIN (VALUES (60000::bigint), (3600000::bigint)) AS s (span_ms)) AS g
    WHERE b.portfolio_key = g.portfolio_key AND b.span_ms = g.span_ms AND b.starts_at = g.starts_at AND b.recipients = 0;
  UPDATE usage_portfolio_by_entered AS b SET recipients = b.recipients - g.n
    FROM (SELECT portfolio_key, entered_window_at - entered_window_at % 60000 AS starts_at, count(*) AS n FROM gone GROUP BY 1, 2) AS g
    WHERE b.portfolio_key = g.portfolio_key AND b.starts_at = g.starts_at;
  DELETE FROM usage_portfolio_by_entered AS b
    USING (SELECT DISTINCT portfolio_key, entered_window_at - entered_window_at % 60000 AS starts_at FROM gone) AS g
    WHERE b.portfolio_key = g.portfolio_key AND b.starts_at = g.starts_at AND b.recipients = 0;
  RETURN NULL;
END $$;
CREATE TRIGGER usage_portfolio_recipients_delete AFTER DELETE ON usage_portfolio_recipients
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION usage_portfolio_recipients_forget();

CREATE FUNCTION usage_account_recipients_forget() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE usage_account_by_last_counted AS b SET recipients = b.recipients - g.n
    FROM (SELECT account_id, s.span_ms, last_counted_at - last_counted_at % s.span_ms AS starts_at, count(*) AS n
            FROM gone CROSS JOIN (VALUES (60000::bigint), (3600000::bigint)) AS s (span_ms) GROUP BY 1, 2, 3) AS g
    WHERE b.account_id = g.account_id AND b.span_ms = g.span_ms AND b.starts_at = g.starts_at;
  DELETE FROM usage_account_by_last_counted AS b
    USING (SELECT DISTINCT account_id, s.span_ms, last_counted_at - last_counted_at % s.span_ms AS starts_at
             FROM gone CROSS JOIN (VALUES (60000::bigint), (3600000::bigint)) AS s (span_ms)) AS g
    WHERE b.account_id = g.account_id AND b.span_ms = g.span_ms AND b.starts_at = g.starts_at AND b.recipients = 0;
  RETURN NULL;
END $$;
CREATE TRIGGER usage_account_recipients_delete AFTER DELETE ON usage_account_recipients
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION usage_account_recipients_forget();
`;
