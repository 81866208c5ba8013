import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A running demo server: what `npm start` runs once the build is done, on a free port and a fresh database. */
export interface DemoServer {
  url: string;
  secretKey: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`demo server exited early:\n${log()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`demo server did not become healthy:\n${log()}`);
}

/** Starts `node packages/server/dist/main.js` (the built server `npm start` runs) with its own database file. */
export async function startDemoServer(env: Record<string, string> = {}): Promise<DemoServer> {
  // What `npm start` sets: demo mode is never the default. The simulator stays off unless a test
  // asks for it, so balances are exact.
  return startBuiltServer({ WA_DEMO: '1', WA_DEMO_SIMULATOR_INTERVAL_MS: '0', ...env });
}

/**
 * Starts the built server (what `npm run serve` runs once built) configured by `env` alone, on a
 * free port (`env` may use it: `{port}` in a value is replaced) and a fresh database; no WA_DEMO
 * is inherited from this process.
 */
export async function startBuiltServer(env: Record<string, string>): Promise<DemoServer> {
  const port = await freePort();
  const secretKey = env['WA_SECRET_KEY'] ?? 'sk_test_e2e_' + port;
  const dataDir = mkdtempSync(join(tmpdir(), 'wa-e2e-'));
  // Neither WA_* settings nor DATABASE_URL (CI sets one for the PostgreSQL suites): each server
  // gets the embedded database of its own folder, whatever ran before it.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('WA_') && name !== 'DATABASE_URL'));
  let log = '';
  const child = spawn(process.execPath, ['packages/server/dist/main.js'], {
    cwd: repoRoot,
    env: {
      ...inherited,
      PORT: String(port),
      WA_DB: join(dataDir, 'wa.db'),
      WA_SECRET_KEY: secretKey,
      ...Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value.replaceAll('{port}', String(port))])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => log);
  return {
    url,
    secretKey,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
