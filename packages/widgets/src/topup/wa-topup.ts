import { WaTopup } from './topup.js';

export * from './topup.js';

WaTopup.define('wa-topup');

declare global {
  interface HTMLElementTagNameMap {
    'wa-topup': WaTopup;
  }
}
