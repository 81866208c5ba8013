/**
 * Server throughput as ratios to a plain Hono JSON route, both started in their own processes in
 * this run and loaded over loopback by autocannon (50 connections): widget reads, and signed
 * status webhooks (one status per request, a repeat every fourth) with the exactness check, the
 * resident memory at the end, and how long a 3 MB webhook holds other requests.
 */
import { Worker } from 'node:worker_threads';
import { PARTNER_KEY, benchPrice, benchStatus, signedWebhook, OPENING_BALANCE_MICROS, type ServerInfo } from '../bench-setup.js';
import { startChildServer, type ChildServer } from '../lib/child-server.js';
import { runLoad, type LoadResult } from '../lib/load.js';
import type { BenchPart, BenchRow } from './part.js';

/** Seconds of load per figure, split into ROUNDS alternating rounds with the plain route. */
const SECONDS = Number(process.env['WA_BENCH_SECONDS'] ?? 9);
const WARMUP_SECONDS = 3;
const ROUNDS = 3;
const WIDGET_READS = ['/v1/balance', '/v1/account', '/v1/quality', '/v1/usage/24h'] as const;

/** The part measuring the server on the embedded database, and on PostgreSQL when DATABASE_URL is set. */
export function serverPart(): BenchPart {
  return {
    name: 'server',
    title: 'Server: widget reads and webhook ingest against a plain Hono route',
    timeoutSeconds: 360,
    async run() {
      const plain = await startChildServer<{ port: number }>('servers/plain-hono.ts');
      const embedded = await measureStore(plain, { DATABASE_URL: '' }, 'embedded');
      const postgres = process.env['DATABASE_URL'] ? await measureStore(plain, {}, 'PostgreSQL', { readsToo: false }) : null;
      await plain.stop();
      const rows: BenchRow[] = [...embedded.rows, ...(postgres?.rows ?? [{ metric: 'ingest on PostgreSQL', value: 'not run (DATABASE_URL unset)' }])];
      return { rows, data: { embedded: embedded.data, postgres: postgres?.data ?? null } };
    },
  };
}

