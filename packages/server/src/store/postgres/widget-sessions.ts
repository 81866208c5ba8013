import type { WidgetSession } from '../../domain/sessions.js';
import type { WidgetSessionStore } from '../widget-session-store.js';
import type { WidgetSessionRow } from '../sqlite/rows.js';
import { toWidgetSession } from '../sqlite/rows.js';
import type { Db } from './db.js';

/** {@link WidgetSessionStore} over PostgreSQL. */
export class PgWidgetSessions implements WidgetSessionStore {
  readonly #sql: () => Promise<Db>;

  constructor(sql: () => Promise<Db>) {
    this.#sql = sql;
  }

  async createWidgetSession(session: WidgetSession): Promise<void> {
    const sql = await this.#sql();
    await sql`INSERT INTO widget_sessions (id, secret_hash, account_id, permissions, expires_at, created_at)
      VALUES (${session.id}, ${session.secretHash}, ${session.accountId}, ${JSON.stringify(session.permissions)},
        ${session.expiresAt.getTime()}, ${session.createdAt.getTime()})`;
  }

  async findWidgetSession(secretHash: string): Promise<WidgetSession | null> {
    const sql = await this.#sql();
    const [row] = await sql<WidgetSessionRow[]>`SELECT * FROM widget_sessions WHERE secret_hash = ${secretHash}`;
    return row ? toWidgetSession(row) : null;
  }

  async getWidgetSession(id: string): Promise<WidgetSession | null> {
    const sql = await this.#sql();
    const [row] = await sql<WidgetSessionRow[]>`SELECT * FROM widget_sessions WHERE id = ${id}`;
    return row ? toWidgetSession(row) : null;
  }

  async revokeWidgetSession(id: string, at: Date): Promise<WidgetSession | null> {
    const sql = await this.#sql();
    // The first revocation's time stands: revoking again changes nothing.
    await sql`UPDATE widget_sessions SET revoked_at = ${at.getTime()} WHERE id = ${id} AND revoked_at IS NULL`;
    return this.getWidgetSession(id);
  }

  async revokeAccountWidgetSessions(accountId: string, at: Date): Promise<number> {
    const sql = await this.#sql();
    const result = await sql`UPDATE widget_sessions SET revoked_at = ${at.getTime()}
      WHERE account_id = ${accountId} AND revoked_at IS NULL AND expires_at > ${at.getTime()}`;
    return result.count;
  }

  async pruneWidgetSessions(expiredBefore: Date, limit?: number): Promise<number> {
    const sql = await this.#sql();
    const result = await sql`DELETE FROM widget_sessions WHERE id IN (
      SELECT id FROM widget_sessions WHERE expires_at < ${expiredBefore.getTime()} ${limitClause(sql, limit)})`;
    return result.count;
  }
}

/** `LIMIT n` for a batch limit, nothing for none (SQLite's `LIMIT -1`). */
export function limitClause(sql: Db, limit: number | undefined) {
  return limit === undefined || limit < 0 ? sql`` : sql`LIMIT ${limit}`;
}
