import { css } from 'lit';

export default css`
  .card {
    gap: calc(var(--_space) * 0.25);
  }

  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    min-height: 1.4em;
  }

  .number {
    font-size: 1.5em;
    font-weight: var(--_font-weight-strong);
    line-height: 1.3;
    font-variant-numeric: tabular-nums;
  }

  .name {
    font-weight: var(--_font-weight-strong);
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-pill);
    font-size: 0.875em;
    line-height: 1.6;
  }

  .line .skeleton {
    width: 16ch;
  }
`;