async function measureStore(
  plain: ChildServer<{ port: number }>,
  env: NodeJS.ProcessEnv,
  label: string,
  { readsToo = true } = {},
): Promise<{ rows: BenchRow[]; data: Record<string, unknown> }> {
  const server = await startChildServer<ServerInfo>('servers/wa-server.ts', { env });
  const base = `http://127.0.0.1:${server.info.port}`;
  const widgetHeaders = { authorization: `Bearer ${server.info.clientSecret}`, origin: 'http://127.0.0.1' };
  const plainUrl = `http://127.0.0.1:${plain.info.port}/plain`;
  const measure = async (child: ChildServer<unknown>, run: () => Promise<LoadResult>) => {
    const before = await child.cpuSeconds();
    const result = await run();
    const after = await child.cpuSeconds();
    const cpuMicrosPerRequest = before !== null && after !== null ? Math.round(((after - before) / result.requests) * 1e6) : null;
    return { ...result, cpuMicrosPerRequest };
  };

  // JIT warm-up of both servers, so that neither figure includes compiling the code it measures.
  await runLoad({ url: plainUrl, durationSeconds: WARMUP_SECONDS });
  for (const path of WIDGET_READS) await runLoad({ url: base + path, durationSeconds: 1, headers: widgetHeaders });
  const delivered = new Set<number>();
  const ingestStream = statusWebhooks(0, (n) => delivered.add(n));
  const ingestRequest = ingestStream.next;
  await runLoad({ url: `${base}/webhooks/meta`, durationSeconds: WARMUP_SECONDS, method: 'POST', setupRequest: ingestRequest });

  // The machine is shared and its load drifts within seconds: each figure alternates short runs of
  // the plain route and of the target, and its ratio is the median of the rounds' ratios.
  const versus = async (run: () => Promise<LoadResult>, target: ChildServer<unknown> = server) => {
    const rounds: { plain: Awaited<ReturnType<typeof measure>>; target: Awaited<ReturnType<typeof measure>>; ratio: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const plainRun = await measure(plain, () => runLoad({ url: plainUrl, durationSeconds: SECONDS / ROUNDS }));
      const measured = await measure(target, run);
      rounds.push({ plain: plainRun, target: measured, ratio: measured.requestsPerSecond / plainRun.requestsPerSecond });
    }
    const sorted = [...rounds].sort((a, b) => a.ratio - b.ratio);
    const middle = sorted[sorted.length >> 1]!;
    return { ratio: middle.ratio, plain: middle.plain, target: middle.target, rounds };
  };
  const reads: Record<string, Awaited<ReturnType<typeof versus>>> = {};
  if (readsToo) {
    for (const path of WIDGET_READS) reads[path] = await versus(() => runLoad({ url: base + path, durationSeconds: SECONDS / ROUNDS, headers: widgetHeaders }));
  }
  // The balance read by a server with the route alone, none of the app-wide middleware: what the
  // middleware chain costs a read is the difference.
  let routeAlone: Awaited<ReturnType<typeof versus>> | null = null;
  if (readsToo) {
    const bare = await startChildServer<ServerInfo>('servers/wa-server.ts', { env: { ...env, WA_BENCH_APP: 'balance-route' } });
    const bareRead = () =>
      runLoad({ url: `http://127.0.0.1:${bare.info.port}/v1/balance`, durationSeconds: SECONDS / ROUNDS, headers: { authorization: `Bearer ${bare.info.clientSecret}` } });
    await bareRead(); // warm-up
    routeAlone = await versus(bareRead, bare);
    await bare.stop();
  }
  // The balance read again while statuses arrive at a busy partner's pace: each charge makes the
  // account's next read miss the store's memo, and the statuses cost CPU of their own.
  const trickleStart = { ...trickled };
  const readsUnderWrites = readsToo
    ? await versus(() => withStatusTrickle(base, ingestRequest, () => runLoad({ url: `${base}/v1/balance`, durationSeconds: SECONDS / ROUNDS, headers: widgetHeaders })))
    : null;
  const ownTrickle = { statuses: trickled.statuses - trickleStart.statuses, seconds: trickled.seconds - trickleStart.seconds };
  const ingest = await versus(() =>
    runLoad({ url: `${base}/webhooks/meta`, durationSeconds: SECONDS / ROUNDS, method: 'POST', setupRequest: ingestRequest }),
  );
  // The same webhooks answered by a server whose `messages` handler does nothing: what the request
  // alone costs (signature, JSON, validation, middleware, answer), the most a synchronous apply could reach.
  let ceiling: Awaited<ReturnType<typeof versus>> | null = null;
  if (readsToo) {
    const bare = await startChildServer<ServerInfo>('servers/wa-server.ts', { env: { ...env, WA_BENCH_BILLING: 'off' } });
    // The same webhooks as the ingest's, numbered apart: none is ever charged.
    const bareRequest = statusWebhooks(2_000_000_000).next;
    const bareIngest = () =>
      runLoad({ url: `http://127.0.0.1:${bare.info.port}/webhooks/meta`, durationSeconds: SECONDS / ROUNDS, method: 'POST', setupRequest: bareRequest });
    await bareIngest(); // warm-up
    ceiling = await versus(bareIngest, bare);
    await bare.stop();
  }
  const exactness = await checkExactness(base, server.info.accountId, delivered);
  const blocking = await largeBatchBlocking(base, server.info.accountId, ingestStream.sent() + 1_000_000);
  const rssBytes = await server.rss();
  await server.stop();

  const latency = (r: LoadResult) => `p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`;
  const show = (v: Awaited<ReturnType<typeof versus>>, unit: string) =>
    `${v.ratio.toFixed(3)}× (${v.target.requestsPerSecond} ${unit} vs ${v.plain.requestsPerSecond} req/s plain)`;
  const cpu = (v: Awaited<ReturnType<typeof versus>>) =>
    `server CPU ${v.target.cpuMicrosPerRequest ?? '?'} µs/request vs ${v.plain.cpuMicrosPerRequest ?? '?'} plain`;
  const rows: BenchRow[] = [];
  if (readsToo) {
    const plainRuns = Object.values(reads).flatMap((v) => v.rounds.map((r) => r.plain.requestsPerSecond));
    rows.push({ metric: 'plain Hono JSON route (reference)', value: `${Math.min(...plainRuns)}–${Math.max(...plainRuns)} req/s over the run`, reference: `${ROUNDS} alternating rounds of ${SECONDS / ROUNDS} s per figure; median ratio` });
    for (const [path, v] of Object.entries(reads)) {
      rows.push({ metric: `GET ${path} (${label})`, value: show(v, 'req/s'), reference: `${latency(v.target)}; ${cpu(v)}; ≥ 0.5×, aim 0.7×` });
    }
    if (routeAlone) {
      rows.push({
        metric: `GET /v1/balance, the route alone: no app-wide middleware (${label})`,
        value: show(routeAlone, 'req/s'),
        reference: `${latency(routeAlone.target)}; ${cpu(routeAlone)}; session, account and runway read, JSON answered, without request id, request log and metrics, security headers, body limit and CORS: what the chain costs a read is the difference`,
      });
    }
    if (readsUnderWrites) {
      rows.push({
        metric: `GET /v1/balance while ${Math.round(ownTrickle.statuses / ownTrickle.seconds)} statuses/s are ingested (${label})`,
        value: show(readsUnderWrites, 'req/s'),
        reference: `${latency(readsUnderWrites.target)}; ${cpu(readsUnderWrites)} (the writes' CPU included); about one read in ${Math.max(1, Math.round(readsUnderWrites.target.requestsPerSecond / (ownTrickle.statuses / ownTrickle.seconds)))} follows a charge of its account and misses the memo`,
      });
    }
  }
  rows.push({
    metric: `status webhooks, 1 status/request, ¼ repeats (${label})`,
    value: show(ingest, 'statuses/s'),
    reference: `${latency(ingest.target)}; ${cpu(ingest)}; ≥ 0.25×, aim 0.35×`,
  });
  if (ceiling) {
    rows.push({
      metric: `status webhooks answered without billing: the messages handler a no-op (${label})`,
      value: show(ceiling, 'req/s'),
      reference: `${latency(ceiling.target)}; ${cpu(ceiling)}; the request alone (signature, JSON, validation, middleware, answer): the most any apply before the answer could reach`,
    });
  }
  rows.push({
    metric: `exactness after ingest (${label})`,
    value: exactness.exact ? `exact: ${exactness.charged} messages, balance ${exactness.balanceMicros} µ` : `MISMATCH: balance ${exactness.balanceMicros} µ, expected ${exactness.expectedMicros} µ`,
    reference: 'balance = opening − Σ charged prices, to the micro-unit',
  });
  rows.push({
    metric: `3 MB webhook (${blocking.statuses} statuses) (${label})`,
    value: `answered in ${blocking.answeredMs} ms, applied in ${blocking.appliedMs} ms (exact: ${blocking.exact}); GET /healthz meanwhile: max ${blocking.maxHealthMs} ms over ${blocking.healthRequests} requests; server event-loop delay max ${blocking.serverLagMs ?? '?'} ms`,
    reference: 'answered once stored in the inbox, applied in the background; other requests never wait more than 50 ms (/healthz asked from a worker thread of the bench)',
  });
  rows.push({ metric: `server memory at the end (${label})`, value: rssBytes === null ? 'n/a' : `${(rssBytes / 2 ** 20).toFixed(0)} MB RSS` });
  return {
    rows,
    data: { store: server.info.store, reads, balanceRouteAlone: routeAlone, readsUnderWrites, ingest, ingestWithoutBilling: ceiling, exactness, blocking, rssBytes },
  };
}

