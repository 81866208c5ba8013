import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { TurnBatchedResponse } from './ops/turn-batched-responses.js';

/** What `serveNode` needs of the app: Hono's `fetch`. */
export interface FetchApp {
  fetch: Parameters<typeof serve>[0]['fetch'];
}

/**
 * The Node HTTP server the app runs in, in production and in the bench alike: @hono/node-server,
 * with the responses of one event-loop turn written together (`TurnBatchedResponse`).
 */
export function serveNode(app: FetchApp, options: { port: number; hostname?: string }, onListening?: (info: AddressInfo) => void): ServerType {
  return serve(
    {
      fetch: app.fetch,
      port: options.port,
      ...(options.hostname !== undefined ? { hostname: options.hostname } : {}),
      serverOptions: { ServerResponse: TurnBatchedResponse },
    },
    onListening,
  );
}
