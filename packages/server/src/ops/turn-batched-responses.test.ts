import assert from 'node:assert/strict';
import { createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { yieldTurn } from '../per-turn.js';
import { TurnBatchedResponse } from './turn-batched-responses.js';

async function listen(handler: (res: ServerResponse, path: string) => void): Promise<{ server: Server; url: string }> {
  const server = createServer({ ServerResponse: TurnBatchedResponse }, (req, res) => handler(res, req.url ?? '/'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('TurnBatchedResponse', () => {
  test('end() is carried out after the current turn, with the other ends of that turn', async () => {
    const seen: string[] = [];
    const { server, url } = await listen((res, path) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`answer to ${path}`);
      // Nothing is written yet: the end waits for the turn's other I/O callbacks.
      seen.push(`${path} ended at once: ${res.writableEnded}`);
      setImmediate(() => seen.push(`${path} ended after the turn: ${res.writableEnded}`));
    });
    try {
      const response = await fetch(`${url}/one`);
      assert.equal(await response.text(), 'answer to /one');
      assert.deepEqual(seen, ['/one ended at once: false', '/one ended after the turn: true']);
    } finally {
      await close(server);
    }
  });

  test('many concurrent requests, keep-alive and streamed bodies all get their own complete answer', async () => {
    const { server, url } = await listen((res, path) => {
      if (path === '/stream') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first,');
        setTimeout(() => res.end('last'), 5);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ path }));
    });
    try {
      const paths = Array.from({ length: 40 }, (_, n) => `/n/${n}`);
      const answers = await Promise.all(paths.map(async (path) => (await fetch(url + path)).json()));
      assert.deepEqual(answers, paths.map((path) => ({ path })));
      assert.equal(await (await fetch(`${url}/stream`)).text(), 'first,last');
      // Two requests in a row on one kept-alive connection.
      const agentUrl = new URL(url);
      const bodies: string[] = [];
      const { Agent } = await import('node:http');
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      for (const path of ['/a', '/b']) {
        bodies.push(
          await new Promise<string>((resolve, reject) => {
            request({ host: agentUrl.hostname, port: agentUrl.port, path, agent }, (res) => {
              let body = '';
              res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve(body));
            }).on('error', reject).end();
          }),
        );
      }
      agent.destroy();
      assert.deepEqual(bodies, ['{"path":"/a"}', '{"path":"/b"}']);
    } finally {
      await close(server);
    }
  });

  test('a long job yielding with yieldTurn lets a response ended in between go out before its next step', async () => {
    const order: string[] = [];
    const { server, url } = await listen((res) => {
      order.push('request handled');
      res.on('finish', () => order.push('response written'));
      res.end('ok');
    });
    try {
      let stop = false;
      const job = (async () => {
        for (let step = 0; !stop; step++) {
          const until = performance.now() + 2;
          while (performance.now() < until); // a step of a long job: 2 ms of work
          order.push('step');
          await yieldTurn();
        }
      })();
      assert.equal(await (await fetch(url)).text(), 'ok');
      stop = true;
      await job;
      const handled = order.indexOf('request handled');
      assert.ok(handled >= 0);
      assert.equal(order[handled + 1], 'response written', `after the request: ${order.slice(handled).join(', ')}`);
    } finally {
      await close(server);
    }
  });

  test('an end() on a connection the client already dropped leaves the others of its turn alone', async () => {
    let dropped: ServerResponse | undefined;
    const { server, url } = await listen((res, path) => {
      if (path === '/dropped') {
        dropped = res;
        return;
      }
      // Ends both in one turn: the dropped connection's first.
      dropped?.end('too late');
      res.end('fine');
    });
    try {
      const controller = new AbortController();
      const abandoned = fetch(`${url}/dropped`, { signal: controller.signal }).catch(() => 'aborted');
      while (!dropped) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort();
      assert.equal(await abandoned, 'aborted');
      assert.equal(await (await fetch(`${url}/fine`)).text(), 'fine');
    } finally {
      await close(server);
    }
  });
});
