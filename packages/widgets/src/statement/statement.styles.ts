import { css } from 'lit';

export default css`
  .download {
    display: grid;
    justify-items: end;
    gap: calc(var(--_space) * 0.25);
  }

  .download .error,
  [part~='export-forbidden'] {
    max-width: 40ch;
    font-size: 0.875em;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    border: none;
  }

  .field {
    display: grid;
    gap: calc(var(--_space) * 0.125);
  }

  .field label {
    font-size: 0.875em;
    color: var(--_muted);
  }

  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 1.5);
    margin: 0;
  }

  .summary dt {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .summary dd {
    margin: 0;
    font-size: 1.25em;
    font-weight: var(--_font-weight-strong);
    font-variant-numeric: tabular-nums;
  }

  .table-wrap {
    overflow-x: auto;
  }

  /* Refreshing rows stay at full contrast (dimmed text would fail WCAG 1.4.3); the wait shows as a progress
     cursor and an accent rule above the table, and aria-busy on the card tells assistive technology. */
  .table-wrap.refreshing {
    cursor: progress;
    box-shadow: inset 0 2px 0 var(--_accent);
  }

  caption {
    text-align: start;
    font-weight: var(--_font-weight-strong);
    padding-block-end: calc(var(--_space) * 0.25);
  }

  th.number,
  td.number {
    text-align: end;
    white-space: nowrap;
  }

  .day th,
  .day td {
    padding-block-start: calc(var(--_space) * 0.75);
    font-size: 0.875em;
    color: var(--_muted);
    font-weight: var(--_font-weight-strong);
  }

  .details {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .type {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    white-space: nowrap;
  }

  .type-icon {
    flex: none;
    width: 1em;
    height: 1em;
    fill: currentColor;
  }

  .type--credit .type-icon {
    fill: var(--_accent);
  }

  tr[tabindex]:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: -2px;
  }

  .skeleton-row .skeleton {
    width: 100%;
  }

  .empty {
    padding: var(--_space) 0;
    color: var(--_muted);
    text-align: center;
  }

  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
