import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const SERVER_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Secrets every spawned test server shares, so a test can sign what Meta and the provider would send. */
export const SECRETS = {
  partnerKey: 'sk_test_scale_0123456789abcdef',
  metaAppSecret: 'meta_app_secret_scale_tests',
  sandboxWebhookSecret: 'sandbox_webhook_secret_scale_tests',
  hostWebhookSecret: 'host_webhook_secret_scale_tests',
} as const;

/** A server process of the real Node entry (`src/main.ts`). */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Ends it with SIGKILL: no shutdown hook runs, as in a machine or container crash. */
  kill(): Promise<void>;
  /** Ends it with SIGTERM (graceful) and waits. */
  stop(): Promise<void>;
}

/** Where the database is: an SQLite file or a PostgreSQL URL. */
export type DatabaseTarget = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

/** A free loopback port (asked of the OS, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Starts `src/main.ts` in production mode on `database`, posting host events to `hostWebhookUrl`. */
export async function startServer(database: DatabaseTarget, hostWebhookUrl: string, extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    PORT: String(port),
    WA_DEMO: '0',
    WA_SECRET_KEY: SECRETS.partnerKey,
    WA_PUBLIC_URL: url,
    WA_PAYMENTS: 'sandbox',
    WA_SANDBOX_WEBHOOK_SECRET: SECRETS.sandboxWebhookSecret,
    META_APP_SECRET: SECRETS.metaAppSecret,
    META_VERIFY_TOKEN: 'verify_token_scale_tests',
    WA_HOST_WEBHOOK_URL: hostWebhookUrl,
    WA_HOST_WEBHOOK_SECRET: SECRETS.hostWebhookSecret,
    WA_HOST_WEBHOOK_TIMEOUT_MS: '500',
    ...(database.kind === 'sqlite' ? { WA_DB: database.file } : { DATABASE_URL: database.url }),
    ...extraEnv,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: SERVER_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy:\n${output}`);
    }
    const healthy = await fetch(`${url}/healthz`).then((res) => res.ok, () => false);
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A fresh PostgreSQL database on the server of `DATABASE_URL`, and how to drop it. */
export async function createDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `wa_scale_${randomBytes(5).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`CREATE DATABASE ${admin(name)}`;
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const sql = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`;
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}

/** The partner's backend, as far as host events go: records every delivery by event id and says 200. */
export interface HostReceiver {
  readonly url: string;
  /** Event id → times delivered. */
  readonly deliveries: Map<string, number>;
  close(): Promise<void>;
}

export async function startHostReceiver(): Promise<HostReceiver> {
  const deliveries = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = req.headers['wa-event-id'];
      if (typeof id === 'string') deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
      res.writeHead(200).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/wa-events`,
    deliveries,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** One Server-Sent Event. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

/** A live `GET /v1/events` connection, as a widget holds one. */
export interface SseClient {
  readonly events: SseEvent[];
  /** Resolves with the first event (already received or to come) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

export async function openEventStream(baseUrl: string, clientSecret: string): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/v1/events`, { headers: { Authorization: `Bearer ${clientSecret}` }, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`GET /v1/events: ${res.status}`);
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((line) => line.startsWith('event:'))?.slice(6).trim();
          const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
          if (event) events.push({ event, data });
        }
        for (const wake of [...waiters]) wake();
      }
    } catch {
      // aborted by close(), or the server went away
    }
  })();
  return {
    events,
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.event))}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => abort.abort(),
  };
}
