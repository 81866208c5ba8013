import { css } from 'lit';
import { themeSelectors } from '../shared/theme.styles.js';

export default css`
  :host {
    display: block;
  }

  ${themeSelectors}

  :host([hidden]) {
    display: none;
  }
`;
