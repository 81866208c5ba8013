import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { ApiClientController } from '../shared/api/api-client-controller.js';
import { ApiError } from '../shared/api/api-client.js';
import { LocalizeController } from '../shared/localization/localize.js';
import { topupEnglish } from '../shared/localization/translations/en-topup.js';
import { dataWidgetStyles } from '../shared/ui/states.styles.js';
import { widgetBaseStyles } from '../shared/ui/theme.styles.js';
import type { Money, PaymentLink, TopupOptions, TopupPush } from '../shared/api/types.js';
import { ApiWidgetElement } from '../shared/ui/api-widget-element.js';
import { checkAmount, fractionDigits, type AmountCheck, type AmountProblem } from './amount.js';
import { linkField } from './link-field.js';
import { OpenLinksController } from './open-links.js';
import { PaymentFlowController } from './payment-flow.js';
import styles from './topup.styles.js';

type View = 'amount' | 'waiting' | 'succeeded' | 'failed' | 'expired' | 'link';

/** The expiries offered for a payment link, in hours (the contract allows 1 to 720). */
export const LINK_EXPIRY_HOURS = [24, 72, 168] as const;

const serverProblems: Record<string, AmountProblem> = {
  amount_below_minimum: 'belowMin',
  amount_above_maximum: 'aboveMax',
  amount_not_a_step: 'notAStep',
};

/**
 * @summary An "Add credits" button opening a dialog to buy messaging credit: pick or type an amount, then pay
 * now in the provider's checkout, or create a payment link to send to whoever pays. Lists the open links.
 * @tagname wa-topup
 *
 * @attr endpoint - Base URL of the server, for a widget used without a `<wa-session>`.
 * @attr client-secret - The widget session's `client_secret`, for a widget used without a `<wa-session>`.
 * @attr locale - Overrides the session's locale for this widget.
 * @attr theme - `dark`, `light` or `auto` (follows `prefers-color-scheme`); by default the session's theme.
 * @attr disable-topup - Hides "Pay now": only payment links are offered.
 * @attr disable-payment-links - Hides payment links: only "Pay now" is offered.
 * @attr no-trigger - Renders no "Add credits" button; open the dialog with `show()`.
 * @attr poll-interval - Milliseconds between checks of a pending payment (default 2000), beside live updates.
 *
 * @property strings - Overrides of the translated strings, e.g. `{ topupTrigger: 'Buy credit' }`.
 * @property open - Whether the dialog is open (read-only; use `show()` and `close()`).
 *
 * @fires {WaTopupSucceededEvent} wa-topup-succeeded - A top-up started here was paid; `detail` is `{ topup }`.
 *  Fired once per top-up, whether the live feed or a check told first.
 * @fires {WaPaymentLinkCreatedEvent} wa-payment-link-created - A payment link was created; `detail` is `{ link }`.
 * @fires {WaSessionExpiredEvent} wa-session-expired - Standalone only: the client secret expired.
 * @fires {WaRequestFailedEvent} wa-request-failed - Standalone only: a request failed.
 *
 * @csspart trigger - The "Add credits" button.
 * @csspart dialog - The dialog.
 * @csspart title - The dialog's title.
 * @csspart close - The dialog's Close button.
 * @csspart amounts - The amount group (presets and the other amount).
 * @csspart preset - Each preset amount (a label around a radio button).
 * @csspart custom-amount - The "Other amount" field.
 * @csspart amount-error - The message saying what is wrong with the amount.
 * @csspart pay - The "Pay now" button.
 * @csspart create-link - The "Create payment link" button.
 * @csspart link-note - The payment link's note field.
 * @csspart link-expiry - The payment link's expiry select.
 * @csspart forbidden - A "Your access doesn't allow this" message.
 * @csspart status - The message of the waiting, succeeded, failed or expired step.
 * @csspart continue - The "Continue to payment" link, shown when the browser blocked the payment window.
 * @csspart link-url - A payment link's read-only field.
 * @csspart copy - A Copy button.
 * @csspart share - The Share button (where the platform can share).
 * @csspart open-links - The list of open payment links.
 * @csspart open-link - One open link.
 * @csspart cancel-link - An open link's Cancel button.
 * @csspart open-links-heading - The "Open payment links" heading (focused after a cancellation).
 * @csspart confirm-cancel - The button confirming a cancellation.
 * @csspart keep-link - The button withdrawing a cancellation.
 * @csspart back - "Choose another amount", while waiting for a payment.
 * @csspart done - The Done button after a payment or a new link.
 * @csspart try-again - "Try again" after a failed or expired payment.
 * @csspart empty - The note shown when no link is open.
 * @csspart error - An error message.
 * @csspart retry - A Retry button.
 *
 * @cssprop --wa-widget-color-text - Text colour.
 * @cssprop --wa-widget-color-muted - Secondary text (hints, expiries).
 * @cssprop --wa-widget-color-surface - Dialog and field background.
 * @cssprop --wa-widget-color-border - Dialog, preset and field borders.
 * @cssprop --wa-widget-color-accent - Buttons, the chosen preset and the focus ring.
 * @cssprop --wa-widget-color-danger - Errors.
 * @cssprop --wa-widget-color-skeleton - Loading placeholders.
 * @cssprop --wa-widget-font-family - Font family.
 * @cssprop --wa-widget-font-size - Base font size.
 * @cssprop --wa-widget-radius - Corner radius.
 * @cssprop --wa-widget-space - Spacing unit (density).
 * @cssprop --wa-widget-color-on-accent - Text on the accent colour (filled buttons, the chosen preset).
 * @cssprop --wa-widget-color-field-border - Borders of fields and controls; keep 3:1 against the surface.
 * @cssprop --wa-widget-focus-ring-color - Focus ring (defaults to the accent).
 * @cssprop --wa-widget-focus-ring-width - Focus ring width (2px).
 * @cssprop --wa-widget-font-weight - Regular text weight.
 * @cssprop --wa-widget-font-weight-strong - Weight of figures, titles and emphasis.
 * @cssprop --wa-widget-radius-pill - Radius of pill shapes (chips, meters).
 * @cssprop --wa-widget-color-success - The paid top-up message.
 * @cssprop --wa-widget-dialog-shadow - Shadow of the top-up dialog.
 * @cssprop --wa-widget-dialog-backdrop - Backdrop behind the top-up dialog.
 */
