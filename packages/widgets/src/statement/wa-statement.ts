import { WaStatement } from './statement.js';

export * from './statement.js';

WaStatement.define('wa-statement');

declare global {
  interface HTMLElementTagNameMap {
    'wa-statement': WaStatement;
  }
}
