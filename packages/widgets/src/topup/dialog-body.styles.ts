import { css } from 'lit';

/** Styles of the dialog's body (topup/dialog-body.ts), adopted by `<wa-topup>` when the body loads. */
export default css`
  h3 {
    margin: 0;
    line-height: 1.25;
    font-size: 1em;
  }

  h3:focus {
    outline: none;
  }

  fieldset {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend {
    padding: 0;
    margin-block-end: calc(var(--_space) * 0.5);
    font-weight: var(--_font-weight-strong);
  }

  .presets {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr));
    gap: calc(var(--_space) * 0.5);
  }

  .preset {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75em;
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
    border: 1px solid var(--_field-border);
    border-radius: var(--_radius);
    font-weight: var(--_font-weight-strong);
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }

  .preset input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }

  .preset:has(input:checked) {
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  .preset:has(input:focus-visible) {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  /* Forced colours drop backgrounds: the chosen preset keeps a system highlight and a thick edge. */
  @media (forced-colors: active) {
    .preset:has(input:checked) {
      forced-color-adjust: none;
      color: HighlightText;
      background: Highlight;
      border-color: CanvasText;
      outline: 2px solid CanvasText;
      outline-offset: -4px;
    }
  }

  .preset.skeleton {
    width: auto;
    border-color: transparent;
  }

  .field,
  .link-fields {
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }

  .link-fields {
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: calc(var(--_space) * 0.5);
  }

  .field-label {
    font-weight: var(--_font-weight-strong);
    font-size: 0.875em;
  }

  #custom {
    max-width: 14rem;
  }

  /* Reserved so that a message appearing never moves what is below it. */
  .field-error {
    min-height: 1.4em;
    font-size: 0.875em;
  }

  .section {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
  }

  .forbidden {
    padding: calc(var(--_space) * 0.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
  }

  .status {
    font-size: 1.1em;
    font-weight: var(--_font-weight-strong);
  }

  .status--succeeded {
    color: var(--_success);
  }

  .link-field {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }

  .link-field input {
    flex: 1 1 14rem;
    min-width: 0;
  }

  .open-links {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .open-link {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .open-link-summary {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: baseline;
    font-variant-numeric: tabular-nums;
  }

  .confirm {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }

  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }

  button.danger {
    color: var(--_on-danger);
    background: var(--_danger);
    border-color: var(--_danger);
  }

  a.button {
    display: inline-block;
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    color: var(--_on-accent);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    text-decoration: none;
  }
`;