type LoadRequest = Parameters<NonNullable<Parameters<typeof runLoad>[0]['setupRequest']>>[0];

/**
 * Signed status webhooks of bench messages `first`, `first + 1`, …, one status each, as autocannon's
 * `setupRequest`: every fourth repeats the delivery of three messages earlier, as a `read`;
 * `onDelivered` hears each message delivered.
 */
function statusWebhooks(first: number, onDelivered: (n: number) => void = () => {}) {
  let sent = 0;
  return {
    next(request: LoadRequest) {
      const n = first + sent++;
      const repeat = n % 4 === 3;
      if (!repeat) onDelivered(n);
      const webhook = signedWebhook([repeat ? benchStatus(n - 3, 'read') : benchStatus(n, 'delivered')]);
      return { ...request, method: 'POST' as const, path: '/webhooks/meta', body: webhook.body, headers: webhook.headers };
    },
    sent: () => sent,
  };
}

/** Statuses per second posted (one per webhook) while {@link withStatusTrickle}'s load runs. */
const TRICKLE_PER_SECOND = 200;
/** What the trickle achieved, all runs together (the timer runs beside autocannon in this process). */
const trickled = { statuses: 0, seconds: 0 };

/** Runs `load` while signed status webhooks (built by `request`, as the ingest load builds them) arrive at {@link TRICKLE_PER_SECOND}. */
async function withStatusTrickle<T>(
  base: string,
  request: (r: { method: 'POST'; path: string }) => { body?: unknown; headers?: Record<string, string> },
  load: () => Promise<T>,
): Promise<T> {
  const posts = new Set<Promise<unknown>>();
  const started = performance.now();
  const timer = setInterval(() => {
    trickled.statuses += 1;
    const { body, headers } = request({ method: 'POST', path: '/webhooks/meta' });
    const post = fetch(`${base}/webhooks/meta`, { method: 'POST', body: body as string, headers })
      .then((res) => res.text())
      .finally(() => posts.delete(post));
    posts.add(post);
  }, 1000 / TRICKLE_PER_SECOND);
  try {
    return await load();
  } finally {
    clearInterval(timer);
    trickled.seconds += (performance.now() - started) / 1000;
    await Promise.all(posts);
  }
}

