import type { FrequencyCap } from '../domain/frequency-cap.js';

/** The marketing sends of one recipient, as seen inside the check's transaction. */
export interface MarketingSendWindow {
  /** How many sends were recorded strictly after `since`. */
  countSince(since: Date): number;
  /** The time of the `offset`-th (0-based) oldest send strictly after `since`, or null. */
  sentAtSince(since: Date, offset: number): Date | null;
}

/**
 * Decides, inside the check's transaction, whether to record the send, and what to answer.
 * `cap` is null when the account never set one.
 */
export type MarketingSendPolicy<T> = (cap: FrequencyCap | null, window: MarketingSendWindow) => { record: boolean; result: T };

/** A marketing send to check and, when the policy allows, record at `at`. */
export interface MarketingSendCheck {
  readonly accountId: string;
  readonly recipient: string;
  readonly at: Date;
  /** This recipient's sends at or before this time are deleted in the same transaction. */
  readonly pruneBefore: Date;
}

/** A delivered marketing message to count. */
export interface MarketingDelivery {
  readonly accountId: string;
  readonly recipient: string;
  readonly messageId: string;
  readonly at: Date;
  /** An unclaimed check of the recipient after this time and before `claimUntil` is claimed instead of adding a send. */
  readonly claimSince: Date;
  /** Exclusive end of the checks a delivery may claim: `at` plus the slack of Meta's whole-second timestamps. */
  readonly claimUntil: Date;
}

/** What recording a delivery did. */
export type MarketingDeliveryOutcome = 'recorded' | 'claimed' | 'duplicate';

/** Persistence of frequency caps and of the marketing sends they count. */
export interface FrequencyCapStore {
  getFrequencyCap(accountId: string): Promise<FrequencyCap | null>;
  /** Creates or replaces the account's cap. */
  putFrequencyCap(accountId: string, cap: FrequencyCap, at: Date): Promise<FrequencyCap>;
  /**
   * In one IMMEDIATE transaction: prunes the recipient's old sends, reads the cap and lets
   * `policy` decide; records a send at `at` when it says so. Concurrent checks are serialized.
   */
  checkMarketingSend<T>(check: MarketingSendCheck, policy: MarketingSendPolicy<T>): Promise<T>;
  /**
   * In one IMMEDIATE transaction: `duplicate` when `messageId` is already recorded; else claims the
   * recipient's oldest unclaimed check in `(claimSince, claimUntil)` (`claimed`); else records a send (`recorded`).
   */
  recordMarketingDelivery(delivery: MarketingDelivery): Promise<MarketingDeliveryOutcome>;
  /** Deletes every send (or at most `limit` of them) at or before `before`; returns how many. */
  pruneMarketingSends(before: Date, limit?: number): Promise<number>;
}
