import { css } from 'lit';

/**
 * The dark values of the public `--wa-widget-*` tokens. `<wa-session theme="dark">` sets them on itself so
 * every widget inside inherits them; a widget with `theme="dark"` sets them on itself.
 */
export const darkTokens = css`
  --wa-widget-color-text: #e6edf3;
  --wa-widget-color-muted: #9198a1;
  --wa-widget-color-surface: #161b22;
  --wa-widget-color-border: #3d444d;
  --wa-widget-color-accent: #4493f8;
  --wa-widget-color-warning: #d29922;
  --wa-widget-color-danger: #f85149;
  --wa-widget-color-skeleton: #262c36;
  color-scheme: dark;
`;

/**
 * What every widget's styles start with: private `--_*` variables read from the public tokens, with the light
 * theme as fallback, so a page sets only the tokens it cares about (on `:root`, a session or a widget).
 */
export const widgetBaseStyles = css`
  :host {
    --_text: var(--wa-widget-color-text, #1f2328);
    --_muted: var(--wa-widget-color-muted, #59636e);
    --_surface: var(--wa-widget-color-surface, #ffffff);
    --_border: var(--wa-widget-color-border, #d1d9e0);
    --_accent: var(--wa-widget-color-accent, #0969da);
    --_warning: var(--wa-widget-color-warning, #9a6700);
    --_danger: var(--wa-widget-color-danger, #d1242f);
    --_skeleton: var(--wa-widget-color-skeleton, #eaeef2);
    --_font-family: var(--wa-widget-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--wa-widget-font-size, 1rem);
    --_radius: var(--wa-widget-radius, 0.5rem);
    --_space: var(--wa-widget-space, 1rem);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.4;
  }

  :host([theme='dark']) {
    ${darkTokens}
  }

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
    color: var(--_surface);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    cursor: pointer;
  }

  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