/**
 * Sends every delivered message once more, in batches, so that any request the load cut short is
 * certainly applied (a replay changes nothing), then compares the balance with what the bench
 * card says those messages cost.
 */
async function checkExactness(base: string, accountId: string, delivered: ReadonlySet<number>) {
  const ids = [...delivered];
  for (let start = 0; start < ids.length; start += 200) {
    const webhook = signedWebhook(ids.slice(start, start + 200).map((i) => benchStatus(i, 'delivered')));
    const res = await fetch(`${base}/webhooks/meta`, { method: 'POST', body: webhook.body, headers: webhook.headers });
    if (res.status !== 200) throw new Error(`replay answered ${res.status}: ${await res.text()}`);
  }
  const expectedMicros = ids.reduce((sum, i) => sum - benchPrice(i), OPENING_BALANCE_MICROS);
  const balanceMicros = await accountBalanceMicros(base, accountId);
  return { charged: ids.length, expectedMicros: String(expectedMicros), balanceMicros: String(balanceMicros), exact: balanceMicros === expectedMicros };
}

/**
 * Posts a webhook of about 3 MB while GET /healthz is asked again and again; the slowest answer is the
 * blocking. The /healthz prober runs in a worker thread, with its own event loop and heap: in the thread
 * that builds and sends the 3 MB body, the bench's own work and garbage collection would be counted as the
 * server's. The server's own view comes from its metrics: the longest event-loop delay prom-client saw
 * while the webhook ran (`nodejs_eventloop_lag_max_seconds`, reset at each scrape, sampled every 10 ms).
 */
