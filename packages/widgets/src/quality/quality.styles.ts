import { css } from 'lit';

export default css`
  .big {
    font-size: 1.5em;
    line-height: 1.3;
  }

  .skeleton.skeleton-icon {
    width: 1.1em;
    height: 1.1em;
  }

  .history {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    padding-inline-start: var(--_space);
    border-inline-start: 2px solid var(--_border);
    list-style: none;
  }

  .entry {
    display: flex;
    flex-wrap: wrap;
    column-gap: calc(var(--_space) * 0.5);
  }

  .event {
    font-weight: var(--_font-weight-strong);
  }

  .entry time,
  .entry .time {
    flex-basis: 100%;
  }

  .history-empty {
    padding: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    text-align: center;
  }
`;
