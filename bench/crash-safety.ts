/**
 * Crash-safety benchmark: the SIGKILL round of `packages/server/src/scale/crash-safety.test.ts`,
 * 20 rounds in a row per engine. Each round starts a real server process, sends it a burst of Meta
 * webhooks, provider payment events and partner credits, kills it with SIGKILL at a random point,
 * restarts it on the same database, sends everything again (what Meta, the provider and the partner
 * retry), and checks balance = sum of entries, each message charged once, each paid top-up credited
 * once and every host event delivered.
 *
 *   node --import tsx bench/crash-safety.ts [rounds=20] [sqlite|postgres|both]
 *
 * `postgres` (and `both`, the default when DATABASE_URL is set) need DATABASE_URL. Exits 1 if any
 * round breaks an invariant.
 */
import { crashRound } from '../packages/server/src/scale/crash-round.js';

const rounds = Number(process.argv[2] ?? 20);
const which = process.argv[3] ?? (process.env['DATABASE_URL'] ? 'both' : 'sqlite');
const engines = which === 'both' ? (['sqlite', 'postgres'] as const) : ([which] as const);
if (engines.some((engine) => engine !== 'sqlite' && engine !== 'postgres')) throw new Error(`unknown engine ${which}`);
if (engines.includes('postgres' as never) && !process.env['DATABASE_URL']) throw new Error('postgres needs DATABASE_URL');

let failed = 0;
for (const engine of engines as readonly ('sqlite' | 'postgres')[]) {
  const started = performance.now();
  let passed = 0;
  for (let round = 1; round <= rounds; round++) {
    const result = await crashRound(engine, { credits: 20, messages: 40, topups: 5 });
    const ok = result.problems.length === 0 && result.completedBeforeKill < result.operations;
    if (ok) passed++;
    else failed++;
    console.log(
      `${engine} round ${String(round).padStart(2)}: killed after ${result.completedBeforeKill}/${result.operations} acknowledged — ${ok ? 'ok' : `FAILED: ${result.problems.join('; ')}`}`,
    );
  }
  console.log(`${engine}: ${passed}/${rounds} rounds in a row passed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
process.exit(failed > 0 ? 1 : 0);
