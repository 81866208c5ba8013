/**
 * The reference of every server figure: a plain Hono JSON route on @hono/node-server, nothing else.
 * Started in its own process by `run-all.ts`; prints `{"port":…}` once listening on loopback.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/plain', (c) => c.json({ balance: { amount: '12.50', currency: 'USD' }, is_low: false }));

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
