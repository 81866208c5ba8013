import { css } from 'lit';
import { themeSelectors } from '../shared/ui/theme.styles.js';

export default css`
  :host {
    display: block;
  }

  ${themeSelectors}

  :host([hidden]) {
    display: none;
  }
`;
