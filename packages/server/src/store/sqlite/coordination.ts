import type Database from 'better-sqlite3';
import type { CoordinationStore, GraphReadClaim } from '../coordination-store.js';
import { NEVER_ATTEMPTED_MS } from '../coordination-store.js';

/** {@link CoordinationStore} over better-sqlite3: each method one IMMEDIATE transaction or statement. */
export class SqliteCoordination implements CoordinationStore {
  readonly #acquire;
  readonly #claim;
  readonly #s;

  constructor(db: Database.Database) {
    const s = {
      dropExpired: db.prepare<[string, number]>('DELETE FROM event_stream_slots WHERE session_id = ? AND expires_at <= ?'),
      countSlots: db.prepare<[string], number>('SELECT count(*) FROM event_stream_slots WHERE session_id = ?').pluck(),
      insertSlot: db.prepare<[string, string, number]>('INSERT INTO event_stream_slots (id, session_id, expires_at) VALUES (?, ?, ?)'),
      renewSlot: db.prepare<[number, string]>('UPDATE event_stream_slots SET expires_at = ? WHERE id = ?'),
      releaseSlot: db.prepare<[string]>('DELETE FROM event_stream_slots WHERE id = ?'),
      claimRead: db
        .prepare<[{ id: string; now: number; lease: number; interval: number }], number>(`INSERT INTO graph_reads AS g
            (account_id, attempted_at, in_flight_until) VALUES (@id, @now, @lease)
          ON CONFLICT (account_id) DO UPDATE SET attempted_at = excluded.attempted_at, in_flight_until = excluded.in_flight_until
            WHERE g.in_flight_until <= @now AND g.attempted_at <= @now - @interval
          RETURNING 1`)
        .pluck(),
      inFlight: db.prepare<[string, number], number>('SELECT count(*) FROM graph_reads WHERE account_id = ? AND in_flight_until > ?').pluck(),
      finishRead: db.prepare<[string]>('UPDATE graph_reads SET in_flight_until = 0 WHERE account_id = ?'),
      forgetAttempt: db.prepare<[number, string]>('UPDATE graph_reads SET attempted_at = ? WHERE account_id = ?'),
    };
    this.#s = s;
    this.#acquire = db.transaction((sessionId: string, slotId: string, max: number, now: number, expiresAt: number): boolean => {
      s.dropExpired.run(sessionId, now);
      if ((s.countSlots.get(sessionId) ?? 0) >= max) return false;
      s.insertSlot.run(slotId, sessionId, expiresAt);
      return true;
    });
    this.#claim = db.transaction((accountId: string, now: number, minIntervalMs: number, leaseUntil: number): GraphReadClaim => {
      if (s.claimRead.get({ id: accountId, now, lease: leaseUntil, interval: minIntervalMs }) !== undefined) return 'claimed';
      return (s.inFlight.get(accountId, now) ?? 0) > 0 ? 'in_flight' : 'too_soon';
    });
  }

  async acquireStreamSlot(sessionId: string, slotId: string, max: number, now: Date, expiresAt: Date): Promise<boolean> {
    return this.#acquire.immediate(sessionId, slotId, max, now.getTime(), expiresAt.getTime());
  }

  async renewStreamSlot(slotId: string, expiresAt: Date): Promise<void> {
    this.#s.renewSlot.run(expiresAt.getTime(), slotId);
  }

  async releaseStreamSlot(slotId: string): Promise<void> {
    this.#s.releaseSlot.run(slotId);
  }

  async claimGraphRead(accountId: string, now: Date, minIntervalMs: number, leaseUntil: Date): Promise<GraphReadClaim> {
    return this.#claim.immediate(accountId, now.getTime(), minIntervalMs, leaseUntil.getTime());
  }

  async finishGraphRead(accountId: string): Promise<void> {
    this.#s.finishRead.run(accountId);
  }

  async forgetGraphReadAttempt(accountId: string): Promise<void> {
    this.#s.forgetAttempt.run(NEVER_ATTEMPTED_MS, accountId);
  }
}
