import { WaRateCard } from './rate-card.js';

export * from './rate-card.js';

WaRateCard.define('wa-rate-card');

declare global {
  interface HTMLElementTagNameMap {
    'wa-rate-card': WaRateCard;
  }
}