export class WaTopup extends ApiWidgetElement {
  static override styles = [widgetBaseStyles, dataWidgetStyles, styles];

  /** Hides "Pay now". */
  @property({ type: Boolean, attribute: 'disable-topup' }) disableTopup = false;

  /** Hides payment links. */
  @property({ type: Boolean, attribute: 'disable-payment-links' }) disablePaymentLinks = false;

  /** Renders no trigger button. */
  @property({ type: Boolean, attribute: 'no-trigger', reflect: true }) noTrigger = false;

  /** Milliseconds between checks of a pending payment. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 2000;

  @state() private isOpen = false;
  @state() private view: View = 'amount';
  @state() private preset: string | undefined;
  @state() private custom = '';
  @state() private problem: AmountProblem | undefined;
  @state() private creatingLink = false;
  @state() private payFailed = false;
  @state() private linkFailed = false;
  @state() private topupForbidden = false;
  @state() private linksForbidden = false;
  @state() private link: PaymentLink | undefined;
  @state() private note = '';
  @state() private expiresIn: number = 72;
  @state() private announcement = '';

  @query('dialog') private dialog!: HTMLDialogElement;

  private returnFocus: HTMLElement | undefined;
  /** Set when the dialog opens, until its first field (perhaps still loading) has taken focus. */
  private initialFocusPending = false;

