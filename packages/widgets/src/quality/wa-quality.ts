import { WaQuality } from './quality.js';

export * from './quality.js';

WaQuality.define('wa-quality');

declare global {
  interface HTMLElementTagNameMap {
    'wa-quality': WaQuality;
  }
}
