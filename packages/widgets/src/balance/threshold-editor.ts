import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ApiError } from '../shared/api/api-client.js';
import type { ApiClientController } from '../shared/api/api-client-controller.js';
import type { LocalizeController } from '../shared/localization/localize.js';
import { formEnglish } from '../shared/localization/translations/en/forms.js';
import { thresholdFormEnglish } from '../shared/localization/translations/en/threshold-form.js';
import type { BalanceResponse, Money } from '../shared/api/types.js';
import { parseThreshold, thresholdExample, thresholdText } from './threshold-input.js';

/** What the editor needs from its widget. */
export interface ThresholdEditorHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface ThresholdEditorOptions {
  localize: LocalizeController;
  /** The widget's client: a save answered for a client no longer in use is dropped. */
  api: ApiClientController;
  /** The balance payload the server answered with, and the threshold that was saved. */
  saved: (balance: BalanceResponse, threshold: Money | null) => void;
  /** Says a message in the widget's live region (the alert saved). */
  announce: (message: string) => void;
}

/**
 * The inline "Change" flow of the low-balance alert: a button that turns into a labelled amount field with
 * Save and Cancel, `PUT /v1/alerts/low-balance`, and focus handed back to the button afterwards. `<wa-balance>`
 * imports it on the first press of its own Change button, which it renders until then.
 */
export class ThresholdEditor implements ReactiveController {
  private open = false;
  private text = '';
  private invalid = false;
  private saving = false;
  private failure: 'forbidden' | 'failed' | undefined;
  private forbidden = false;

  constructor(
    private readonly host: ThresholdEditorHost,
    private readonly options: ThresholdEditorOptions,
  ) {
    options.localize.addEnglish(thresholdFormEnglish, formEnglish);
    host.addController(this);
    // another client may be another account: a form open for the previous one, or its refusal, goes
    options.api.onClientChange(() => {
      this.open = false;
      this.text = '';
      this.invalid = false;
      this.saving = false;
      this.failure = undefined;
      this.forbidden = false;
    });
  }

  hostConnected(): void {}

  /** The form while it is open, or why the alert cannot be changed. */
  render(balance: BalanceResponse) {
    const term = this.options.localize.term.bind(this.options.localize);
    return html`
      ${this.open ? this.renderForm(balance) : nothing}
      ${!this.open && this.forbidden ? html`<p part="threshold-forbidden" class="note" tabindex="-1">${term('thresholdForbidden')}</p>` : nothing}
    `;
  }

  /** The button that opens the form, beside the "Alert below …" line. */
  renderButton(balance: BalanceResponse) {
    if (this.open || this.forbidden) return nothing;
    const { localize } = this.options;
    return html`<button
      part="change-threshold"
      class="link"
      type="button"
      aria-label=${localize.term('changeThresholdLabel')}
      @click=${() => this.start(balance.low_balance_threshold)}
    >
      ${localize.term('changeThreshold')}
    </button>`;
  }

  private renderForm(balance: BalanceResponse) {
    const { localize } = this.options;
    const currency = balance.balance.currency;
    const describedBy = ['threshold-hint', this.invalid ? 'threshold-error' : '', this.failure ? 'threshold-failure' : '']
      .filter(Boolean)
      .join(' ');
    return html`
      <form part="threshold-form" class="threshold-form" novalidate @submit=${(event: Event) => this.submit(event, currency)}
        @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.cancel()}>
        <label for="threshold-input">${localize.term('thresholdInput', currency)}</label>
        <input
          id="threshold-input"
          part="threshold-input"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${this.text}
          aria-invalid=${this.invalid ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${(event: InputEvent) => this.edit((event.target as HTMLInputElement).value, currency)}
        />
        <span id="threshold-hint" class="hint">${localize.term('thresholdHint')}</span>
        ${this.invalid
          ? html`<span id="threshold-error" part="threshold-error" class="error" role="alert">
              ${localize.term('thresholdInvalid', thresholdExample(currency, localize.locale))}
            </span>`
          : nothing}
        ${this.failure
          ? html`<span id="threshold-failure" part="threshold-error" class="error" role="alert">
              ${localize.term(this.failure === 'forbidden' ? 'thresholdForbidden' : 'thresholdSaveFailed')}
            </span>`
          : nothing}
        <div class="actions">
          ${this.failure === 'forbidden'
            ? nothing
            : html`<button part="threshold-save" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>
                ${localize.term(this.saving ? 'saving' : 'save')}
              </button>`}
          <button part="threshold-cancel" class="secondary" type="button" @click=${() => this.cancel()}>
            ${localize.term('cancel')}
          </button>
        </div>
      </form>
    `;
  }

  /** Opens the form on `threshold`, focusing its field. */
  start(threshold: Money | null): void {
    this.text = threshold ? thresholdText(threshold.amount, this.options.localize.locale) : '';
    this.open = true;
    this.invalid = false;
    this.failure = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.focus('[part~="threshold-input"]'));
  }

  private edit(text: string, currency: string): void {
    this.text = text;
    if (this.invalid) this.invalid = 'invalid' in parseThreshold(text, currency, this.options.localize.locale);
    this.host.requestUpdate();
  }

  private cancel(): void {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.focus('[part~="change-threshold"], [part~="threshold-forbidden"]'));
  }

  private async submit(event: Event, currency: string): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const { localize } = this.options;
    const input = parseThreshold(this.text, currency, localize.locale);
    this.invalid = 'invalid' in input;
    this.failure = undefined;
    if ('invalid' in input) {
      this.host.requestUpdate();
      return;
    }
    const client = this.options.api.client;
    if (!client) return;
    const threshold = 'off' in input ? null : { amount: input.amount, currency };
    this.saving = true;
    this.host.requestUpdate();
    try {
      const balance = await client.send<BalanceResponse>('PUT', '/v1/alerts/low-balance', { threshold });
      // the answer is the previous account's balance: it must not be shown, pushed or announced as this one's
      if (!this.options.api.isCurrent(client)) return;
      this.open = false;
      const saved = balance.low_balance_threshold;
      this.options.saved(balance, threshold);
      this.options.announce(saved ? localize.term('thresholdSaved', localize.money(saved)) : localize.term('thresholdOff'));
      await this.host.updateComplete;
      this.focus('[part~="change-threshold"]');
    } catch (cause) {
      if (!this.options.api.isCurrent(client)) return;
      this.failure = cause instanceof ApiError && cause.status === 403 ? 'forbidden' : 'failed';
      this.forbidden ||= this.failure === 'forbidden';
    } finally {
      if (this.options.api.isCurrent(client)) this.saving = false;
      this.host.requestUpdate();
    }
  }

  private focus(selector: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