  private readonly localize = new LocalizeController(this, topupEnglish);
  private readonly api = new ApiClientController(this);
  private readonly openLinks = new OpenLinksController(this, {
    api: this.api,
    localize: this.localize,
    announce: message => this.announce(message),
  });
  private readonly payment = new PaymentFlowController(this, {
    api: this.api,
    watched: () => this.isOpen && this.view === 'waiting',
    pollInterval: () => this.pollInterval,
    settled: topup => {
      this.view = topup.status;
      if (topup.status === 'succeeded') this.emit('wa-topup-succeeded', { topup });
    },
  });

  private readonly options = new Task(this, {
    args: () => [this.api.client] as const,
    task: ([client], { signal }) => (client ? client.get<TopupOptions>('/v1/topup-options', { signal }) : initialState),
  });

  constructor() {
    super();
    this.api.on('topup', push => this.receivePush(push));
    this.api.onClientChange(() => this.forgetAccount());
  }

  /**
   * Another client may be another account, with another currency: the amount chosen, a payment or link in
   * progress and every refusal belong to the previous one. An open dialog starts again at the amount step.
   */
  private forgetAccount(): void {
    this.preset = undefined;
    this.custom = '';
    this.problem = undefined;
    this.creatingLink = false;
    this.payFailed = false;
    this.linkFailed = false;
    this.topupForbidden = false;
    this.linksForbidden = false;
    this.link = undefined;
    this.announcement = '';
    if (this.view !== 'amount') this.view = 'amount';
    if (this.isOpen && !this.disablePaymentLinks) void this.openLinks.load();
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.isOpen && !!this.dialog?.open;
  }

  /** Opens the dialog; focus returns to what had it when the dialog closes. */
  async show(): Promise<void> {
    if (this.isOpen || this.dialog?.open) return;
    this.returnFocus = deepActiveElement();
    if (this.view !== 'amount' && this.view !== 'waiting') this.view = 'amount';
    this.isOpen = true;
    await this.updateComplete;
    this.dialog.showModal();
    this.initialFocusPending = true;
    this.focusStep();
    if (!this.disablePaymentLinks) void this.openLinks.load();
    this.payment.watch();
  }

  /** Closes the dialog. */
  close(): void {
    this.dialog?.close();
    this.onDialogClose();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // a removed dialog is closed: nothing may keep checking the payment for it
    this.isOpen = false;
    this.dialog?.close();
  }

  /** Runs on `close()` and on the dialog's own close (Escape); only the first of the two acts. */
  private readonly onDialogClose = () => {
    if (this.dialog?.open || !this.isOpen) return;
    this.isOpen = false;
    this.payment.stop();
    this.payment.abandon();
    const target = this.returnFocus?.isConnected ? this.returnFocus : this.renderRoot.querySelector<HTMLElement>('[part="trigger"]');
    target?.focus();
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // A new step replaces the focused button: focus moves to the step's first control, never out of the dialog.
    if (this.isOpen && (changed.has('view') || this.initialFocusPending)) this.focusStep();
  }

  private focusStep(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('dialog[open] [data-focus]');
    if (!target) return;
    target.focus();
    this.initialFocusPending = false;
  }

  private get loadedOptions(): TopupOptions | undefined {
    return this.options.status === TaskStatus.COMPLETE ? this.options.value : undefined;
  }

  private chosenAmount(options: TopupOptions): AmountCheck {
    const preset = options.presets.find(money => money.amount === this.preset);
    return preset ? { ok: true, money: preset } : checkAmount(this.custom, options, this.localize.locale);
  }

  /** The amount to use, or `undefined` after showing what is wrong with it. */
  private validAmount(): Money | undefined {
    const options = this.loadedOptions;
    if (!options) return undefined;
    const check = this.chosenAmount(options);
    this.problem = check.ok ? undefined : check.problem;
    if (!check.ok) this.renderRoot.querySelector<HTMLInputElement>('[part="custom-amount"]')?.focus();
    return check.ok ? check.money : undefined;
  }

