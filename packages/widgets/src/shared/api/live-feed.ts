import { ApiError, type ApiClient } from './api-client.js';
import type { PushTopics } from './types.js';

/** Options of {@link LiveFeed}. */
export interface LiveFeedOptions {
  /** The server's path of the event stream. */
  path?: string;
  /** First reconnection delay, doubled after each failure up to {@link maxDelayMs}. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** One parsed Server-Sent Event. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * The one live-updates connection of a session: reads `GET /v1/events` (Server-Sent Events) with `fetch`, so
 * the client secret travels in the `Authorization` header rather than in a URL that ends up in logs, and
 * pushes every event to the widgets through {@link ApiClient.emit}. Reconnects with exponential backoff and
 * jitter; stops for good on a 403, or when the session expired and there is no `fetchClientSecret` to renew it.
 */
export class LiveFeed {
  private readonly path: string;
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;
  private controller: AbortController | undefined;
  private delayMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** The client whose secret opens the stream and whose listeners hear the events. */
    readonly client: ApiClient,
    { path = '/v1/events', minDelayMs = 1_000, maxDelayMs = 30_000 }: LiveFeedOptions = {},
  ) {
    this.path = path;
    this.minDelayMs = minDelayMs;
    this.maxDelayMs = maxDelayMs;
    this.delayMs = minDelayMs;
  }

  /** Whether the feed is running (connected, or waiting to reconnect). */
  get running(): boolean {
    return this.controller !== undefined;
  }

  start(): void {
    if (this.controller) return;
    this.controller = new AbortController();
    void this.connect(this.controller.signal);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.controller?.abort();
    this.controller = undefined;
  }

  private async connect(signal: AbortSignal): Promise<void> {
    try {
      const response = await this.client.openStream(this.path, { signal });
      if (!response.body) throw new Error('the event stream has no body');
      for await (const event of readServerSentEvents(response.body, signal)) {
        this.delayMs = this.minDelayMs;
        this.dispatch(event);
      }
    } catch (cause) {
      if (signal.aborted) return;
      if (cause instanceof ApiError && this.isFinal(cause)) {
        this.stop();
        return;
      }
    }
    if (!signal.aborted) this.reconnectLater(signal);
  }

  /**
   * A 403 never changes by retrying. An expired session is final only without `fetchClientSecret`: with it, a
   * failed renewal (the host's token endpoint briefly down) is retried with the same backoff.
   */
  private isFinal(error: ApiError): boolean {
    if (error.status === 403) return true;
    return error.code === 'session_expired' && !this.client.fetchClientSecret;
  }

  private reconnectLater(signal: AbortSignal): void {
    const jitter = 0.5 + Math.random() / 2;
    this.timer = setTimeout(() => {
      if (!signal.aborted) void this.connect(signal);
    }, this.delayMs * jitter);
    this.delayMs = Math.min(this.delayMs * 2, this.maxDelayMs);
  }

  private dispatch({ event, data }: ServerSentEvent): void {
    if (!isTopic(event)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    this.client.emit(event, payload as PushTopics[typeof event]);
  }
}

/** Every topic the widgets listen to; typed so that a new topic in `PushTopics` must be listed here. */
const topics: Record<keyof PushTopics, true> = { balance: true, quality: true, quota: true, usage: true, topup: true };

function isTopic(name: string): name is keyof PushTopics {
  return Object.hasOwn(topics, name);
}

/** Parses a `text/event-stream` body (WHATWG HTML § 9.2) into events; comments and `id`/`retry` are skipped. */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const stopReading = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', stopReading, { once: true });
  let buffer = '';
  let event = '';
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        // a CR at the very end may be the first half of a CRLF split across chunks
        if (newline === buffer.length - 1 && buffer.endsWith('\r')) break;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
    }
  } finally {
    signal?.removeEventListener('abort', stopReading);
  }
}
