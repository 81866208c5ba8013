const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/**
 * "3 hours ago" for times within the last week, else the date and time (`Nov 25, 2025, 2:05 PM`), in `locale`.
 * Far-off times read better as dates than as "5 weeks ago".
 */
export function relativeOrAbsolute(date: Date | string, locale: string, now: Date = new Date()): string {
  const at = new Date(date);
  let value = (at.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(value) < size) {
      return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(value), unit);
    }
    value /= size;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A time (`6:40 PM`) when it is today, else the date and time (`Nov 25, 2025, 2:05 PM`), in `locale`. */
export function shortDateTime(date: Date | string, locale: string, now: Date = new Date()): string {
  const at = new Date(date);
  const options: Intl.DateTimeFormatOptions =
    at.toDateString() === now.toDateString() ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale, options).format(at);
}

/**
 * Whether the timestamp `next` is strictly older than `current` (ISO 8601 strings). Unknown or unreadable
 * times are never "older", so data without a time is still taken.
 */
export function isOlder(next: string | null | undefined, current: string | null | undefined): boolean {
  if (!next || !current) return false;
  const a = Date.parse(next);
  const b = Date.parse(current);
  return !Number.isNaN(a) && !Number.isNaN(b) && a < b;
}
