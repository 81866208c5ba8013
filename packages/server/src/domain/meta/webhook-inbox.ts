import type { Clock } from '../clock.js';
import { retryDelayMs } from '../retry-delay.js';
import { newId } from '../ids.js';
import type { InboundWebhook } from '../../store/meta-webhook-inbox-store.js';
import type { Store } from '../../store/store.js';
import type { DispatchResult } from './dispatch-changes.js';
import type { MetaWebhookEnvelope } from './envelope.js';
import { MetaWebhookEnvelopeSchema } from './envelope.js';

/**
 * How long the instance applying a webhook holds it without renewing: it renews every third of
 * this while it applies (the largest webhook Meta sends, 3 MB, took 35 s at worst on PostgreSQL on
 * the bench machine), so only a dead instance loses it, and its webhook is taken again this long
 * after its last renewal. A webhook applied twice anyway charges nothing twice: every change is
 * idempotent.
 */
export const INBOX_LEASE_MS = 60_000;
/** When the inbox stops trying a webhook and marks it failed: Meta's own redelivery horizon, 7 days. */
export const INBOX_GIVE_UP_MS = 7 * 86_400_000;
/** How often a running server sweeps the inbox for webhooks left due. */
export const INBOX_SWEEP_INTERVAL_MS = 15_000;
/** Most webhooks applied per sweep. */
const SWEEP_LIMIT = 10;

/** Applies the changes of a webhook (the app's dispatcher). */
export type ApplyWebhook = (envelope: MetaWebhookEnvelope, receivedAt: Date) => Promise<DispatchResult>;

/** What {@link MetaWebhookInbox} needs. */
export interface MetaWebhookInboxDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logError?: ((message: string, error: unknown) => void) | undefined;
  /** In [0, 1): the jitter of retry delays (`Math.random` by default). */
  readonly random?: (() => number) | undefined;
  /** {@link INBOX_LEASE_MS} by default. */
  readonly leaseMs?: number | undefined;
}

/**
 * The Meta webhook inbox: webhooks too large to apply within Meta's patience are acknowledged once
 * stored (their verified raw body, in the database), then applied in the background. Meta expects
 * an answer within seconds and redelivers what it does not get one for; applying the 3 MB webhooks
 * it may send takes tens of seconds on PostgreSQL.
 *
 * The instance that stored a webhook applies it at once, renewing its lease as it goes; {@link sweep}
 * (every `intervalMs` once {@link start}ed) takes the ones left due: a lease that ran out (an
 * instance died applying it) or a retry after a busy database. A webhook is deleted once applied, after the
 * last of its changes committed; being applied again after a crash in between charges nothing twice.
 * The dispatcher is handed in by the app ({@link connect}), which owns the change handlers.
 */
export class MetaWebhookInbox {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #logError: (message: string, error: unknown) => void;
  readonly #random: () => number;
  readonly #leaseMs: number;
  #apply: ApplyWebhook | undefined;
  readonly #inFlight = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #sweeping: Promise<number> | undefined;

  constructor({ store, clock, logError = console.error, random = Math.random, leaseMs = INBOX_LEASE_MS }: MetaWebhookInboxDeps) {
    this.#store = store;
    this.#leaseMs = leaseMs;
    this.#clock = clock;
    this.#logError = logError;
    this.#random = random;
  }

