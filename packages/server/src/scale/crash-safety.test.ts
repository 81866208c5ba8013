import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { postgresSkipReason } from '../test/stores.js';
import { crashRound } from './crash-round.js';

/** Rounds per engine here; `bench/crash-safety.ts` runs 20 in a row. */
const ROUNDS = Number(process.env['WA_CRASH_ROUNDS'] ?? 2);
const postgresSkip = postgresSkipReason();

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`a server killed with SIGKILL mid-burst (${kind})`, { skip: kind === 'postgres' ? postgresSkip : false }, () => {
    for (let round = 1; round <= ROUNDS; round++) {
      it(`round ${round}: after restart and retries, balance = sum of entries, each message charged once, each paid top-up credited once, every host event delivered`, async () => {
        const result = await crashRound(kind, { credits: 20, messages: 40, topups: 5 });
        assert.ok(result.completedBeforeKill < result.operations, 'the kill came before the burst ended');
        assert.deepEqual(result.problems, []);
      });
    }
  });
}
