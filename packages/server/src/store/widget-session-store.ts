import type { WidgetSession } from '../domain/sessions.js';

/** Persistence of widget sessions; the client secret itself is never stored, only its SHA-256. */
export interface WidgetSessionStore {
  createWidgetSession(session: WidgetSession): Promise<void>;
  /** Looks a session up by the SHA-256 of its client secret, expired or revoked or not. */
  findWidgetSession(secretHash: string): Promise<WidgetSession | null>;
  /** Looks a session up by its id, expired or revoked or not. */
  getWidgetSession(id: string): Promise<WidgetSession | null>;
  /** Marks a session revoked at `at` (a second revocation keeps the first time); null when unknown. */
  revokeWidgetSession(id: string, at: Date): Promise<WidgetSession | null>;
  /** Revokes every session of the account still live at `at`; returns how many. */
  revokeAccountWidgetSessions(accountId: string, at: Date): Promise<number>;
  /** Deletes (at most `limit` of the) sessions that expired before `expiredBefore`; returns how many. Idempotent. */
  pruneWidgetSessions(expiredBefore: Date, limit?: number): Promise<number>;
}
