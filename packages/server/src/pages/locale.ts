const FALLBACK = 'en-US';

/** The first supported locale of an `Accept-Language` header, or en-US. */
export function localeFrom(acceptLanguage: string | undefined): string {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim();
    if (!tag || tag === '*') continue;
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf([tag]);
      if (supported) return supported;
    } catch {
      // A malformed tag: try the next one.
    }
  }
  return FALLBACK;
}

/** An amount of micro-units formatted for people: "$25.00", "R$ 25,00". */
export function formatMoney(micros: bigint, currency: string, locale: string): string {
  // Intl takes decimal strings exactly (no float rounding of large amounts).
  const negative = micros < 0n;
  const magnitude = negative ? -micros : micros;
  const decimal = `${negative ? '-' : ''}${magnitude / 1_000_000n}.${(magnitude % 1_000_000n).toString().padStart(6, '0')}`;
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(decimal as unknown as number);
}

/** A date and time for people, with its time zone (UTC: the server does not know the payer's). */
export function formatDateTime(at: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(at);
}
