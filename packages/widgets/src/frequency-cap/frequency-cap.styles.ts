import { css } from 'lit';

export default css`
  .form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  .switch {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    font-weight: var(--_font-weight-strong);
    cursor: pointer;
  }

  .switch input {
    width: 1.1em;
    height: 1.1em;
    accent-color: var(--_accent);
  }

  .switch input:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  .limits {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  .field {
    display: grid;
    gap: calc(var(--_space) * 0.125);
    align-content: start;
  }

  .field label,
  .field-label {
    font-size: 0.875em;
  }

  .field input {
    width: 8ch;
  }

  .field input:disabled {
    opacity: 0.6;
  }

  .field input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .field .error {
    max-width: 30ch;
    font-size: 0.875em;
  }

  .summary {
    font-weight: var(--_font-weight-strong);
  }

  .explanation {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* the skeleton's stand-ins take the size of the controls they stand for */
  .skeleton.skeleton-check {
    width: 1.1em;
    height: 1.1em;
    margin-block: 3px;
    margin-inline: 4px 3px;
  }

  .skeleton.skeleton-input {
    width: 8ch;
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
    border: 1px solid transparent;
  }

  .skeleton.skeleton-button {
    width: auto;
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    border: 1px solid transparent;
    border-radius: var(--_radius);
  }

  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
