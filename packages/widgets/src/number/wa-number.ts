import { WaNumber } from './number.js';

export * from './number.js';

WaNumber.define('wa-number');

declare global {
  interface HTMLElementTagNameMap {
    'wa-number': WaNumber;
  }
}
