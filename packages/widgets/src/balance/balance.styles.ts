import { css } from 'lit';

export default css`
  .balance {
    display: grid;
    gap: calc(var(--_space) * 0.25);
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
  .threshold,
  .runway,
  .note {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    color: var(--_warning);
    font-size: 0.875em;
    font-weight: 600;
  }

  .status svg {
    width: 1.1em;
    height: 1.1em;
    fill: currentColor;
  }

  .amount {
    font-size: 2em;
    font-weight: 600;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }

  .balance--low .amount {
    color: var(--_warning);
  }

  .skeleton {
    display: inline-block;
    width: 8ch;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_skeleton);
    color: transparent;
    animation: pulse 1.5s ease-in-out infinite;
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
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
  }

  .threshold-form input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .threshold-form input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .threshold-form .error {
    color: var(--_danger);
    font-size: 0.875em;
  }

  button.secondary {
    color: var(--_accent);
    background: transparent;
  }

  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }

  .note {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
  }

  .error {
    margin: 0;
    color: var(--_danger);
  }

  .actions {
    display: flex;
    gap: calc(var(--_space) * 0.5);
  }

  .add-credits {
    margin-inline-start: auto;
  }

  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
