import { css } from 'lit';
import { darkTokens } from '../shared/theme.styles.js';

export default css`
  :host {
    display: block;
  }

  :host([theme='dark']) {
    ${darkTokens}
  }

  :host([hidden]) {
    display: none;
  }
`;
