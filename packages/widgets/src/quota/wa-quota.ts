import { WaQuota } from './quota.js';

export * from './quota.js';

WaQuota.define('wa-quota');

declare global {
  interface HTMLElementTagNameMap {
    'wa-quota': WaQuota;
  }
}
