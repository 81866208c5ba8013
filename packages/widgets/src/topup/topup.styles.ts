import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
  }

  /* Only a dialog (in the top layer) is left: take no room at all where the element sits. */
  :host([no-trigger]) {
    display: contents;
  }

  dialog {
    width: min(34rem, calc(100vw - 2 * var(--_space)));
    max-height: calc(100dvh - 2 * var(--_space));
    padding: var(--_space);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_dialog-shadow);
  }

  dialog[open] {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }

  dialog::backdrop {
    background: var(--_dialog-backdrop);
  }

  h2 {
    margin: 0;
    line-height: 1.25;
    font-size: 1.25em;
  }

  .header {
    align-items: start;
  }
`;
