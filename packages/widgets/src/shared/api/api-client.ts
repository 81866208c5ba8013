import type { ApiErrorBody, PushTopics } from './types.js';

/** Options of {@link ApiClient}. */
export interface ApiClientOptions {
  /** Base URL of the wa-widgets server, e.g. `https://wa.example.com`. Empty means the page's origin. */
  endpoint?: string;
  /** The widget session's `client_secret`, sent as `Authorization: Bearer <client_secret>`. */
  clientSecret: string;
  /** Called when the server answers `session_expired`; resolves to a fresh `client_secret`. */
  fetchClientSecret?: () => Promise<string>;
  /** A `fetch` implementation, for tests and non-browser hosts. Defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** Details of the client's events: `wa-session-expired` and `wa-request-failed`. */
export interface ApiClientEventDetail {
  error: ApiError;
}

/** An error of the widget API, or of reaching it (`network_error`, status 0). */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    /** The contract's snake_case code, e.g. `session_expired`. */
    readonly code: string,
    /** The HTTP status, or 0 when no response arrived. */
    readonly status: number,
    message: string,
    /** The request that failed, e.g. `GET /v1/balance`. */
    readonly request = '',
  ) {
    super(message);
  }
}

interface RequestOptions {
  signal?: AbortSignal | undefined;
}

/** Options of {@link ApiClient.get}. */
export interface GetOptions extends RequestOptions {
  /**
   * Sends a request of its own instead of joining an identical one in flight, which may have started before a
   * change this caller wants to see (e.g. a reload after a `POST`).
   */
  fresh?: boolean;
}

/** Options of {@link ApiClient.download}. */
export interface DownloadOptions extends RequestOptions {
  /** The `Accept` header, e.g. `text/csv`. */
  accept?: string;
  /** The name to save under when the response has no `Content-Disposition` filename. */
  fallbackName?: string;
}

/** A downloaded file: its bytes and the name the server suggested. */
export interface Download {
  blob: Blob;
  filename: string;
}

/**
 * The one HTTP client of the widgets. A `<wa-session>` shares a single instance with every widget inside it,
 * so concurrent identical GETs become one request, and an expired session is renewed once for all of them.
 *
 * It is an `EventTarget`: it dispatches `wa-session-expired` and `wa-request-failed` (`CustomEvent` with
 * `{ error }`), which the session re-dispatches as DOM events. Live updates are pushed with
 * {@link ApiClient.emit} and heard with {@link ApiClient.on}.
 */
export class ApiClient extends EventTarget {
  endpoint: string;
  clientSecret: string;
  fetchClientSecret: (() => Promise<string>) | undefined;

  private readonly fetchImpl: typeof fetch;
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly listeners = new Map<keyof PushTopics, Set<(data: never) => void>>();
  private renewal: Promise<void> | undefined;
  private notifiedExpiredSecret: string | undefined;

  constructor(options: ApiClientOptions) {
    super();
    this.endpoint = options.endpoint ?? '';
    this.clientSecret = options.clientSecret;
    this.fetchClientSecret = options.fetchClientSecret;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /**
   * GETs a JSON resource. Identical GETs in flight share one request (unless `fresh`); aborting `signal` only
   * abandons this caller's wait, never the shared request.
   */
  get<T>(path: string, { signal, fresh = false }: GetOptions = {}): Promise<T> {
    let shared = fresh ? undefined : (this.inflight.get(path) as Promise<T> | undefined);
    if (!shared) {
      const request: Promise<T> = this.request<T>('GET', path).finally(() => {
        if (this.inflight.get(path) === request) this.inflight.delete(path);
      });
      shared = request;
      // later callers share the newest request, which saw every change made before it
      this.inflight.set(path, request);
    }
    return signal ? abandonable(shared, signal) : shared;
  }

  /** Sends a JSON body with `POST`, `PUT`, `PATCH` or `DELETE`. Never de-duplicated. */
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return this.request<T>(method, path, body);
  }

  /**
   * GETs a file (e.g. the statement's CSV) with the session's `Authorization` header, which a plain link
   * could not send. `filename` comes from `Content-Disposition`, else `fallbackName`. Never de-duplicated.
   */
  async download(path: string, { accept = '*/*', fallbackName = 'download', signal }: DownloadOptions = {}): Promise<Download> {
    const label = `GET ${path}`;
    try {
      const response = await this.authorizedFetch('GET', path, undefined, label, accept, signal);
      const filename = filenameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
      return { blob: await response.blob(), filename };
    } catch (cause) {
      throw this.report(cause, label);
    }
  }

