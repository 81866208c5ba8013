import { html, type TemplateResult } from 'lit';
import { ApiError } from '../api/api-client.js';
import type { LocalizeController } from '../localization/localize.js';

/** A Retry button (part `retry`), for the error and stale states. */
export function retryButton(localize: LocalizeController, retry: () => unknown): TemplateResult {
  return html`<button part="retry" type="button" @click=${retry}>${localize.term('retry')}</button>`;
}

/**
 * The state of a widget whose data could not load: an alert saying so in words (or that the session expired,
 * which a Retry alone cannot fix) and a Retry button.
 */
export function loadError(localize: LocalizeController, failure: unknown, failedMessage: string, retry: () => unknown): TemplateResult {
  const expired = failure instanceof ApiError && failure.code === 'session_expired';
  return html`
    <p part="error" class="error" role="alert">${expired ? localize.term('sessionExpired') : failedMessage}</p>
    <div class="actions">${retryButton(localize, retry)}</div>
  `;
}