  private choosePreset(amount: string): void {
    this.preset = amount;
    this.custom = '';
    this.problem = undefined;
  }

  private onCustomInput(event: Event): void {
    this.custom = (event.target as HTMLInputElement).value;
    this.preset = undefined;
    const options = this.loadedOptions;
    // Once a problem shows, it follows the typing, so it disappears as soon as the amount is right.
    if (this.problem && options) {
      const check = checkAmount(this.custom, options, this.localize.locale);
      this.problem = check.ok ? undefined : check.problem;
    }
  }

  private onCustomBlur(): void {
    const options = this.loadedOptions;
    if (!options || this.preset || this.custom.trim() === '') return;
    const check = checkAmount(this.custom, options, this.localize.locale);
    this.problem = check.ok ? undefined : check.problem;
  }

  private async pay(): Promise<void> {
    const amount = this.validAmount();
    if (!amount || this.payment.starting || this.creatingLink) return;
    this.payFailed = false;
    const started = await this.payment.start(amount);
    if (started.outcome === 'waiting') {
      this.view = 'waiting';
      this.payment.watch();
    } else if (started.outcome === 'unsafe-url') this.payFailed = true;
    else if (started.outcome === 'refused') this.refused(started.cause, 'topup');
  }

  private async createLink(): Promise<void> {
    const amount = this.validAmount();
    const client = this.api.client;
    if (!amount || !client || this.payment.starting || this.creatingLink) return;
    this.creatingLink = true;
    this.linkFailed = false;
    const note = this.note.trim();
    try {
      const link = await client.send<PaymentLink>('POST', '/v1/payment-links', {
        amount,
        expires_in_hours: this.expiresIn,
        ...(note ? { note } : {}),
      });
      if (!this.api.isCurrent(client)) return;
      this.link = link;
      this.view = 'link';
      this.emit('wa-payment-link-created', { link });
      void this.openLinks.load({ fresh: true });
    } catch (cause) {
      if (this.api.isCurrent(client)) this.refused(cause, 'link');
    } finally {
      if (this.api.isCurrent(client)) this.creatingLink = false;
    }
  }

  /** Shows why the server refused a payment or a link: the amount, the permission, or a failure. */
  private refused(cause: unknown, path: 'topup' | 'link'): void {
    const error = cause instanceof ApiError ? cause : undefined;
    const problem = error && serverProblems[error.code];
    if (problem) this.problem = problem;
    else if (error?.status === 403 && path === 'topup') this.topupForbidden = true;
    else if (error?.status === 403) this.linksForbidden = true;
    else if (path === 'topup') this.payFailed = true;
    else this.linkFailed = true;
  }

  /** A paid payment link changes the open links; the payment flow hears its own top-ups. */
  private receivePush(push: TopupPush): void {
    if (push.source === 'payment_link' && this.isOpen && !this.disablePaymentLinks) void this.openLinks.load({ fresh: true });
  }

  private async announce(message: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
  }

  private backToAmount(): void {
    this.view = 'amount';
    this.payment.stop();
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    return html`
      ${this.noTrigger
        ? nothing
        : html`<button part="trigger" type="button" aria-haspopup="dialog" @click=${() => this.show()}>
            ${term('topupTrigger')}
          </button>`}
      <dialog part="dialog" aria-labelledby="title" @close=${this.onDialogClose}>
        ${this.isOpen
          ? html`
              <div class="header">
                <h2 part="title" id="title">${term('topupTitle')}</h2>
                <button part="close" class="secondary" type="button" @click=${() => this.close()}>${term('topupClose')}</button>
              </div>
              ${this.renderView()}
              <div class="visually-hidden" role="status">${this.announcement}</div>
            `
          : nothing}
      </dialog>
    `;
  }

  private renderView() {
    switch (this.view) {
      case 'amount':
        return this.renderAmountStep();
      case 'link':
        return this.link ? this.renderCreatedLink(this.link) : nothing;
      default:
        return this.renderPayment();
    }
  }

