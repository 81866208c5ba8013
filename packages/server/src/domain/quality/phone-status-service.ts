import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import type { MetaGraph } from '../../providers/meta-graph/meta-graph.js';
import type { Store } from '../../store/store.js';
import type { PhoneSnapshot, PortfolioLimitRecord } from './phone-status.js';
import { portfolioKeyOf } from './phone-status.js';

/** Settings of {@link createPhoneStatusService}. */
export interface PhoneStatusServiceOptions {
  readonly store: Store;
  readonly clock: Clock;
  /** Meta's Graph API (or the demo simulator); without it only stored knowledge is served. */
  readonly metaGraph?: MetaGraph | undefined;
  /** How long a Graph read stays fresh (5 min by default). */
  readonly ttlMs?: number | undefined;
  /** Least time between two Graph reads of one account, forced or not (30 s by default). */
  readonly minFetchIntervalMs?: number | undefined;
  /** Told about failed Graph reads, which are otherwise absorbed into `stale: true`. */
  readonly onGraphError?: ((accountId: string, error: unknown) => void) | undefined;
}

/** What is known about an account's number and its portfolio's limit, and whether it is out of date. */
export interface PhoneStatusView {
  readonly snapshot: PhoneSnapshot | null;
  readonly limit: PortfolioLimitRecord | null;
  /** Fetching is due but Meta could not be read: the rating is the last known one (or none). */
  readonly qualityStale: boolean;
  /** Same for the limit, which a webhook or another number of the portfolio may have refreshed. */
  readonly quotaStale: boolean;
  /**
   * A refresh was asked for and Meta could not be read: both views are then stale, however recent
   * the cache, since the caller asked precisely because it doubts it.
   */
  readonly refreshFailed: boolean;
}

/** Reads phone status through a cache in the store, fetching from Meta when it is due. */
export interface PhoneStatusService {
  /**
   * Returns the account's status. Fetches from Meta when what `purpose` needs is older than the
   * TTL, or when `refresh` asks for it, but never twice within the minimum interval; concurrent
   * reads of one account share one fetch. Meta being down is never an error: the view is stale.
   */
  read(account: Account, options?: { refresh?: boolean; purpose?: 'quality' | 'quota' | 'phone' }): Promise<PhoneStatusView>;
  /** Lifts the minimum interval for the account's next read (the demo uses it after changing Meta's state). */
  allowImmediateFetch(accountId: string): void;
}

/** Creates a {@link PhoneStatusService}. The in-flight and rate-limit memory is per process. */
export function createPhoneStatusService(options: PhoneStatusServiceOptions): PhoneStatusService {
  const { store, clock, metaGraph } = options;
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const minFetchIntervalMs = options.minFetchIntervalMs ?? 30_000;
  const lastAttemptAt = new Map<string, number>();
  /** Accounts whose last Graph read failed: a refresh the minimum interval holds back still failed. */
  const lastAttemptFailed = new Set<string>();
  /** Each resolves to whether Meta was read. */
  const inFlight = new Map<string, Promise<boolean>>();

  const isFresh = (at: Date | undefined, now: number) => at !== undefined && now - at.getTime() < ttlMs;

  async function load(account: Account): Promise<{ snapshot: PhoneSnapshot | null; limit: PortfolioLimitRecord | null }> {
    const [snapshot, limit] = await Promise.all([
      store.phoneStatus.getPhoneSnapshot(account.id),
      store.phoneStatus.getPortfolioLimit(portfolioKeyOf(account)),
    ]);
    return { snapshot, limit };
  }

  function fetchShared(graph: MetaGraph, account: Account): Promise<boolean> {
    const running = inFlight.get(account.id);
    if (running) return running;
    lastAttemptAt.set(account.id, clock.now().getTime());
    const fetching = (async () => {
      try {
        const read = await graph.getPhoneNumber(account.phoneNumberId);
        await store.phoneStatus.recordGraphRead({ account, read, at: clock.now() });
        lastAttemptFailed.delete(account.id);
        return true;
      } catch (error) {
        options.onGraphError?.(account.id, error);
        lastAttemptFailed.add(account.id);
        return false;
      } finally {
        inFlight.delete(account.id);
      }
    })();
    inFlight.set(account.id, fetching);
    return fetching;
  }

  return {
    async read(account, { refresh = false, purpose = 'quality' } = {}) {
      let known = await load(account);
      if (!metaGraph) {
        // Without a Graph client webhooks are the only source and they push every change, so
        // what is stored is as current as we can know: not stale (and UNKNOWN when never told).
        return { ...known, qualityStale: false, quotaStale: false, refreshFailed: false };
      }
      const now = clock.now().getTime();
      const fresh =
        purpose === 'quota'
          ? isFresh(known.snapshot?.fetchedAt, now) || isFresh(known.limit?.updatedAt, now)
          : isFresh(known.snapshot?.fetchedAt, now);
      const lastAttempt = lastAttemptAt.get(account.id);
      const mayFetch = lastAttempt === undefined || now - lastAttempt >= minFetchIntervalMs;
      const running = inFlight.get(account.id);
      let read: boolean | null = null;
      if (running && (refresh || !fresh)) {
        read = await running;
        known = await load(account);
      } else if (mayFetch && (refresh || !fresh)) {
        read = await fetchShared(metaGraph, account);
        known = await load(account);
      }
      // A refresh held back by the minimum interval answers as the attempt moments ago went.
      const refreshFailed = refresh && (read === null ? lastAttemptFailed.has(account.id) : !read);
      const after = clock.now().getTime();
      const snapshotFresh = isFresh(known.snapshot?.fetchedAt, after);
      return {
        ...known,
        qualityStale: refreshFailed || !snapshotFresh,
        quotaStale: refreshFailed || (!snapshotFresh && !isFresh(known.limit?.updatedAt, after)),
        refreshFailed,
      };
    },
    allowImmediateFetch(accountId) {
      lastAttemptAt.delete(accountId);
    },
  };
}
