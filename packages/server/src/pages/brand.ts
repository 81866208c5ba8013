/** The partner's look on hosted pages (WA_BRAND_NAME, WA_BRAND_COLOR). */
export interface Brand {
  readonly name: string;
  /** `#rrggbb`. */
  readonly color: string;
}

/** Used when the partner sets nothing: neutral, with AA contrast for white text. */
export const DEFAULT_BRAND: Brand = { name: 'Payments', color: '#1f6feb' };

const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** Whether `value` is a `#rgb` or `#rrggbb` colour, the only forms accepted (they cannot break out of CSS). */
export function isBrandColor(value: string): boolean {
  return HEX_COLOR.test(value);
}

/** `#abc` → `#aabbcc`, lower-case. */
export function normalizeColor(value: string): string {
  const hex = value.slice(1).toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex}`;
}

/** White or near-black, whichever contrasts more with the brand colour (WCAG relative luminance). */
export function textOn(color: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(normalizeColor(color).slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  return (1.05) / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#111111';
}
