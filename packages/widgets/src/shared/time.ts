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

/** A time of day (`6:40 PM`), with the weekday when it is not today (`Tue 9:10 AM`). */
export function timeOfDay(date: Date | string, locale: string, now: Date = new Date()): string {
  const at = new Date(date);
  const sameDay = at.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { timeStyle: 'short' }
    : { weekday: 'short', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(at);
}
