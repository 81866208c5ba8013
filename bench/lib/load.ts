/** autocannon, programmatic, bounded in time, reduced to the figures the report needs. */
import autocannon from 'autocannon';

/** Throughput and latency of one load run. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}

/** What to load: a URL and autocannon's request options (`setupRequest` for fresh bodies). */
export interface LoadOptions {
  readonly url: string;
  readonly durationSeconds: number;
  readonly connections?: number;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly setupRequest?: (request: autocannon.Request) => autocannon.Request;
}

/** Runs autocannon against `options.url` for the given seconds (50 connections by default). */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections ?? 50,
    duration: options.durationSeconds,
    method: options.method ?? 'GET',
    headers: options.headers,
    ...(options.setupRequest ? { requests: [{ setupRequest: options.setupRequest }] } : {}),
  });
  return {
    requestsPerSecond: Math.round(result.requests.total / options.durationSeconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
