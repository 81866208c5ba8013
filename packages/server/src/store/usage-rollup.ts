/**
 * How both engines read a usage count from the roll-up of migration 0012: recipients counted
 * strictly after `since` are those of the whole hours after since's hour, of the whole minutes
 * after since's minute within its hour, and the rows of since's own minute after it (an index
 * range). At most 24 + 59 bucket rows and one minute of recipients, however many the window holds.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** Where a count of "last counted strictly after `since`" splits between rows and buckets. */
export interface CountedSplit {
  readonly since: number;
  /** Rows in `(since, nextMinute)` are counted one by one, minute buckets from here on. */
  readonly nextMinute: number;
  /** Hour buckets from here on (minute buckets stop here). */
  readonly nextHour: number;
}

export function countedSplit(since: Date): CountedSplit {
  const at = since.getTime();
  return { since: at, nextMinute: bucketStart(at, MINUTE_MS) + MINUTE_MS, nextHour: bucketStart(at, HOUR_MS) + HOUR_MS };
}

/** Where a count of "entered the window at or after `newSince`" splits: rows before `nextMinute`, minute buckets after. */
export interface EnteredSplit {
  readonly newSince: number;
  readonly nextMinute: number;
}

export function enteredSplit(newSince: Date): EnteredSplit {
  const at = newSince.getTime();
  return { newSince: at, nextMinute: bucketStart(at, MINUTE_MS) + MINUTE_MS };
}

/** The bucket start as the triggers compute it (`at - at % span`), for instants after 1970. */
function bucketStart(at: number, span: number): number {
  return at - (at % span);
}