  private renderAmountStep() {
    return this.options.render({
      initial: () => this.renderAmounts(undefined),
      pending: () => this.renderAmounts(this.loadedOptions),
      complete: options => html`${this.renderAmounts(options)} ${this.renderActions()}`,
      error: () => html`
        <p part="error" class="error" role="alert">${this.localize.term('topupOptionsFailed')}</p>
        <div class="actions"><button part="retry" type="button" data-focus @click=${() => this.options.run()}>${this.localize.term('retry')}</button></div>
      `,
    });
  }

  private renderAmounts(options: TopupOptions | undefined) {
    const term = this.localize.term.bind(this.localize);
    const problem = this.problem && options ? this.problemText(this.problem, options) : '';
    return html`
      <fieldset part="amounts" class="amounts" aria-busy=${options ? 'false' : 'true'}>
        <legend>${term('topupAmountLegend')}</legend>
        <div class="presets">
          ${options
            ? repeat(
                options.presets,
                money => money.amount,
                (money, index) => html`
                  <label part="preset" class="preset">
                    <input
                      type="radio"
                      name="preset"
                      .value=${money.amount}
                      .checked=${live(this.preset === money.amount)}
                      ?data-focus=${index === 0}
                      aria-describedby="amount-error"
                      @change=${() => this.choosePreset(money.amount)}
                    />
                    <span>${this.localize.money(money)}</span>
                  </label>
                `,
              )
            : html`<span class="visually-hidden">${term('loading')}</span>
                ${[0, 1, 2, 3].map(() => html`<span class="preset skeleton" aria-hidden="true">&nbsp;</span>`)}`}
        </div>
        <label class="field-label" for="custom">${term('topupCustomLabel')}</label>
        <input
          id="custom"
          part="custom-amount"
          inputmode="decimal"
          autocomplete="off"
          .value=${live(this.custom)}
          ?disabled=${!options}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby="custom-hint amount-error"
          @input=${this.onCustomInput}
          @blur=${this.onCustomBlur}
        />
        <p id="custom-hint" class="muted">
          ${options ? term('topupRange', this.localize.money(options.min), this.localize.money(options.max)) : '\u00a0'}
        </p>
        <p id="amount-error" part="amount-error" class="error field-error" role="alert">${problem}</p>
      </fieldset>
    `;
  }

