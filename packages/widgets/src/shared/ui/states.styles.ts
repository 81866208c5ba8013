import { css } from 'lit';

/**
 * Pieces every data widget shares: the card, loading skeletons, notes, errors, and the rating colours
 * (always beside an icon and words).
 */
export const dataWidgetStyles = css`
  .card {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
  }

  .label,
  .muted {
    color: var(--_muted);
    font-size: 0.875em;
  }

  p {
    margin: 0;
  }

  .skeleton {
    display: inline-block;
    width: 12ch;
    max-width: 100%;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_skeleton);
    color: transparent;
    animation: pulse 1.5s ease-in-out infinite;
  }

  /* placeholder text: the words it stands for, transparent, one bar per line, so it wraps like them */
  .skeleton-text {
    border-radius: calc(var(--_radius) / 2);
    background: var(--_skeleton);
    color: transparent;
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
    animation: pulse 1.5s ease-in-out infinite;
  }

  /* the words inside a placeholder: they size the bar, and are neither seen nor contrast-checked */
  .placeholder-words {
    visibility: hidden;
  }

  .note {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    color: var(--_muted);
    font-size: 0.875em;
  }

  .error {
    color: var(--_danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }

  .quality-icon {
    flex: none;
    width: 1.1em;
    height: 1.1em;
    fill: currentColor;
  }

  .rating {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    font-weight: var(--_font-weight-strong);
  }

  .rating--YELLOW {
    color: var(--_warning);
  }

  .rating--RED {
    color: var(--_danger);
  }

  .rating--UNKNOWN {
    color: var(--_muted);
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  th,
  td {
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
    border-block-end: 1px solid var(--_border);
    text-align: start;
  }

  td.number {
    text-align: end;
  }

  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_field-border);
    border-radius: calc(var(--_radius) / 2);
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
  }

  input:focus-visible,
  select:focus-visible,
  a:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  a {
    color: var(--_accent);
  }

  button.secondary {
    color: var(--_accent);
    background: transparent;
  }

  .success {
    color: var(--_success);
  }

  /* Forced colours drop backgrounds: placeholders keep an edge so a loading card is not blank. */
  @media (forced-colors: active) {
    .skeleton,
    .skeleton-text {
      border: 1px solid GrayText;
    }
  }

  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton,
    .skeleton-text {
      animation: none;
    }
  }
`;
