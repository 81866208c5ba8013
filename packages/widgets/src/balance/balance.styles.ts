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