async function largeBatchBlocking(base: string, accountId: string, firstMessage: number) {
  const statuses: unknown[] = [];
  let expectedMicros = await accountBalanceMicros(base, accountId);
  let size = 0;
  for (let i = firstMessage; size < 3 * 1024 * 1024 - 2_000; i++) {
    const status = benchStatus(i, 'delivered');
    size += JSON.stringify(status).length + 1;
    statuses.push(status);
    expectedMicros -= benchPrice(i);
  }
  const webhook = signedWebhook(statuses);
  await eventLoopLagMaxMs(base); // resets prom-client's histogram
  const prober = startHealthProber(base);
  await prober.started;
  const started = performance.now();
  const response = await fetch(`${base}/webhooks/meta`, { method: 'POST', body: webhook.body, headers: webhook.headers });
  await response.text();
  const answeredMs = Math.round(performance.now() - started);
  if (response.status !== 200) throw new Error(`the 3 MB webhook answered ${response.status}`);
  // Applied in the background: the balance reaches the batch's total once its last status is in.
  let balanceMicros = await accountBalanceMicros(base, accountId);
  while (balanceMicros > expectedMicros && performance.now() - started < APPLY_DEADLINE_MS) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    balanceMicros = await accountBalanceMicros(base, accountId);
  }
  const appliedMs = Math.round(performance.now() - started);
  const { maxMs, requests } = await prober.stop();
  const serverLagMs = await eventLoopLagMaxMs(base);
  return {
    statuses: statuses.length,
    bytes: webhook.body.length,
    answeredMs,
    appliedMs,
    exact: balanceMicros === expectedMicros,
    maxHealthMs: Math.round(maxMs),
    healthRequests: requests,
    serverLagMs,
  };
}

/** How long the bench waits for the 3 MB webhook to be applied. */
const APPLY_DEADLINE_MS = 180_000;

async function accountBalanceMicros(base: string, accountId: string): Promise<bigint> {
  const res = await fetch(`${base}/v1/accounts/${accountId}`, { headers: { authorization: `Bearer ${PARTNER_KEY}` } });
  const account = (await res.json()) as { balance: { amount: string } };
  return toMicros(account.balance.amount);
}

/** A worker thread asking GET /healthz in a loop until stopped; reports the slowest answer. */
function startHealthProber(base: string) {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    let stopping = false;
    parentPort.on('message', () => { stopping = true; });
    (async () => {
      let maxMs = 0, requests = 0;
      await (await fetch(workerData + '/healthz')).text(); // connection opened before the webhook starts
      parentPort.postMessage({ started: true });
      while (!stopping) {
        const t0 = performance.now();
        await (await fetch(workerData + '/healthz')).text();
        maxMs = Math.max(maxMs, performance.now() - t0);
        requests += 1;
      }
      parentPort.postMessage({ maxMs, requests });
    })();`;
  const worker = new Worker(source, { eval: true, workerData: base });
  const messages: ((message: { started?: true; maxMs?: number; requests?: number }) => void)[] = [];
  worker.on('message', (message) => messages.shift()?.(message));
  const next = () => new Promise<{ maxMs?: number; requests?: number }>((resolve) => messages.push(resolve));
  const started = next();
  return {
    started,
    async stop(): Promise<{ maxMs: number; requests: number }> {
      const result = next();
      worker.postMessage('stop');
      const { maxMs = 0, requests = 0 } = await result;
      await worker.terminate();
      return { maxMs, requests };
    },
  };
}

/** The server's longest event-loop delay since the last scrape, in ms (prom-client resets it on each scrape). */
async function eventLoopLagMaxMs(base: string): Promise<number | null> {
  const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${PARTNER_KEY}` } });
  const text = await response.text();
  const seconds = /^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text)?.[1];
  return seconds === undefined ? null : Math.round(Number(seconds) * 1000);
}

function toMicros(amount: string): bigint {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const micros = BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  return negative ? -micros : micros;
}
