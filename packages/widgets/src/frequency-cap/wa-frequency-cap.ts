import { WaFrequencyCap } from './frequency-cap.js';

export * from './frequency-cap.js';

WaFrequencyCap.define('wa-frequency-cap');

declare global {
  interface HTMLElementTagNameMap {
    'wa-frequency-cap': WaFrequencyCap;
  }
}
