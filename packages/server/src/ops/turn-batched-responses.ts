import { ServerResponse, type IncomingMessage } from 'node:http';

/**
 * Responses ended during one turn of the event loop, written together at its end.
 *
 * Why: on a busy server, each response written on its own wakes its client. When a response is
 * written as soon as it is ready, the client is usually asleep, waiting for it, and each write pays
 * for its wake-up in the kernel: measured on the bench machine, 20 µs of work per request cost 42 µs
 * of server CPU instead of 33, all of it in `writev`. Holding the `end()` calls of one turn and
 * carrying them out in `setImmediate`, after the turn's I/O callbacks, writes them back to back:
 * the first wakes the client, the rest find it awake (35 µs for the same work, 21% more requests
 * per second). It costs a response no more than the rest of its turn, a few hundred microseconds
 * under load and nothing when idle; a response's bytes and their order on a connection are unchanged.
 */
const pending: Array<() => void> = [];
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  // Taken whole: an end() carried out here may lead to another one (a pipelined request answered
  // at once), which waits for the next turn as any other.
  const ends = pending.splice(0, pending.length);
  for (const end of ends) {
    try {
      end();
    } catch (error) {
      // A failing end() is the connection's problem (already destroyed, say), never the others'.
      process.emitWarning(error instanceof Error ? error : new Error(String(error)), 'TurnBatchedResponse');
    }
  }
}

/**
 * Node's `ServerResponse`, its `end()` carried out at the end of the current event-loop turn with the
 * others of that turn. For `http.createServer({ ServerResponse: TurnBatchedResponse })`.
 */
export class TurnBatchedResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  override end(...args: unknown[]): this {
    pending.push(() => (ServerResponse.prototype.end as (...a: unknown[]) => unknown).apply(this, args));
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
    return this;
  }
}
