import { WaSession } from './session.js';

export * from './session.js';

WaSession.define('wa-session');

declare global {
  interface HTMLElementTagNameMap {
    'wa-session': WaSession;
  }
}
