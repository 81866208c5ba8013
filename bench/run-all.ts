/**
 * `npm run bench`: runs every part of parts/index.ts (or those named: `npm run bench -- server
 * widget-weight`), each bounded in time, on loopback only; writes bench/results.json and the
 * benchmark table of README.md (between its `bench:start` and `bench:end` markers), with the
 * machine it ran on. A part that fails or times out is reported as such; the others still run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PARTS } from './parts/index.js';
import type { BenchRow, PartResult } from './parts/part.js';

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
const README = fileURLToPath(new URL('../README.md', import.meta.url));
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

const wanted = new Set(process.argv.slice(2));
const parts = PARTS.map((make) => make()).filter((part) => wanted.size === 0 || wanted.has(part.name));
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: (await import('node:os')).loadavg().map((n) => Number(n.toFixed(1))),
};
const startedAt = new Date();
type PartOutcome = { title: string; seconds: number; result?: PartResult; error?: string; at?: string };
// Parts not run this time keep their last results (marked with when they ran).
const previous = wanted.size > 0 && existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as { startedAt: string; parts: Record<string, PartOutcome> }) : null;
const results: Record<string, PartOutcome> = {};
for (const make of PARTS) {
  const { name } = make();
  const kept = previous?.parts[name];
  if (kept && !wanted.has(name)) results[name] = { ...kept, at: kept.at ?? previous.startedAt };
}

for (const part of parts) {
  console.log(`▶ ${part.title} (at most ${part.timeoutSeconds} s)`);
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      part.run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${part.timeoutSeconds} s`)), part.timeoutSeconds * 1000);
      }),
    ]);
    results[part.name] = { title: part.title, seconds: Math.round((performance.now() - started) / 1000), result, at: startedAt.toISOString() };
    for (const row of result.rows) console.log(`  ${row.metric}: ${row.value}${row.reference ? `  [${row.reference}]` : ''}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results[part.name] = { title: part.title, seconds: Math.round((performance.now() - started) / 1000), error: message, at: startedAt.toISOString() };
    console.log(`  failed: ${message}`);
  } finally {
    clearTimeout(timer);
  }
}

writeFileSync(RESULTS, `${JSON.stringify({ startedAt: startedAt.toISOString(), machine, parts: results }, null, 2)}\n`);
const table = [
  `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' / ')} at the start (a shared machine: compare ratios of one run, not absolute figures across runs).`,
  '',
  '| Part | Measure | Result | Reference / target |',
  '|---|---|---|---|',
  ...PARTS.map((make) => make().name).flatMap((name) => {
    const outcome = results[name];
    if (!outcome) return [];
    const title = outcome.at && outcome.at !== startedAt.toISOString() ? `${outcome.title} (run ${outcome.at.slice(0, 16).replace('T', ' ')})` : outcome.title;
    return outcome.error
      ? [`| ${title} | — | failed: ${escape(outcome.error)} | |`]
      : (outcome.result?.rows ?? []).map((row: BenchRow) => `| ${title} | ${escape(row.metric)} | ${escape(row.value)} | ${escape(row.reference ?? '')} |`);
  }),
].join('\n');
const readme = readFileSync(README, 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from >= 0 && to > from) writeFileSync(README, `${readme.slice(0, from + START.length)}\n${table}\n${readme.slice(to)}`);
else console.log(`README.md has no ${START} … ${END} section: the table is in bench/results.json only`);
console.log(`wrote ${RESULTS}`);
// Child servers are stopped by their parts; nothing else should hold the process.
process.exit(0);

function escape(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\n', ' ');
}
