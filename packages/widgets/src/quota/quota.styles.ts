import { css } from 'lit';

export default css`
  .limit {
    font-size: 1.5em;
    font-weight: var(--_font-weight-strong);
    line-height: 1.3;
    font-variant-numeric: tabular-nums;
  }

  .skeleton.wide {
    width: 100%;
  }

  .usage {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding-block-start: calc(var(--_space) * 0.5);
    border-block-start: 1px solid var(--_border);
  }

  .meter {
    height: 0.75em;
    overflow: hidden;
    background: var(--_skeleton);
    border: 1px solid var(--_field-border);
    border-radius: var(--_radius-pill);
  }

  .meter-fill {
    height: 100%;
    background: var(--_accent);
  }

  .meter--near .meter-fill {
    background: var(--_warning);
  }

  /* Forced colours drop backgrounds: the fill keeps a system colour so the meter still reads. */
  @media (forced-colors: active) {
    .meter-fill {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }

  .usage-text {
    font-weight: var(--_font-weight-strong);
    font-variant-numeric: tabular-nums;
  }

  caption {
    text-align: start;
  }
`;
