import { css } from 'lit';

export default css`
  .limit {
    font-size: 1.5em;
    font-weight: 600;
    line-height: 1.3;
    font-variant-numeric: tabular-nums;
  }

  .skeleton.wide {
    width: 100%;
  }

  .usage {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding-top: calc(var(--_space) * 0.5);
    border-top: 1px solid var(--_border);
  }

  .meter {
    height: 0.75em;
    overflow: hidden;
    background: var(--_skeleton);
    border: 1px solid var(--_border);
    border-radius: 999px;
  }

  .meter-fill {
    height: 100%;
    background: var(--_accent);
  }

  .meter--near .meter-fill {
    background: var(--_warning);
  }

  .usage-text {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  caption {
    text-align: start;
  }
`;
