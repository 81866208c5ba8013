import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiClientController } from '../shared/api/api-client-controller.js';
import { LocalizeController } from '../shared/localization/localize.js';
import { balanceEnglish } from '../shared/localization/translations/en/balance.js';
import { thresholdEnglish } from '../shared/localization/translations/en/threshold.js';
import { topupTriggerEnglish } from '../shared/localization/translations/en/topup-trigger.js';
import { dataWidgetStyles } from '../shared/ui/states.styles.js';
import { widgetBaseStyles } from '../shared/ui/theme.styles.js';
import type { BalanceResponse } from '../shared/api/types.js';
import { isOlder } from '../shared/formatting/time.js';
import { ApiWidgetElement } from '../shared/ui/api-widget-element.js';
import type { WaTopup } from '../topup/topup.js';
import styles from './balance.styles.js';
import type { ThresholdEditor } from './threshold-editor.js';
import { loadError, retryButton } from '../shared/ui/load-error.js';

const warningIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d="M8.9 1.5a1 1 0 0 0-1.8 0L.6 13.5A1 1 0 0 0 1.5 15h13a1 1 0 0 0 .9-1.5zM8 5a.9.9 0 0 1 .9.9l-.2 3.9a.7.7 0 0 1-1.4 0l-.2-3.9A.9.9 0 0 1 8 5m0 6.3a1 1 0 1 1 0 2 1 1 0 0 1 0-2"/>
</svg>`;

/**
 * @summary Shows the account's messaging credit balance, its low-balance alert threshold, and warns when the
 * balance is low.
 * @tagname wa-balance
 *
 * @attr endpoint - Base URL of the server, for a widget used without a `<wa-session>`.
 * @attr client-secret - The widget session's `client_secret`, for a widget used without a `<wa-session>`.
 * @attr locale - Overrides the session's locale for this widget.
 * @attr theme - `dark`, `light` or `auto` (follows `prefers-color-scheme`); by default the session's theme.
 * @attr topup - Shows an "Add credits" button that opens the top-up dialog (`<wa-topup>`, or `<prefix-topup>` when
 *  this element is `<prefix-balance>`; registered on first use if the page has not).
 *
 * @property strings - Overrides of the translated strings, e.g. `{ balanceLabel: 'Credit' }`.
 *
 * @fires {WaBalanceLowEvent} wa-balance-low - The loaded balance is below the threshold; `detail` is
 *  `{ balance, threshold }`. Fired when the balance becomes low, not on every reload while it stays low.
 * @fires {WaThresholdChangedEvent} wa-threshold-changed - The person saved a new low-balance alert threshold;
 *  `detail` is `{ threshold }` (`null`: the alert is off).
 * @fires {WaAddCreditsRequestedEvent} wa-add-credits-requested - "Add credits" was pressed. Cancelable: call
 *  `preventDefault()` to open your own flow instead of the built-in dialog.
 * @fires {WaTopupSucceededEvent} wa-topup-succeeded - From the built-in dialog: a top-up was paid (the balance
 *  then reloads, besides its live update).
 * @fires {WaPaymentLinkCreatedEvent} wa-payment-link-created - From the built-in dialog: a payment link was created.
 * @fires {WaSessionExpiredEvent} wa-session-expired - Standalone only: the client secret expired.
 * @fires {WaRequestFailedEvent} wa-request-failed - Standalone only: a request failed.
 *
 * @csspart base - The card around everything.
 * @csspart label - The "Messaging credit balance" label.
 * @csspart amount - The formatted balance.
 * @csspart threshold - The "Alert below …" line.
 * @csspart status - The low-balance badge (icon and words).
 * @csspart change-threshold - The "Change" button beside the alert line.
 * @csspart threshold-form - The inline form that changes the alert threshold.
 * @csspart threshold-input - Its amount field.
 * @csspart threshold-save - Its Save button.
 * @csspart threshold-cancel - Its Cancel button.
 * @csspart threshold-error - A validation or save error of the form.
 * @csspart threshold-forbidden - The note shown when the session may not change the alert.
 * @csspart runway - How long the balance lasts at the recent spend.
 * @csspart stale - The note shown when a refresh failed and the last value is kept.
 * @csspart error - The error message shown when nothing could be loaded.
 * @csspart retry - The Retry button.
 * @csspart add-credits - The "Add credits" button (with the `topup` attribute).
 * @csspart topup - The built-in `<wa-topup>`, every part of whose dialog is exported as `topup-<part>` (e.g.
 *  `topup-dialog`, `topup-preset`, `topup-pay`, `topup-status`).
 *
 * @cssprop --wa-widget-color-text - Text colour.
 * @cssprop --wa-widget-color-muted - Secondary text colour (label, threshold, notes).
 * @cssprop --wa-widget-color-surface - Card background.
 * @cssprop --wa-widget-color-border - Card border.
 * @cssprop --wa-widget-color-accent - Retry button and focus ring.
 * @cssprop --wa-widget-color-warning - Low-balance badge and amount.
 * @cssprop --wa-widget-color-danger - Error message.
 * @cssprop --wa-widget-color-skeleton - Loading placeholders.
 * @cssprop --wa-widget-font-family - Font family.
 * @cssprop --wa-widget-font-size - Base font size.
 * @cssprop --wa-widget-radius - Corner radius.
 * @cssprop --wa-widget-space - Spacing unit (density).
 * @cssprop --wa-widget-color-on-accent - Text on the accent colour (filled buttons).
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
export class WaBalance extends ApiWidgetElement {
  static override styles = [widgetBaseStyles, dataWidgetStyles, styles];

  /** Shows the "Add credits" button. */
  @property({ type: Boolean }) topup = false;

  /** The last balance received, kept when a later refresh fails. */
  @state() private balance: BalanceResponse | undefined;
  @state() private receivedAt: Date | undefined;
  @state() private failure: unknown;
  /** The top-up dialog, created the first time "Add credits" is pressed. */
  @state() private topupDialog: WaTopup | undefined;

  private readonly localize = new LocalizeController(this, balanceEnglish, thresholdEnglish, topupTriggerEnglish);
  private readonly api = new ApiClientController(this);

  private readonly task = new Task(this, {
    args: () => [this.api.client] as const,
    task: ([client], { signal }) => (client ? client.get<BalanceResponse>('/v1/balance', { signal }) : initialState),
    onComplete: balance => this.receive(balance),
    onError: error => {
      this.failure = error;
    },
  });

  /** The low-balance alert's form, imported on the first press of "Change". */
  @state() private thresholdEditor: ThresholdEditor | undefined;
  private thresholdEditorImport: Promise<ThresholdEditor> | undefined;

  constructor() {
    super();
    this.api.on('balance', balance => this.receive(balance));
    // another client may be another account: neither its balance nor its `updated_at` may stay
    this.api.onClientChange(() => {
      this.balance = undefined;
      this.receivedAt = undefined;
      this.failure = undefined;
    });
  }

  /** Reloads the balance from the server. */
  refresh(): Promise<void> {
    this.failure = undefined;
    return this.task.run();
  }

  /** Opens the low-balance alert's form, importing it on the first press (a second press waits for the same). */
  private async changeThreshold(): Promise<void> {
    this.thresholdEditorImport ??= import('./threshold-editor.js').then(
      ({ ThresholdEditor }) =>
        new ThresholdEditor(this, {
          localize: this.localize,
          api: this.api,
          saved: (balance, threshold) => {
            this.receive(balance);
            this.api.client?.emit('balance', balance);
            this.emit('wa-threshold-changed', { threshold });
          },
          announce: message => this.announcer.announce(message),
        }),
      error => {
        // offline, or a deploy in between: the next press tries again
        this.thresholdEditorImport = undefined;
        throw error;
      },
    );
    try {
      this.thresholdEditor = await this.thresholdEditorImport;
    } catch (error) {
      console.error('<wa-balance> could not load the alert form', error);
      return;
    }
    if (this.balance) this.thresholdEditor.start(this.balance.low_balance_threshold);
  }

  /** Asks the host, then opens the built-in top-up dialog unless the host took over. */
  private async requestAddCredits(): Promise<void> {
    const request = this.emit('wa-add-credits-requested', {}, { cancelable: true });
    if (request.defaultPrevented) return;
    // Imported on the first press, so a balance alone never downloads the dialog (a second press while it loads
    // finds the same module, and the dialog made by the first).
    const [{ WaTopup }, { exportDialogParts }] = await Promise.all([import('../topup/topup.js'), import('../topup/parts.js')]);
    if (!this.topupDialog) {
      // Same prefix as this element, so a host's `defineWidgets({ prefix: 'acme' })` gets <acme-topup>.
      const tag = this.localName.endsWith('-balance') ? this.localName.replace(/-balance$/, '-topup') : 'wa-topup';
      WaTopup.define(tag);
      const dialog = document.createElement(tag) as WaTopup;
      dialog.noTrigger = true;
      dialog.setAttribute('part', 'topup');
      dialog.setAttribute('exportparts', exportDialogParts('topup-'));
      dialog.addEventListener('wa-topup-succeeded', () => void this.refresh());
      this.topupDialog = dialog;
      this.syncTopupDialog(dialog);
    }
    void this.updateComplete.then(() => this.topupDialog?.show());
  }

  private syncTopupDialog(dialog: WaTopup): void {
    dialog.endpoint = this.endpoint;
    dialog.clientSecret = this.clientSecret;
    dialog.locale = this.locale;
    dialog.theme = this.theme;
    dialog.strings = this.strings;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.topupDialog) this.syncTopupDialog(this.topupDialog);
  }

  private receive(balance: BalanceResponse): void {
    // a pushed update can overtake a slower GET: never go back to an older balance
    if (this.balance && isOlder(balance.updated_at, this.balance.updated_at)) return;
    const becameLow = balance.is_low && !this.balance?.is_low;
    this.balance = balance;
    this.receivedAt = new Date();
    this.failure = undefined;
    if (becameLow) this.emit('wa-balance-low', { balance: balance.balance, threshold: balance.low_balance_threshold });
  }

  protected override render() {
    const { balance } = this;
    const failure = this.task.status === TaskStatus.PENDING ? undefined : this.failure;
    const busy = !balance && !failure;
    return html`
      <div
        part="base"
        class=${balance?.is_low ? 'card balance balance--low' : 'card balance'}
        role="group"
        aria-labelledby="label"
        aria-busy=${busy ? 'true' : 'false'}
      >
        <div class="header">
          <span part="label" class="label" id="label" role="heading" aria-level=${this.headingLevel}>${this.localize.term('balanceLabel')}</span>
          ${balance?.is_low
            ? html`<span part="status" class="status">${warningIcon}${this.localize.term('lowBalance')}</span>`
            : nothing}
          ${this.topup
            ? html`<button part="add-credits" class="add-credits" type="button" aria-haspopup="dialog" @click=${this.requestAddCredits}>
                ${this.localize.term('topupTrigger')}
              </button>`
            : nothing}
        </div>
        ${balance ? this.renderBalance(balance, failure) : failure ? this.renderError(failure) : this.renderSkeleton()}
      </div>
      ${this.topupDialog ?? nothing}
    `;
  }

  private renderBalance(balance: BalanceResponse, failure: unknown) {
    const threshold = balance.low_balance_threshold;
    return html`
      <div part="amount" class="amount">${this.localize.money(balance.balance)}</div>
      <div class="threshold-row">
        <div part="threshold" class="threshold">
          ${threshold ? this.localize.term('alertBelow', this.localize.money(threshold)) : this.localize.term('noThreshold')}
        </div>
        ${this.thresholdEditor
          ? this.thresholdEditor.renderButton(balance)
          : html`<button part="change-threshold" class="link" type="button" aria-label=${this.localize.term('changeThresholdLabel')} @click=${this.changeThreshold}>
              ${this.localize.term('changeThreshold')}
            </button>`}
      </div>
      ${this.thresholdEditor?.render(balance) ?? nothing} ${this.renderRunway(balance)}
      ${failure && this.receivedAt
        ? html`<p part="stale" class="note" data-announce="stale">
            ${this.localize.term('staleNote', this.localize.date(this.receivedAt, { timeStyle: 'short' }))}
            ${this.renderRetry()}
          </p>`
        : nothing}
    `;
  }

  private renderRunway({ runway }: BalanceResponse) {
    if (!runway) return nothing;
    const { localize } = this;
    const text =
      runway.days === null
        ? localize.term('runwayNoSpend', runway.basis_days)
        : localize.term('runway', runway.days, localize.number(runway.days), localize.money(runway.average_daily_spend), runway.basis_days);
    return html`<div part="runway" class="runway">${text}</div>`;
  }

  private renderError(failure: unknown) {
    return loadError(this.localize, failure, this.localize.term('loadFailed'), () => this.refresh());
  }

  private renderSkeleton() {
    return html`
      <span class="visually-hidden">${this.localize.term('loading')}</span>
      <div part="amount" class="amount" aria-hidden="true"><span class="skeleton">&nbsp;</span></div>
      <div part="threshold" class="threshold" aria-hidden="true"><span class="skeleton">&nbsp;</span></div>
      <div class="runway" aria-hidden="true"><span class="skeleton">&nbsp;</span></div>
    `;
  }

  private renderRetry() {
    return retryButton(this.localize, () => this.refresh());
  }
}
