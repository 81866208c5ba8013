#!/usr/bin/env node
// Runs every suite of the monorepo (server, widgets, end to end) and ends with ONE line totalling them,
// `N passed, N failed`. Fails when any suite fails or when any suite ran no test at all.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'wa-tests-'));

/** Test files below `dir` whose name ends with `suffix` (Node 20's test runner has no glob support). */
function findTests(dir, suffix = '.test.ts') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

/** Runs a command; `env` adds variables to ours, and a null value removes one. */
function run(command, args, env = {}) {
  const merged = { ...process.env, ...env };
  for (const [name, value] of Object.entries(merged)) if (value === null) delete merged[name];
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: merged });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** Counts from a TAP stream written by Node's test runner (`# pass N`, `# fail N`). */
function tapCounts(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const count = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
}

async function nodeSuite(name, files, env = {}) {
  const tap = join(work, `${name}.tap`);
  const code = await run(process.execPath, [
    '--import', 'tsx', '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ], env);
  return { name, code, ...tapCounts(tap) };
}

/**
 * The route suites again, each app on a PostgreSQL schema of its own (WA_TEST_STORE=postgres): the
 * contract suite of the second engine. Without DATABASE_URL it says how to start a server and is
 * skipped, visibly; in CI (CI set) that is a failure.
 */
async function postgresSuite() {
  if (!process.env.DATABASE_URL) {
    if (process.env.CI) {
      console.error('server-pg: CI is set but DATABASE_URL is not; .ci/run starts PostgreSQL and exports it');
      return { name: 'server-pg', code: 1, passed: 0, failed: 1, skipped: 0 };
    }
    console.log(`server-pg: SKIPPED, DATABASE_URL is not set. To run the PostgreSQL half:
  su postgres -c "/usr/lib/postgresql/15/bin/initdb -D /tmp/pg -A trust"
  su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D /tmp/pg -o '-p 5433 -k /tmp -c listen_addresses=127.0.0.1' -l /tmp/pg.log start"
  DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres npm test`);
    return { name: 'server-pg', code: 0, passed: 0, failed: 0, skipped: 1, notRun: 'DATABASE_URL unset' };
  }
  const files = findTests(join(root, 'packages/server/src')).filter((file) => /createTestApp\(|createPaymentsTestApp\(/.test(readFileSync(join(root, file), 'utf8')));
  return nodeSuite('server-pg', files, { WA_TEST_STORE: 'postgres' });
}

async function widgetSuite() {
  const summary = join(work, 'widgets.json');
  const code = await run('npm', ['test', '-w', '@wa-widgets/widgets'], { WTR_SUMMARY_FILE: summary });
  const counts = existsSync(summary) ? JSON.parse(readFileSync(summary, 'utf8')) : { passed: 0, failed: 0, skipped: 0 };
  return { name: 'widgets', code, ...counts };
}

/** Type errors fail the run like a failed test: `tsc --noEmit` over sources, tests and benchmarks. */
async function typecheck(projects) {
  const failing = [];
  for (const project of projects) {
    if ((await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project, '--noEmit'])) !== 0) {
      failing.push(project);
    }
  }
  if (failing.length > 0) console.error(`typecheck failed: ${failing.join(', ')}`);
  return failing.length;
}

const only = process.argv.slice(2);
let typeErrors = 0;
const suites = [
  ['server', async () => {
    typeErrors += await typecheck(['packages/server/tsconfig.json', 'bench/tsconfig.json']);
    return nodeSuite('server', findTests(join(root, 'packages/server/src')));
  }],
  ['server-pg', postgresSuite],
  ['widgets', async () => {
    typeErrors += await typecheck(['packages/widgets/tsconfig.json']);
    return widgetSuite();
  }],
  ['e2e', async () => {
    const build = await run('npm', ['run', 'build']);
    if (build !== 0) return { name: 'e2e', code: build, passed: 0, failed: 1, skipped: 0 };
    typeErrors += await typecheck(['demo/tsconfig.json']);
    // The demo servers of e2e each want a fresh embedded database, not the PostgreSQL of the server-pg suite.
    return nodeSuite('e2e', findTests(join(root, 'demo/e2e')), { DATABASE_URL: null });
  }],
].filter(([name]) => only.length === 0 || only.includes(name));

const results = [];
for (const [, runSuite] of suites) results.push(await runSuite());

console.log('\nSuites:');
for (const r of results) {
  const verdict = r.code !== 0 || r.failed > 0 ? 'FAILED' : r.notRun ? `SKIPPED (${r.notRun})` : r.passed === 0 ? 'RAN NO TEST' : 'ok';
  console.log(`  ${r.name.padEnd(8)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped — ${verdict}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const broken = typeErrors > 0 || results.some((r) => r.code !== 0 || (r.passed === 0 && !r.notRun));
if (typeErrors > 0) console.log(`  typecheck: ${typeErrors} project(s) with type errors — FAILED`);
// A suite that crashed before reporting still counts as a failure in the total line.
const total = failed + (broken && failed === 0 ? 1 : 0);
console.log(`${passed} passed, ${total} failed`);
process.exit(broken || total > 0 ? 1 : 0);