  /** Gives the inbox the app's dispatcher; once only. */
  connect(apply: ApplyWebhook): void {
    if (this.#apply) throw new Error('the Meta webhook inbox is already connected to an app');
    this.#apply = apply;
  }

  /**
   * Stores a verified webhook, leased to this instance, and starts applying it; resolves once it is
   * stored (when Meta may be answered), not when it is applied.
   */
  async accept(body: string, envelope: MetaWebhookEnvelope, receivedAt: Date): Promise<void> {
    const webhook = { id: newId('mwh'), body, receivedAt };
    await this.#store.webhookInbox.add(webhook, this.#leaseEnd());
    this.#track(this.#applyAndSettle({ ...webhook, attempts: 1 }, envelope));
  }

  /** Takes the webhooks due now, one at a time, and applies each (up to ten); returns how many it took. */
  sweep(): Promise<number> {
    // One sweep at a time per instance: a timer firing during a long one waits for it.
    this.#sweeping ??= this.#sweepOnce().finally(() => {
      this.#sweeping = undefined;
    });
    return this.#sweeping;
  }

  /** Sweeps now and every `intervalMs`. */
  start(intervalMs: number): void {
    if (this.#timer) return;
    const run = () => this.#track(this.sweep().then(() => {}, (error: unknown) => this.#logError('webhook inbox: sweep failed', error)));
    this.#timer = setInterval(run, intervalMs);
    this.#timer.unref();
    run();
  }

  /** Stops sweeping and waits for the webhooks being applied. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.settled();
  }

  /** Resolves once no webhook is being applied by this instance. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  async #sweepOnce(): Promise<number> {
    // One at a time, each leased as it starts: applying one may take tens of seconds, and a webhook
    // claimed with it would wait, its lease running out, while another instance could take it.
    let taken = 0;
    while (taken < SWEEP_LIMIT) {
      const [webhook] = await this.#store.webhookInbox.claimDue(this.#clock.now(), this.#leaseEnd(), 1);
      if (!webhook) break;
      taken += 1;
      const envelope = parseStored(webhook.body);
      if (!envelope) {
        await this.#store.webhookInbox.markFailed(webhook.id, this.#clock.now(), 'the stored body is not a webhook');
        continue;
      }
      await this.#applyAndSettle(webhook, envelope);
    }
    return taken;
  }

  async #applyAndSettle(webhook: InboundWebhook, envelope: MetaWebhookEnvelope): Promise<void> {
    const apply = this.#apply;
    if (!apply) throw new Error('the Meta webhook inbox is not connected to an app');
    let failure: string | undefined;
    // Renewed in turn, never two at once, and the last one done before the webhook is settled: a
    // late renewal would otherwise undo a retry's delay.
    let renewing = Promise.resolve();
    const renewal = setInterval(() => {
      renewing = renewing.then(() =>
        this.#store.webhookInbox.renewLease(webhook.id, this.#leaseEnd()).catch((error: unknown) => {
          this.#logError(`webhook inbox: renewing the lease of ${webhook.id} failed`, error);
        }),
      );
    }, this.#leaseMs / 3);
    renewal.unref();
    try {
      const { retryLater } = await apply(envelope, webhook.receivedAt);
      if (retryLater) failure = 'a change failed on a busy database';
    } catch (error) {
      this.#logError(`webhook inbox: applying ${webhook.id} failed`, error);
      failure = error instanceof Error ? error.message : String(error);
    } finally {
      clearInterval(renewal);
      await renewing;
    }
    try {
      if (failure === undefined) {
        await this.#store.webhookInbox.remove(webhook.id);
        return;
      }
      const now = this.#clock.now();
      if (now.getTime() - webhook.receivedAt.getTime() >= INBOX_GIVE_UP_MS) {
        await this.#store.webhookInbox.markFailed(webhook.id, now, failure);
        return;
      }
      const delay = retryDelayMs(webhook.attempts, this.#random);
      await this.#store.webhookInbox.scheduleRetry(webhook.id, new Date(now.getTime() + delay), failure);
    } catch (error) {
      // The lease runs out and the webhook is due again: applied twice, it charges nothing twice.
      this.#logError(`webhook inbox: settling ${webhook.id} failed`, error);
    }
  }

  #leaseEnd(): Date {
    return new Date(this.#clock.now().getTime() + this.#leaseMs);
  }

  #track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => this.#logError('webhook inbox: applying failed', error));
    this.#inFlight.add(tracked);
    void tracked.finally(() => this.#inFlight.delete(tracked));
  }
}

function parseStored(body: string): MetaWebhookEnvelope | null {
  try {
    const parsed = MetaWebhookEnvelopeSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
