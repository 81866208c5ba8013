import type Database from 'better-sqlite3';
import type { WidgetSession } from '../../domain/sessions.js';
import type { WidgetSessionStore } from '../widget-session-store.js';
import type { CommittedReadMemo } from './committed-read-memo.js';
import type { WidgetSessionRow } from './rows.js';
import { toWidgetSession } from './rows.js';

const COLUMNS = 'id, secret_hash, account_id, permissions, expires_at, created_at, revoked_at';

/** {@link WidgetSessionStore} over better-sqlite3. */
export class SqliteWidgetSessions implements WidgetSessionStore {
  readonly #statements;
  readonly #memo: CommittedReadMemo;

  constructor(db: Database.Database, memo: CommittedReadMemo) {
    this.#memo = memo;
    this.#statements = {
      insert: db.prepare(`INSERT INTO widget_sessions (id, secret_hash, account_id, permissions, expires_at, created_at)
        VALUES (@id, @secret_hash, @account_id, @permissions, @expires_at, @created_at)`),
      bySecret: db.prepare<[string], WidgetSessionRow>(`SELECT ${COLUMNS} FROM widget_sessions WHERE secret_hash = ?`).safeIntegers(),
      byId: db.prepare<[string], WidgetSessionRow>(`SELECT ${COLUMNS} FROM widget_sessions WHERE id = ?`).safeIntegers(),
      // The first revocation's time stands: revoking again changes nothing.
      revoke: db.prepare<[number, string]>('UPDATE widget_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      revokeAccount: db.prepare<[number, string, number]>(
        'UPDATE widget_sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL AND expires_at > ?',
      ),
      prune: db.prepare<[number, number]>(
        'DELETE FROM widget_sessions WHERE rowid IN (SELECT rowid FROM widget_sessions WHERE expires_at < ? LIMIT ?)',
      ),
    };
  }

  async createWidgetSession(session: WidgetSession): Promise<void> {
    this.#statements.insert.run({
      id: session.id,
      secret_hash: session.secretHash,
      account_id: session.accountId,
      permissions: JSON.stringify(session.permissions),
      expires_at: session.expiresAt.getTime(),
      created_at: session.createdAt.getTime(),
    });
  }

  async findWidgetSession(secretHash: string): Promise<WidgetSession | null> {
    // Every widget request asks this; between two commits the answer is remembered.
    return this.#memo.read(`session:${secretHash}`, () => {
      const row = this.#statements.bySecret.get(secretHash);
      return row ? Object.freeze(toWidgetSession(row)) : null;
    });
  }

  async getWidgetSession(id: string): Promise<WidgetSession | null> {
    const row = this.#statements.byId.get(id);
    return row ? toWidgetSession(row) : null;
  }

  async revokeWidgetSession(id: string, at: Date): Promise<WidgetSession | null> {
    this.#statements.revoke.run(at.getTime(), id);
    return this.getWidgetSession(id);
  }

  async revokeAccountWidgetSessions(accountId: string, at: Date): Promise<number> {
    return this.#statements.revokeAccount.run(at.getTime(), accountId, at.getTime()).changes;
  }

  async pruneWidgetSessions(expiredBefore: Date, limit = -1): Promise<number> {
    return this.#statements.prune.run(expiredBefore.getTime(), limit).changes;
  }
}
