import type { Clock } from '../../domain/clock.js';
import type { OutboxHostEvent } from '../../domain/host-events/host-event.js';
import { hostEventBody } from '../../domain/host-events/host-event.js';
import type { HostEventOutbox } from '../../domain/host-events/outbox.js';
import { HOST_EVENT_GIVE_UP_MS } from '../../domain/host-events/retry.js';
import { retryDelayMs } from '../../domain/retry-delay.js';
import { hostEventSignature } from './signature.js';

/** Where and how host events are delivered. */
export interface HostEventDispatcherOptions {
  readonly outbox: HostEventOutbox;
  readonly clock: Clock;
  /** `WA_HOST_WEBHOOK_URL`; without it, events stay in the outbox. */
  readonly url: string | undefined;
  /** `WA_HOST_WEBHOOK_SECRET`, the HMAC key of `WA-Signature`. */
  readonly secret: string | undefined;
  readonly fetch?: typeof fetch | undefined;
  /** How long one POST may take (10 s). */
  readonly timeoutMs?: number | undefined;
  /** How long a claimed event stays claimed; must exceed `timeoutMs` (60 s). */
  readonly leaseMs?: number | undefined;
  /** Events claimed per round (20). */
  readonly batchSize?: number | undefined;
  /** Jitter source in [0, 1) (`Math.random`). */
  readonly random?: (() => number) | undefined;
  readonly log?: ((message: string) => void) | undefined;
}

/** What one {@link HostEventDispatcher.dispatchDue} did. */
export interface DispatchSummary {
  readonly delivered: number;
  readonly retrying: number;
  readonly failed: number;
}

const MAX_ROUNDS = 50;

/**
 * Delivers the host-event outbox to the partner's backend: each due event is POSTed as JSON to the
 * webhook URL with `WA-Event-Id` and `WA-Signature` (see `hostEventSignature`). A 2xx marks it
 * delivered; anything else (status, network error, timeout) schedules a retry with exponential
 * backoff, until 3 days after the event, when it is marked failed and left in the outbox.
 *
 * Safe for one process: an event is claimed with a lease before it is sent, so a crash mid-delivery
 * loses nothing: once the lease ends the event is due again and is sent again (hosts de-duplicate
 * by event id). `start()` polls on a timer; tests call {@link dispatchDue} with a manual clock.
 */
export class HostEventDispatcher {
  readonly #options: HostEventDispatcherOptions;
  readonly #fetch: typeof fetch;
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<unknown> | undefined;
  #warnedUnconfigured = false;

  constructor(options: HostEventDispatcherOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? fetch;
  }

  /** Delivers every event due now, one at a time, oldest first. */
  async dispatchDue(): Promise<DispatchSummary> {
    const { url, secret, outbox, clock } = this.#options;
    const summary = { delivered: 0, retrying: 0, failed: 0 };
    if (!url || !secret) {
      if (!this.#warnedUnconfigured) {
        this.#warnedUnconfigured = true;
        this.#log('host events: WA_HOST_WEBHOOK_URL/WA_HOST_WEBHOOK_SECRET unset; events stay in the outbox undelivered');
      }
      return summary;
    }
    const batchSize = this.#options.batchSize ?? 20;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const now = clock.now();
      const lease = new Date(now.getTime() + (this.#options.leaseMs ?? 60_000));
      const events = await outbox.claimDueHostEvents(now, lease, batchSize);
      for (const event of events) summary[await this.#deliver(event, url, secret)]++;
      if (events.length < batchSize) break;
    }
    return summary;
  }

  /** Polls the outbox every `intervalMs` (1 s); a round still running is not overlapped. */
  start(intervalMs = 1000): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      this.#running ??= this.dispatchDue()
        .catch((error: unknown) => this.#log(`host events: dispatch failed: ${describe(error)}`))
        .finally(() => (this.#running = undefined));
    }, intervalMs);
    this.#timer.unref();
  }

  /** Stops polling and waits for the round in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  async #deliver(event: OutboxHostEvent, url: string, secret: string): Promise<keyof DispatchSummary> {
    const { outbox, clock } = this.#options;
    const body = hostEventBody(event);
    let error: string;
    try {
      const res = await this.#fetch(url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 10_000),
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'wa-widgets-host-events/1',
          'WA-Event-Id': event.id,
          'WA-Signature': hostEventSignature(secret, body, Math.floor(clock.now().getTime() / 1000)),
        },
      });
      await res.body?.cancel().catch(() => {});
      if (res.status >= 200 && res.status < 300) {
        await outbox.markHostEventDelivered(event.id, clock.now());
        return 'delivered';
      }
      error = `HTTP ${res.status}`;
    } catch (caught) {
      error = describe(caught);
    }
    const now = clock.now();
    if (now.getTime() - event.createdAt.getTime() >= HOST_EVENT_GIVE_UP_MS) {
      await outbox.markHostEventFailed(event.id, now, error);
      this.#log(`host events: gave up on ${event.id} (${event.type}) after ${event.attempts} attempts: ${error}`);
      return 'failed';
    }
    const delay = retryDelayMs(event.attempts, this.#options.random);
    await outbox.scheduleHostEventRetry(event.id, new Date(now.getTime() + delay), error);
    return 'retrying';
  }

  #log(message: string): void {
    (this.#options.log ?? console.warn)(message);
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  // fetch reports "fetch failed" and keeps the reason (ECONNREFUSED…) in `cause`.
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}
