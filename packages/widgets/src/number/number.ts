import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiClientController } from '../shared/api/api-client-controller.js';
import { LocalizeController } from '../shared/localization/localize.js';
import { numberEnglish } from '../shared/localization/translations/en/number.js';
import { ratingEnglish } from '../shared/localization/translations/en/rating.js';
import { qualityIcon } from '../shared/ui/quality-icons.js';
import { dataWidgetStyles } from '../shared/ui/states.styles.js';
import { widgetBaseStyles } from '../shared/ui/theme.styles.js';
import type { AccountResponse } from '../shared/api/types.js';
import { ApiWidgetElement } from '../shared/ui/api-widget-element.js';
import styles from './number.styles.js';
import { loadError } from '../shared/ui/load-error.js';

/**
 * @summary The connected WhatsApp number as a header: the number, its verified name, its connection and
 * display-name status in words, and a compact quality chip.
 * @tagname wa-number
 *
 * @attr endpoint - Base URL of the server, for a widget used without a `<wa-session>`.
 * @attr client-secret - The widget session's `client_secret`, for a widget used without a `<wa-session>`.
 * @attr locale - Overrides the session's locale for this widget.
 * @attr theme - `dark`, `light` or `auto` (follows `prefers-color-scheme`); by default the session's theme.
 *
 * @property strings - Overrides of the translated strings, e.g. `{ numberLabel: 'Your line' }`.
 *
 * @fires {WaSessionExpiredEvent} wa-session-expired - Standalone only: the client secret expired.
 * @fires {WaRequestFailedEvent} wa-request-failed - Standalone only: a request failed.
 *
 * @csspart base - The card around everything.
 * @csspart label - The "WhatsApp number" label.
 * @csspart number - The display phone number, as Meta formats it.
 * @csspart name - The verified business name.
 * @csspart status - The connection status in words.
 * @csspart name-status - The display-name review status in words.
 * @csspart quality - The quality chip (icon and words).
 * @csspart empty - The note shown when no number is connected yet.
 * @csspart error - The error message shown when nothing could be loaded.
 * @csspart retry - The Retry button.
 *
 * @cssprop --wa-widget-color-text - Text colour.
 * @cssprop --wa-widget-color-muted - Secondary text (label, name status).
 * @cssprop --wa-widget-color-surface - Card background.
 * @cssprop --wa-widget-color-border - Card and chip borders.
 * @cssprop --wa-widget-color-accent - Retry button and focus ring.
 * @cssprop --wa-widget-color-warning - Medium quality.
 * @cssprop --wa-widget-color-danger - Low quality and the error message.
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
 */
export class WaNumber extends ApiWidgetElement {
  static override styles = [widgetBaseStyles, dataWidgetStyles, styles];

  private readonly localize = new LocalizeController(this, numberEnglish, ratingEnglish);
  private readonly api = new ApiClientController(this);

  /** The last account loaded, kept on screen while it reloads; forgotten when the client changes. */
  @state() private account: AccountResponse | undefined;

  private readonly task = new Task(this, {
    args: () => [this.api.client] as const,
    task: ([client], { signal }) => (client ? client.get<AccountResponse>('/v1/account', { signal }) : initialState),
    onComplete: account => {
      this.account = account;
    },
  });

  constructor() {
    super();
    this.api.onClientChange(() => {
      this.account = undefined;
    });
  }

  /** Reloads the number from the server. */
  refresh(): Promise<void> {
    return this.task.run();
  }

  protected override render() {
    // a reload keeps the last number (no skeleton, no layout shift)
    const failure = this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
    const account = failure ? undefined : this.account;
    return html`
      <div part="base" class="card" role="group" aria-labelledby="label" aria-busy=${!account && !failure ? 'true' : 'false'}>
        <span part="label" class="label" id="label" role="heading" aria-level=${this.headingLevel}>${this.localize.term('numberLabel')}</span>
        ${account ? this.renderNumber(account) : failure ? this.renderError(failure) : this.renderSkeleton()}
      </div>
    `;
  }

  private renderNumber({ phone }: AccountResponse) {
    if (!phone.display_phone_number) {
      return html`<p part="empty" class="empty muted">${this.localize.term('noNumber')}</p>`;
    }
    const rating = phone.quality_rating ?? 'UNKNOWN';
    return html`
      <div class="line">
        <span part="number" class="number" dir="ltr">${phone.display_phone_number}</span>
        ${phone.status ? html`<span part="status" class="chip">${this.localize.term('numberStatus', phone.status)}</span>` : nothing}
        <span part="quality" class="chip rating rating--${rating}">
          ${qualityIcon(rating)}${this.localize.term('qualityChip', this.localize.term('qualityRating', rating))}
        </span>
      </div>
      <div class="line">
        ${phone.verified_name ? html`<span part="name" class="name">${phone.verified_name}</span>` : nothing}
        ${phone.name_status
          ? html`<span part="name-status" class="muted">${this.localize.term('nameStatus', phone.name_status)}</span>`
          : nothing}
      </div>
    `;
  }

  private renderError(failure: unknown) {
    return loadError(this.localize, failure, this.localize.term('numberLoadFailed'), () => this.refresh());
  }

  private renderSkeleton() {
    return html`
      <span class="visually-hidden">${this.localize.term('loading')}</span>
      <div class="line" aria-hidden="true"><span class="number"><span class="skeleton">&nbsp;</span></span></div>
      <div class="line" aria-hidden="true"><span class="name"><span class="skeleton">&nbsp;</span></span></div>
    `;
  }
}
