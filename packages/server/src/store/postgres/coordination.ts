import type { CoordinationStore, GraphReadClaim } from '../coordination-store.js';
import { NEVER_ATTEMPTED_MS } from '../coordination-store.js';
import type { Db } from './db.js';
import { lockKey } from './db.js';

/** {@link CoordinationStore} over PostgreSQL: a session's slots take turns on an advisory lock. */
export class PgCoordination implements CoordinationStore {
  readonly #sql: () => Promise<Db>;

  constructor(sql: () => Promise<Db>) {
    this.#sql = sql;
  }

  async acquireStreamSlot(sessionId: string, slotId: string, max: number, now: Date, expiresAt: Date): Promise<boolean> {
    const sql = await this.#sql();
    return sql.begin(async (tx) => {
      await lockKey(tx, `streams:${sessionId}`);
      await tx`DELETE FROM event_stream_slots WHERE session_id = ${sessionId} AND expires_at <= ${now.getTime()}`;
      const [row] = await tx<{ n: bigint }[]>`SELECT count(*) AS n FROM event_stream_slots WHERE session_id = ${sessionId}`;
      if (Number(row?.n ?? 0) >= max) return false;
      await tx`INSERT INTO event_stream_slots (id, session_id, expires_at) VALUES (${slotId}, ${sessionId}, ${expiresAt.getTime()})`;
      return true;
    });
  }

  async renewStreamSlot(slotId: string, expiresAt: Date): Promise<void> {
    const sql = await this.#sql();
    await sql`UPDATE event_stream_slots SET expires_at = ${expiresAt.getTime()} WHERE id = ${slotId}`;
  }

  async releaseStreamSlot(slotId: string): Promise<void> {
    const sql = await this.#sql();
    await sql`DELETE FROM event_stream_slots WHERE id = ${slotId}`;
  }

  async claimGraphRead(accountId: string, now: Date, minIntervalMs: number, leaseUntil: Date): Promise<GraphReadClaim> {
    const sql = await this.#sql();
    const at = now.getTime();
    // One statement: of instances claiming at once, the row lock lets exactly one through.
    const claimed = await sql`INSERT INTO graph_reads AS g (account_id, attempted_at, in_flight_until)
        VALUES (${accountId}, ${at}, ${leaseUntil.getTime()})
      ON CONFLICT (account_id) DO UPDATE SET attempted_at = excluded.attempted_at, in_flight_until = excluded.in_flight_until
        WHERE g.in_flight_until <= ${at} AND g.attempted_at <= ${at - minIntervalMs}
      RETURNING 1`;
    if (claimed.length > 0) return 'claimed';
    const [inFlight] = await sql`SELECT 1 FROM graph_reads WHERE account_id = ${accountId} AND in_flight_until > ${at}`;
    return inFlight ? 'in_flight' : 'too_soon';
  }

  async finishGraphRead(accountId: string): Promise<void> {
    const sql = await this.#sql();
    await sql`UPDATE graph_reads SET in_flight_until = 0 WHERE account_id = ${accountId}`;
  }

  async forgetGraphReadAttempt(accountId: string): Promise<void> {
    const sql = await this.#sql();
    await sql`UPDATE graph_reads SET attempted_at = ${NEVER_ATTEMPTED_MS} WHERE account_id = ${accountId}`;
  }
}
