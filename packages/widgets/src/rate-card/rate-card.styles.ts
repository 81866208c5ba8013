import { css } from 'lit';

export default css`
  /* A narrow host scrolls the table sideways inside the card instead of the card overflowing the page. */
  .card > * {
    min-width: 0;
  }

  .table-scroll {
    overflow-x: auto;
  }

  .table-scroll:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  .line select {
    max-width: 100%;
  }
  .search {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }

  .code {
    color: var(--_muted);
    font-size: 0.8em;
    font-weight: var(--_font-weight);
  }

  .empty {
    padding: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    text-align: center;
  }

  .estimator {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  legend {
    padding: 0 calc(var(--_space) * 0.25);
    font-weight: var(--_font-weight-strong);
  }

  .lines {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) * 0.5);
  }

  .line label,
  .line .field {
    display: grid;
    gap: 0.1em;
    font-size: 0.875em;
  }

  .line input {
    width: 12ch;
  }

  .cost {
    min-width: 10ch;
    padding-block-end: 0.3em;
    font-variant-numeric: tabular-nums;
  }

  .problem {
    flex-basis: 100%;
    color: var(--_danger);
    font-size: 0.875em;
  }

  .total {
    font-size: 1.25em;
    font-weight: var(--_font-weight-strong);
    font-variant-numeric: tabular-nums;
  }

  .coverage--short {
    color: var(--_warning);
    font-weight: var(--_font-weight-strong);
  }

  /* the skeleton's stand-ins take the size of the controls they stand for */
  .skeleton.skeleton-control {
    display: block;
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
    border: 1px solid transparent;
  }

  .skeleton.skeleton-search {
    width: 22ch;
  }

  .skeleton.skeleton-select {
    width: 14ch;
  }

  .skeleton.skeleton-audience {
    width: 12ch;
  }

  .skeleton.skeleton-count {
    width: 8ch;
  }

  .skeleton.skeleton-price {
    width: 6ch;
  }

  .skeleton.skeleton-button {
    width: auto;
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    border: 1px solid transparent;
    border-radius: var(--_radius);
  }
`;
