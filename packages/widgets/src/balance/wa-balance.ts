import { WaBalance } from './balance.js';

export * from './balance.js';

WaBalance.define('wa-balance');

declare global {
  interface HTMLElementTagNameMap {
    'wa-balance': WaBalance;
  }
}
