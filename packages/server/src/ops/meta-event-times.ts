/**
 * Meta's own timestamps (Unix seconds) of the events in a change's `value`: each status of
 * `statuses[]` and each message of `messages[]`. Other fields carry none; junk is skipped.
 */
export function metaEventTimes(value: unknown): number[] {
  if (typeof value !== 'object' || value === null) return [];
  const times: number[] = [];
  for (const key of ['statuses', 'messages'] as const) {
    const events: unknown = (value as Record<string, unknown>)[key];
    if (!Array.isArray(events)) continue;
    for (const event of events) {
      const timestamp: unknown = (event as { timestamp?: unknown } | null)?.timestamp;
      const seconds = typeof timestamp === 'string' && /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
      if (Number.isFinite(seconds)) times.push(seconds);
    }
  }
  return times;
}