  /** Listens for a pushed update; returns the function that stops listening. */
  on<K extends keyof PushTopics>(topic: K, callback: (data: PushTopics[K]) => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
    }
    set.add(callback);
    return () => set.delete(callback);
  }

  /** Pushes an update to every listener of `topic` (the live-updates feed, or a widget that changed data). */
  emit<K extends keyof PushTopics>(topic: K, data: PushTopics[K]): void {
    for (const callback of this.listeners.get(topic) ?? []) {
      (callback as (data: PushTopics[K]) => void)(data);
    }
  }

  /** The absolute URL of an API path. */
  url(path: string): string {
    const base = new URL(this.endpoint || '/', globalThis.location?.href);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    return new URL(path.replace(/^\//, ''), base).href;
  }

  /**
   * Opens a Server-Sent Events stream (`GET path`, `Accept: text/event-stream`) with the session's secret in
   * the `Authorization` header — never in the URL — renewing an expired secret like any request. A stream
   * that cannot open is retried by its caller, so only an expired session is reported to listeners.
   */
  async openStream(path: string, { signal }: RequestOptions = {}): Promise<Response> {
    const label = `GET ${path}`;
    try {
      return await this.authorizedFetch('GET', path, undefined, label, 'text/event-stream', signal);
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'session_expired') throw this.report(cause, label);
      throw cause;
    }
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const label = `${method} ${path}`;
    try {
      const response = await this.authorizedFetch(method, path, body, label, 'application/json');
      return await readJson<T>(response, label);
    } catch (cause) {
      throw this.report(cause, label);
    }
  }

  /** A response that is OK, after renewing the secret once if the server said it expired. */
  private async authorizedFetch(
    method: string,
    path: string,
    body: unknown,
    label: string,
    accept: string,
    signal?: AbortSignal,
  ): Promise<Response> {
    const secret = this.clientSecret;
    let response = await this.fetchOnce(method, path, body, secret, accept, signal);
    let error = response.ok ? undefined : await toApiError(response, label);

    if (error?.code === 'session_expired' && this.fetchClientSecret) {
      await this.renewSecret(secret, label);
      response = await this.fetchOnce(method, path, body, this.clientSecret, accept, signal);
      error = response.ok ? undefined : await toApiError(response, label);
    }
    if (error) throw error;
    return response;
  }

  private async fetchOnce(
    method: string,
    path: string,
    body: unknown,
    secret: string,
    accept: string,
    signal?: AbortSignal,
  ): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${secret}`, Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return this.fetchImpl(this.url(path), {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
  }

  /** Renews the secret once for every caller that saw it expire. */
  private renewSecret(expiredSecret: string, label: string): Promise<void> {
    if (this.clientSecret !== expiredSecret) return Promise.resolve();
    if (!this.renewal) {
      // `then` turns a `fetchClientSecret` that throws synchronously into a rejection, so `finally` still runs
      const renewal: Promise<void> = Promise.resolve()
        .then(() => this.fetchClientSecret!())
        .then(secret => {
          if (!secret) throw new Error('fetchClientSecret returned no secret');
          this.clientSecret = secret;
        })
        .catch((cause: unknown) => {
          throw new ApiError('session_expired', 401, `Could not renew the session: ${messageOf(cause)}`, label);
        })
        .finally(() => {
          if (this.renewal === renewal) this.renewal = undefined;
        });
      this.renewal = renewal;
    }
    return this.renewal;
  }

  /** Turns any failure into an `ApiError` and tells listeners, once per expired secret. */
  private report(cause: unknown, label: string): unknown {
    if (isAbort(cause)) return cause;
    const error =
      cause instanceof ApiError ? cause : new ApiError('network_error', 0, messageOf(cause), label);
    if (error.code === 'session_expired') {
      if (this.notifiedExpiredSecret !== this.clientSecret) {
        this.notifiedExpiredSecret = this.clientSecret;
        this.dispatchEvent(new CustomEvent<ApiClientEventDetail>('wa-session-expired', { detail: { error } }));
      }
    } else {
      this.dispatchEvent(new CustomEvent<ApiClientEventDetail>('wa-request-failed', { detail: { error } }));
    }
    return error;
  }
}

async function toApiError(response: Response, label: string): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = (await response.json()) as Partial<ApiErrorBody>;
  } catch {
    body = undefined;
  }
  const code = body?.error?.code ?? `http_${response.status}`;
  const message = body?.error?.message ?? (response.statusText || `HTTP ${response.status}`);
  return new ApiError(code, response.status, message, label);
}

async function readJson<T>(response: Response, label: string): Promise<T> {
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError('invalid_response', response.status, 'The server sent a response that is not JSON', label);
  }
}

/** The filename of a `Content-Disposition` header (RFC 6266: `filename*=UTF-8''…` wins over `filename="…"`). */
export function filenameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // a malformed encoding falls back to the plain filename
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(disposition);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  return name || undefined;
}

function abandonable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function isAbort(cause: unknown): boolean {
  return cause instanceof DOMException && cause.name === 'AbortError';
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
