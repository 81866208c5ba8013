import { css } from 'lit';

/** What `<wa-balance>` adds to the shared card (`dataWidgetStyles`). */
export default css`
  .balance {
    gap: calc(var(--_space) * 0.25);
  }

  .threshold,
  .runway {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    color: var(--_warning);
    font-size: 0.875em;
    font-weight: var(--_font-weight-strong);
  }

  .status svg {
    width: 1.1em;
    height: 1.1em;
    fill: currentColor;
  }

  .amount {
    font-size: 2em;
    font-weight: var(--_font-weight-strong);
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }

  .balance--low .amount {
    color: var(--_warning);
  }


  .amount .skeleton {
    width: 8ch;
  }

  .threshold .skeleton {
    width: 14ch;
  }

  .runway .skeleton {
    width: 28ch;
    max-width: 100%;
  }

  .threshold-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--_space) * 0.5);
  }

  button.link {
    padding: 0;
    border: none;
    background: none;
    color: var(--_accent);
    font-size: 0.875em;
    line-height: inherit;
    text-decoration: underline;
  }

  .threshold-form {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    justify-items: start;
  }

  .threshold-form label,
  .threshold-form .hint {
    font-size: 0.875em;
  }

  .threshold-form .hint {
    color: var(--_muted);
  }

  .threshold-form input {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_field-border);
    border-radius: calc(var(--_radius) / 2);
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
  }

  .threshold-form input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .threshold-form input:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  .threshold-form .error {
    color: var(--_danger);
    font-size: 0.875em;
  }

  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }


  .add-credits {
    margin-inline-start: auto;
  }
`;
