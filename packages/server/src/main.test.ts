import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const SECRET_KEY = 'sk_main_test_0123456789abcdef0123';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('the server process', () => {
  test('logs JSON lines without secrets, and on SIGTERM ends event streams and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wa-main-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./main.ts', import.meta.url))], {
      env: {
        // The embedded database of WA_DB: an inherited DATABASE_URL (CI sets one) would put this
        // server on the shared PostgreSQL database, where a run before it left the same account.
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL')),
        PORT: String(port),
        WA_DB: join(dir, 'wa.db'),
        WA_DEMO: '0',
        WA_SECRET_KEY: SECRET_KEY,
        WA_PUBLIC_URL: `http://127.0.0.1:${port}`,
        WA_PAYMENTS: 'sandbox',
        WA_SHUTDOWN_TIMEOUT_MS: '5000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('"msg":"listening"')) resolve();
        });
        void exited.then((code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      const partner = { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' };
      const account = (await (
        await fetch(`${base}/v1/accounts`, {
          method: 'POST',
          headers: partner,
          body: JSON.stringify({ name: 'Main', currency: 'USD', waba_id: '1', phone_number_id: '2' }),
        })
      ).json()) as { id: string };
      const session = (await (
        await fetch(`${base}/v1/widget-sessions`, { method: 'POST', headers: partner, body: JSON.stringify({ account_id: account.id }) })
      ).json()) as { client_secret: string };
      assert.ok(session.client_secret, `minted a session for ${JSON.stringify(account)}: ${JSON.stringify(session)}`);
      const stream = await fetch(`${base}/v1/events?client_secret=${session.client_secret}`);
      assert.equal(stream.status, 200, `the event stream opened (server log: ${stdout})`);
      const reader = stream.body!.getReader();
      let events = new TextDecoder().decode((await reader.read()).value);

      const signalledAt = Date.now();
      child.kill('SIGTERM');
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        events += new TextDecoder().decode(value);
      }
      assert.match(events, /event: shutdown/);
      assert.equal(await exited, 0);
      assert.ok(Date.now() - signalledAt < 5000, 'stopped within the bound');

      const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      const requests = lines.filter((line) => line['msg'] === 'request');
      assert.ok(requests.some((line) => line['route'] === '/v1/widget-sessions' && line['status'] === 201 && typeof line['request_id'] === 'string'));
      assert.ok(lines.some((line) => line['msg'] === 'stopped' && line['clean'] === true));
      for (const secret of [SECRET_KEY, session.client_secret]) assert.ok(!`${stdout}${stderr}`.includes(secret));
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
