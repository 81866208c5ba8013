import { css, unsafeCSS, type CSSResult } from 'lit';

/** The colour roles a theme gives a default to; each is public as `--wa-widget-color-<role>`. */
type ColorRole =
  | 'text'
  | 'muted'
  | 'surface'
  | 'border'
  | 'field-border'
  | 'accent'
  | 'on-accent'
  | 'success'
  | 'warning'
  | 'danger'
  | 'on-danger'
  | 'skeleton';

type Palette = Record<ColorRole | 'dialog-shadow' | 'dialog-backdrop', string>;

/**
 * Light defaults. Text roles reach 4.5:1 on the surface (on-accent on the accent, on-danger on the danger);
 * `field-border` and the accent (also the focus ring) reach 3:1, as WCAG 2.2 AA asks of text and of controls.
 * `border` only separates parts of a card (decorative), so it may be lighter.
 */
const light: Palette = {
  text: '#1f2328',
  muted: '#59636e',
  surface: '#ffffff',
  border: '#d1d9e0',
  'field-border': '#818b98',
  accent: '#0969da',
  'on-accent': '#ffffff',
  success: '#1a7f37',
  warning: '#9a6700',
  danger: '#d1242f',
  'on-danger': '#ffffff',
  skeleton: '#eaeef2',
  'dialog-shadow': '0 12px 32px rgb(0 0 0 / 0.25)',
  'dialog-backdrop': 'rgb(0 0 0 / 0.45)',
};

/** Dark defaults, with the same contrast guarantees as {@link light}. */
const dark: Palette = {
  text: '#e6edf3',
  muted: '#9198a1',
  surface: '#161b22',
  border: '#3d444d',
  'field-border': '#768390',
  accent: '#4493f8',
  'on-accent': '#0d1117',
  success: '#3fb950',
  warning: '#d29922',
  danger: '#f85149',
  'on-danger': '#0d1117',
  skeleton: '#262c36',
  'dialog-shadow': '0 12px 32px rgb(1 4 9 / 0.6)',
  'dialog-backdrop': 'rgb(1 4 9 / 0.7)',
};

const roles = Object.keys(light) as Array<keyof Palette>;
const publicName = (role: keyof Palette) => (role.startsWith('dialog-') ? `--wa-widget-${role}` : `--wa-widget-color-${role}`);

/**
 * A theme sets only private `--_theme-*` defaults, never the public tokens: a brand's `--wa-widget-*` set on
 * `:root`, a wrapper or the session still wins over `theme="dark"`. The defaults inherit from a session into
 * every widget inside it.
 */
function themeDefaults(palette: Palette, scheme: 'light' | 'dark'): CSSResult {
  return unsafeCSS(`${roles.map(role => `--_theme-${role}: ${palette[role]};`).join('\n')}\ncolor-scheme: ${scheme};`);
}

/** The dark defaults, for a host element that wants them (what `theme="dark"` applies). */
export const darkTokens = themeDefaults(dark, 'dark');

/** The light defaults (what `theme="light"` applies, e.g. one widget inside a dark session). */
export const lightTokens = themeDefaults(light, 'light');

/**
 * `theme="dark"`, `"light"` and `"auto"` (follows `prefers-color-scheme`) on a session or a widget. Without the
 * attribute an element takes what its surroundings chose.
 */
export const themeSelectors = css`
  :host([theme='dark']) {
    ${darkTokens}
  }

  :host([theme='light']) {
    ${lightTokens}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }

  @media (prefers-color-scheme: light) {
    :host([theme='auto']) {
      ${lightTokens}
    }
  }
`;

/** Each private `--_<role>`: the page's public token, else the theme's default, else the light default. */
const colorVariables = unsafeCSS(
  roles.map(role => `--_${role}: var(${publicName(role)}, var(--_theme-${role}, ${light[role]}));`).join('\n'),
);

/**
 * What every widget's styles start with: private `--_*` variables read from the public tokens, with the theme's
 * defaults as fallback, so a page sets only the tokens it cares about (on `:root`, a session or a widget).
 */
export const widgetBaseStyles = css`
  :host {
    ${colorVariables}
    --_focus: var(--wa-widget-focus-ring-color, var(--_accent));
    --_focus-width: var(--wa-widget-focus-ring-width, 2px);
    --_font-family: var(--wa-widget-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--wa-widget-font-size, 1rem);
    --_font-weight: var(--wa-widget-font-weight, 400);
    --_font-weight-strong: var(--wa-widget-font-weight-strong, 600);
    --_radius: var(--wa-widget-radius, 0.5rem);
    --_radius-pill: var(--wa-widget-radius-pill, 999px);
    --_space: var(--wa-widget-space, 1rem);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    font-weight: var(--_font-weight);
    line-height: 1.4;
  }

  /*
   * Without a page token, text on the accent (and on the danger colour) is white or black, whichever reads on it:
   * a brand that sets only its accent still gets readable buttons, in light and in dark. Oklab lightness 0.565 is
   * where white and black contrast equally.
   */
  @supports (color: oklch(from red l c h)) {
    :host {
      --_on-accent: var(--wa-widget-color-on-accent, oklch(from var(--_accent) clamp(0, (0.565 - l) * 1000, 1) 0 0));
      --_on-danger: var(--wa-widget-color-on-danger, oklch(from var(--_danger) clamp(0, (0.565 - l) * 1000, 1) 0 0));
    }
  }

  ${themeSelectors}

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  button {
    font: inherit;
    color: var(--_on-accent);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    cursor: pointer;
  }

  button:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden,
  [data-announcer] {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
