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
  allowImmediateFetch(accountId: string): Promise<void>;
}

/** How long a claimed Graph read may stay in flight before another instance may read instead. */
const GRAPH_READ_LEASE_MS = 15_000;
/** How long a read waits for another instance's read in flight, polling the claim. */
const WAIT_FOR_OTHER_INSTANCE = { pollMs: 50, attempts: 300 } as const;

/**
 * Creates a {@link PhoneStatusService}. The minimum interval and the read in flight are claimed in
 * the store, so instances sharing a database ask Meta once between them; reads of one process
 * also share the promise of its read in flight.
 */
export function createPhoneStatusService(options: PhoneStatusServiceOptions): PhoneStatusService {
  const { store, clock, metaGraph } = options;
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const minFetchIntervalMs = options.minFetchIntervalMs ?? 30_000;
  /** Each resolves to whether Meta was read, or null when the minimum interval held the read back. */
  const inFlight = new Map<string, Promise<boolean | null>>();

  const isFresh = (at: Date | undefined, now: number) => at !== undefined && now - at.getTime() < ttlMs;

  async function load(account: Account): Promise<{ snapshot: PhoneSnapshot | null; limit: PortfolioLimitRecord | null }> {
    const [snapshot, limit] = await Promise.all([
      store.phoneStatus.getPhoneSnapshot(account.id),
      store.phoneStatus.getPortfolioLimit(portfolioKeyOf(account)),
    ]);
    return { snapshot, limit };
  }

  /** Reads Meta once the store grants the claim; waits out another instance's read in flight. */
  async function claimAndFetch(graph: MetaGraph, account: Account): Promise<boolean | null> {
    for (let attempt = 0; attempt < WAIT_FOR_OTHER_INSTANCE.attempts; attempt++) {
      const now = clock.now();
      const claim = await store.claimGraphRead(account.id, now, minFetchIntervalMs, new Date(now.getTime() + GRAPH_READ_LEASE_MS));
      if (claim === 'too_soon') return null;
      if (claim === 'in_flight') {
        await new Promise((resolve) => setTimeout(resolve, WAIT_FOR_OTHER_INSTANCE.pollMs));
        continue;
      }
      try {
        const read = await graph.getPhoneNumber(account.phoneNumberId);
        await store.phoneStatus.recordGraphRead({ account, read, at: clock.now() });
        return true;
      } catch (error) {
        options.onGraphError?.(account.id, error);
        return false;
      } finally {
        await store.finishGraphRead(account.id);
      }
    }
    // Another instance's read stayed in flight past every wait: nothing was read here.
    return false;
  }

  function fetchShared(graph: MetaGraph, account: Account): Promise<boolean | null> {
    const running = inFlight.get(account.id);
    if (running) return running;
    const fetching = claimAndFetch(graph, account).finally(() => inFlight.delete(account.id));
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
      let read: boolean | null = null;
      if (refresh || !fresh) {
        // Joins this process's read in flight, or claims one (which the store may refuse: too soon).
        read = await fetchShared(metaGraph, account);
        known = await load(account);
      }
      const after = clock.now().getTime();
      // A refresh held back by the minimum interval answers as the attempt moments ago went, whichever
      // instance made it: had it read Meta, the snapshot would be from within that interval.
      const readWithinInterval = known.snapshot !== null && after - known.snapshot.fetchedAt.getTime() < minFetchIntervalMs;
      const refreshFailed = refresh && (read === null ? !readWithinInterval : !read);
      const snapshotFresh = isFresh(known.snapshot?.fetchedAt, after);
      return {
        ...known,
        qualityStale: refreshFailed || !snapshotFresh,
        quotaStale: refreshFailed || (!snapshotFresh && !isFresh(known.limit?.updatedAt, after)),
        refreshFailed,
      };
    },
    allowImmediateFetch: (accountId) => store.forgetGraphReadAttempt(accountId),
  };
}
