import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ApiClientController } from '../shared/api/api-client-controller.js';
import { LocalizeController } from '../shared/localization/localize.js';
import { topupTriggerEnglish } from '../shared/localization/translations/en/topup-trigger.js';
import { dataWidgetStyles } from '../shared/ui/states.styles.js';
import { widgetBaseStyles } from '../shared/ui/theme.styles.js';
import { ApiWidgetElement } from '../shared/ui/api-widget-element.js';
import type { TopupDialogBody } from './dialog-body.js';
import styles from './topup.styles.js';

/** The expiries offered for a payment link, in hours (the contract allows 1 to 720). */
export const LINK_EXPIRY_HOURS = [24, 72, 168] as const;

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
 * @csspart link-unavailable - The note shown instead of an open link whose address the server can no longer show.
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
  /** The amount form, payment flow and links, imported the first time the dialog opens. */
  @state() private body: TopupDialogBody | undefined;
  private bodyImport: Promise<TopupDialogBody> | undefined;

  @query('dialog') private dialog!: HTMLDialogElement;

  private returnFocus: HTMLElement | undefined;
  /** Set when the dialog opens, until its first field (perhaps still loading) has taken focus. */
  private initialFocusPending = false;

  private readonly localize = new LocalizeController(this, topupTriggerEnglish);
  private readonly api = new ApiClientController(this);

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.isOpen && !!this.dialog?.open;
  }

  /** Opens the dialog; focus returns to what had it when the dialog closes. */
  async show(): Promise<void> {
    if (this.isOpen || this.dialog?.open) return;
    this.returnFocus = deepActiveElement();
    let body: TopupDialogBody;
    try {
      body = await this.loadBody();
    } catch (error) {
      console.error('<wa-topup> could not load its dialog', error);
      return;
    }
    // closed meanwhile by a second press, or removed from the page while the body loaded
    if (this.isOpen || this.dialog?.open || !this.isConnected) return;
    body.opening();
    this.isOpen = true;
    await this.updateComplete;
    this.dialog.showModal();
    this.initialFocusPending = true;
    this.focusStep();
    body.opened();
  }

  /** Imports the dialog's body once (a second press while it loads waits for the same import). */
  private loadBody(): Promise<TopupDialogBody> {
    this.bodyImport ??= import('./dialog-body.js').then(
      ({ TopupDialogBody }) =>
        (this.body = new TopupDialogBody(this, {
          api: this.api,
          localize: this.localize,
          isOpen: () => this.isOpen,
          close: () => this.close(),
          stepChanged: () => this.isOpen && this.focusStep(),
          succeeded: topup => this.emit('wa-topup-succeeded', { topup }),
          linkCreated: link => this.emit('wa-payment-link-created', { link }),
          announce: message => this.announcer.announce(message),
        })),
      error => {
        // offline, or a deploy in between: the next press tries again
        this.bodyImport = undefined;
        throw error;
      },
    );
    return this.bodyImport;
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

  /**
   * Runs on `close()` and on the dialog's own close (Escape); only the first of the two acts. A payment still
   * waiting is abandoned, on the server too.
   */
  private readonly onDialogClose = () => {
    if (this.dialog?.open || !this.isOpen) return;
    this.isOpen = false;
    this.body?.closed();
    const target = this.returnFocus?.isConnected ? this.returnFocus : this.renderRoot.querySelector<HTMLElement>('[part="trigger"]');
    target?.focus();
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Until the first field (perhaps still loading) has focus; a new step focuses its own (see the body).
    if (this.isOpen && this.initialFocusPending) this.focusStep();
  }

  private focusStep(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('dialog[open] [data-focus]');
    if (!target) return;
    target.focus();
    this.initialFocusPending = false;
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
              ${this.body?.render()}
            `
          : nothing}
      </dialog>
    `;
  }
}

/** The focused element, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}