  private problemText(problem: AmountProblem, options: TopupOptions): string {
    const term = this.localize.term.bind(this.localize);
    const digits = fractionDigits(options);
    switch (problem) {
      case 'required':
        return term('amountRequired');
      case 'notANumber':
        return term('amountNotANumber', this.localize.number(49.9, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }));
      case 'tooManyDecimals':
        return term('amountTooManyDecimals', digits);
      case 'belowMin':
        return term('amountBelowMin', this.localize.money(options.min));
      case 'aboveMax':
        return term('amountAboveMax', this.localize.money(options.max));
      case 'notAStep':
        return term('amountNotAStep', this.localize.money(options.step));
    }
  }

  private renderActions() {
    const term = this.localize.term.bind(this.localize);
    return html`
      ${this.disableTopup
        ? nothing
        : html`<section class="section" aria-labelledby="pay-heading">
            <h3 id="pay-heading" class="visually-hidden">${term('payNow')}</h3>
            ${this.topupForbidden
              ? html`<p part="forbidden" class="forbidden" role="alert">${term('topupForbidden')}</p>`
              : html`<div class="actions">
                    <button part="pay" type="button" aria-disabled=${this.payment.starting || this.creatingLink ? 'true' : 'false'} @click=${this.pay}>
                      ${this.payment.starting ? term('payStarting') : term('payNow')}
                    </button>
                  </div>
                  ${this.payFailed ? html`<p part="error" class="error" role="alert">${term('payStartFailed')}</p>` : nothing}`}
          </section>`}
      ${this.disablePaymentLinks ? nothing : html`${this.renderLinkForm()} ${this.openLinks.render()}`}
    `;
  }

  private renderLinkForm() {
    const term = this.localize.term.bind(this.localize);
    if (this.linksForbidden) {
      return html`<section class="section" aria-labelledby="link-heading">
        <h3 id="link-heading">${term('linkHeading')}</h3>
        <p part="forbidden" class="forbidden" role="alert">${term('linksForbidden')}</p>
      </section>`;
    }
    return html`
      <section class="section" aria-labelledby="link-heading">
        <h3 id="link-heading">${term('linkHeading')}</h3>
        <p class="muted">${term('linkExplainer')}</p>
        <div class="link-fields">
          <label class="field">
            <span class="field-label">${term('linkNote')}</span>
            <input part="link-note" maxlength="200" .value=${live(this.note)} @input=${(e: Event) => (this.note = (e.target as HTMLInputElement).value)} />
          </label>
          <label class="field">
            <span class="field-label">${term('linkExpiry')}</span>
            <select part="link-expiry" @change=${(e: Event) => (this.expiresIn = Number((e.target as HTMLSelectElement).value))}>
              ${LINK_EXPIRY_HOURS.map(hours => html`<option value=${hours} ?selected=${hours === this.expiresIn}>${term('linkExpiryOption', hours)}</option>`)}
            </select>
          </label>
        </div>
        <div class="actions">
          <button part="create-link" class="secondary" type="button" aria-disabled=${this.payment.starting || this.creatingLink ? 'true' : 'false'} @click=${this.createLink}>
            ${this.creatingLink ? term('linkCreating') : term('createLink')}
          </button>
        </div>
        ${this.linkFailed ? html`<p part="error" class="error" role="alert">${term('linkCreateFailed')}</p>` : nothing}
      </section>
    `;
  }

  private renderCreatedLink(link: PaymentLink) {
    const term = this.localize.term.bind(this.localize);
    return html`
      <p part="status" class="status" data-announce="status">${term('linkReady', this.localize.money(link.amount))}</p>
      ${linkField(this.localize, link, 'created-link', { focus: true, announce: message => this.announce(message) })}
      <p class="muted">${term('linkExpires', this.localize.date(link.expires_at, { dateStyle: 'medium', timeStyle: 'short' }))}</p>
      <div class="actions">
        <button part="done" type="button" @click=${() => this.backToAmount()}>${term('done')}</button>
      </div>
    `;
  }

  private renderPayment() {
    const term = this.localize.term.bind(this.localize);
    const { topup, popupBlocked } = this.payment;
    if (!topup) return nothing;
    const amount = this.localize.money(topup.amount);
    switch (this.view) {
      case 'succeeded':
        return html`<p part="status" class="status status--succeeded" data-announce="status">${term('paySucceeded', amount)}</p>
          <div class="actions"><button part="done" type="button" data-focus @click=${() => this.close()}>${term('done')}</button></div>`;
      case 'failed':
      case 'expired':
        return html`<p part="status" class="status error" role="alert">${term(this.view === 'failed' ? 'payFailed' : 'payExpired', amount)}</p>
          <div class="actions"><button part="try-again" type="button" data-focus @click=${() => this.backToAmount()}>${term('tryAgain')}</button></div>`;
      default:
        return html`<p part="status" class="status" data-announce="status">
            ${popupBlocked ? term('payPopupBlocked', amount) : term('payWaiting', amount)}
          </p>
          <div class="actions">
            ${popupBlocked
              ? html`<a part="continue" class="button" href=${topup.checkout_url} data-focus>${term('payContinue')}</a>`
              : nothing}
            <button part="back" class="secondary" type="button" ?data-focus=${!popupBlocked} @click=${() => this.backToAmount()}>
              ${term('payBack')}
            </button>
          </div>`;
    }
  }
}

/** The focused element, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}
