import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiClientController } from '../shared/api/api-client-controller.js';
import { ApiError } from '../shared/api/api-client.js';
import { LocalizeController } from '../shared/localization/localize.js';
import { formEnglish } from '../shared/localization/translations/en/forms.js';
import { frequencyCapEnglish } from '../shared/localization/translations/en/frequency-cap.js';
import { dataWidgetStyles } from '../shared/ui/states.styles.js';
import { widgetBaseStyles } from '../shared/ui/theme.styles.js';
import type { FrequencyCap } from '../shared/api/types.js';
import { ApiWidgetElement } from '../shared/ui/api-widget-element.js';
import { CAP_LIMITS, parseBoundedInteger } from './cap-input.js';
import styles from './frequency-cap.styles.js';
import { loadError } from '../shared/ui/load-error.js';
import { placeholderWords } from '../shared/ui/placeholder-words.js';

/** The form as typed: numbers stay text until they are valid. */
interface Draft {
  enabled: boolean;
  maxMessages: string;
  windowHours: string;
}

/**
 * @summary Shows and edits the account's marketing frequency cap: at most N marketing messages per customer
 * every H hours, enforced by the host's sending pipeline through the send-time check.
 * @tagname wa-frequency-cap
 *
 * @attr endpoint - Base URL of the server, for a widget used without a `<wa-session>`.
 * @attr client-secret - The widget session's `client_secret`, for a widget used without a `<wa-session>`.
 * @attr locale - Overrides the session's locale for this widget.
 * @attr theme - `dark`, `light` or `auto` (follows `prefers-color-scheme`); by default the session's theme.
 * @attr read-only - Shows the cap without the form; also set by the widget when the server refuses a save (403).
 *
 * @property strings - Overrides of the translated strings, e.g. `{ capLabel: 'Message limit' }`.
 *
 * @fires {WaFrequencyCapSavedEvent} wa-frequency-cap-saved - The server saved the cap; `detail` is `{ cap }`.
 * @fires {WaSessionExpiredEvent} wa-session-expired - Standalone only: the client secret expired.
 * @fires {WaRequestFailedEvent} wa-request-failed - Standalone only: a request failed.
 *
 * @csspart base - The card around everything.
 * @csspart label - The "Marketing frequency cap" label.
 * @csspart form - The form.
 * @csspart switch - The on/off switch (a checkbox with `role="switch"`).
 * @csspart max-messages - The "messages per customer" field.
 * @csspart window-hours - The "hours" field.
 * @csspart field-error - A field's validation message.
 * @csspart summary - The cap in words.
 * @csspart save - The Save button.
 * @csspart status - The message saying the cap was saved (read out when it appears).
 * @csspart read-only - The note shown when the session may not change the cap.
 * @csspart explanation - What the cap does, and Meta's own limits.
 * @csspart error - A load or save error.
 * @csspart retry - The Retry button.
 *
 * @cssprop --wa-widget-color-text - Text colour.
 * @cssprop --wa-widget-color-muted - Secondary text (label, explanation).
 * @cssprop --wa-widget-color-surface - Card background.
 * @cssprop --wa-widget-color-border - Card and field borders.
 * @cssprop --wa-widget-color-accent - Buttons, switch and focus ring.
 * @cssprop --wa-widget-color-danger - Errors.
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
export class WaFrequencyCap extends ApiWidgetElement {
  static override styles = [widgetBaseStyles, dataWidgetStyles, styles];

  /** Shows the cap without the form. */
  @property({ type: Boolean, reflect: true, attribute: 'read-only' }) readOnly = false;

  @state() private cap: FrequencyCap | undefined;
  @state() private draft: Draft = { enabled: false, maxMessages: '', windowHours: '' };
  @state() private invalid = { maxMessages: false, windowHours: false };
  @state() private failure: unknown;
  @state() private saving = false;
  @state() private saveFailed = false;
  /** "Saved" after a save, until the next edit; read out through the widget's live region. */
  @state() private savedMessage = '';

  /** Whether `readOnly` was set by a refused save, rather than by the host. */
  private refusedByServer = false;

  private readonly localize = new LocalizeController(this, frequencyCapEnglish, formEnglish);
  private readonly api = new ApiClientController(this);

  private readonly task = new Task(this, {
    args: () => [this.api.client] as const,
    task: ([client], { signal }) => (client ? client.get<FrequencyCap>('/v1/frequency-cap', { signal }) : initialState),
    onComplete: cap => this.receive(cap),
    onError: error => {
      this.failure = error;
    },
  });

  constructor() {
    super();
    // another client may be another account: its cap, the draft typed for it and a refusal are not this one's
    this.api.onClientChange(() => {
      this.cap = undefined;
      this.draft = { enabled: false, maxMessages: '', windowHours: '' };
      this.invalid = { maxMessages: false, windowHours: false };
      this.failure = undefined;
      this.saveFailed = false;
      this.saving = false;
      this.savedMessage = '';
      if (this.refusedByServer) this.readOnly = false;
      this.refusedByServer = false;
    });
  }

  /** Reloads the cap from the server, discarding unsaved changes. */
  refresh(): Promise<void> {
    this.failure = undefined;
    return this.task.run();
  }

  private receive(cap: FrequencyCap): void {
    this.cap = cap;
    this.draft = { enabled: cap.enabled, maxMessages: String(cap.max_messages), windowHours: String(cap.window_hours) };
    this.invalid = { maxMessages: false, windowHours: false };
    this.failure = undefined;
  }

  private edit(changes: Partial<Draft>): void {
    this.draft = { ...this.draft, ...changes };
    this.savedMessage = '';
    // once a field was refused, it is checked as the person types so the error goes away when fixed
    const { maxMessages, windowHours } = this.validate();
    this.invalid = { maxMessages: this.invalid.maxMessages && !maxMessages, windowHours: this.invalid.windowHours && !windowHours };
  }

  private validate() {
    return {
      maxMessages: parseBoundedInteger(this.draft.maxMessages, CAP_LIMITS.maxMessages, this.localize.locale),
      windowHours: parseBoundedInteger(this.draft.windowHours, CAP_LIMITS.windowHours, this.localize.locale),
    };
  }

  private async save(event?: Event): Promise<void> {
    event?.preventDefault();
    const client = this.api.client;
    if (this.saving || !client) return;
    const { maxMessages, windowHours } = this.validate();
    this.invalid = { maxMessages: maxMessages === undefined, windowHours: windowHours === undefined };
    if (maxMessages === undefined || windowHours === undefined) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('input[aria-invalid="true"]')?.focus();
      return;
    }
    const body: FrequencyCap = { enabled: this.draft.enabled, max_messages: maxMessages, window_hours: windowHours };
    this.saving = true;
    this.saveFailed = false;
    this.savedMessage = '';
    try {
      const cap = await client.send<FrequencyCap>('PUT', '/v1/frequency-cap', body);
      if (!this.api.isCurrent(client)) return;
      this.receive(cap);
      this.savedMessage = this.localize.term('capSaved');
      this.emit('wa-frequency-cap-saved', { cap });
    } catch (cause) {
      if (!this.api.isCurrent(client)) return;
      if (cause instanceof ApiError && cause.status === 403) {
        this.readOnly = true;
        this.refusedByServer = true;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[part~="read-only"]')?.focus();
      } else {
        this.saveFailed = true;
      }
    } finally {
      if (this.api.isCurrent(client)) this.saving = false;
    }
  }

  protected override render() {
    const { cap } = this;
    const failure = this.task.status === TaskStatus.PENDING ? undefined : this.failure;
    return html`
      <div part="base" class="card" role="group" aria-labelledby="label" aria-busy=${!cap && !failure ? 'true' : 'false'}>
        <span part="label" class="label" id="label" role="heading" aria-level=${this.headingLevel}>${this.localize.term('capLabel')}</span>
        ${cap
          ? this.readOnly
            ? this.renderReadOnly(cap)
            : this.renderForm()
          : failure
            ? this.renderLoadError(failure)
            : this.renderSkeleton()}
        <div part="explanation" class="explanation">
          <p>${this.localize.term('capExplanation')}</p>
          <p>${this.localize.term('capMetaLimits')}</p>
        </div>
      </div>
    `;
  }

  private summary(cap: { enabled: boolean; max?: number | undefined; hours?: number | undefined }) {
    const { localize } = this;
    if (!cap.enabled) return localize.term('capOff');
    if (cap.max === undefined || cap.hours === undefined) return '';
    return localize.term('capSummary', cap.max, localize.number(cap.max), cap.hours, localize.number(cap.hours));
  }

  private renderReadOnly(cap: FrequencyCap) {
    return html`
      <p part="summary" class="summary">${this.summary({ enabled: cap.enabled, max: cap.max_messages, hours: cap.window_hours })}</p>
      <p part="read-only" class="note" tabindex="-1">${this.localize.term('capReadOnly')}</p>
    `;
  }

  private renderForm() {
    const { localize, draft, invalid } = this;
    const valid = this.validate();
    return html`
      <form part="form" class="form" novalidate @submit=${(event: Event) => this.save(event)}>
        <label class="switch">
          <input
            part="switch"
            type="checkbox"
            role="switch"
            .checked=${draft.enabled}
            @change=${(event: Event) => this.edit({ enabled: (event.target as HTMLInputElement).checked })}
          />
          <span>${localize.term('capEnable')}</span>
        </label>
        <div class="limits">
          ${this.renderNumberField('max-messages', localize.term('capMaxMessages'), draft.maxMessages, CAP_LIMITS.maxMessages, invalid.maxMessages, localize.term('capMaxInvalid'), value => this.edit({ maxMessages: value }))}
          ${this.renderNumberField('window-hours', localize.term('capWindowHours'), draft.windowHours, CAP_LIMITS.windowHours, invalid.windowHours, localize.term('capWindowInvalid'), value => this.edit({ windowHours: value }))}
        </div>
        <p part="summary" class="summary">${this.summary({ enabled: draft.enabled, max: valid.maxMessages, hours: valid.windowHours })}</p>
        <div class="actions">
          <button part="save" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>
            ${localize.term(this.saving ? 'saving' : 'save')}
          </button>
        </div>
        ${this.saveFailed
          ? html`<div class="note">
              <p part="error" class="error" role="alert">${localize.term('capSaveFailed')}</p>
              <button part="retry" type="button" class="secondary" @click=${() => this.save()}>${localize.term('retry')}</button>
            </div>`
          : nothing}
        <p part="status" class="saved" data-announce="saved">${this.savedMessage}</p>
      </form>
    `;
  }

  private renderNumberField(
    id: string,
    label: string,
    value: string,
    limits: { min: number; max: number },
    invalid: boolean,
    message: string,
    edit: (value: string) => void,
  ) {
    return html`
      <div class="field">
        <label for=${id}>${label}</label>
        <input
          id=${id}
          part=${id}
          type="number"
          inputmode="numeric"
          min=${limits.min}
          max=${limits.max}
          step="1"
          .value=${value}
          ?disabled=${!this.draft.enabled}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? `${id}-error` : nothing}
          @input=${(event: Event) => edit((event.target as HTMLInputElement).value)}
        />
        ${invalid ? html`<span part="field-error" id=${`${id}-error`} class="error" role="alert">${message}</span>` : nothing}
      </div>
    `;
  }

  private renderLoadError(failure: unknown) {
    return loadError(this.localize, failure, this.localize.term('capLoadFailed'), () => this.refresh());
  }

  /**
   * The form's layout with placeholders in place of the controls, so nothing moves when the cap arrives: the
   * switch row, both labelled fields (their labels are the real words, so they wrap alike), the summary line
   * (placeholder words of a typical cap), the Save button and the empty status line. The explanation below is
   * the real text in every state.
   */
  private renderSkeleton() {
    const { localize } = this;
    return html`
      <span class="visually-hidden">${localize.term('loading')}</span>
      <div class="form" aria-hidden="true">
        <span class="switch"><span class="skeleton skeleton-check"></span>${placeholderWords(localize.term('capEnable'))}</span>
        <div class="limits">
          ${[localize.term('capMaxMessages'), localize.term('capWindowHours')].map(
            label => html`<div class="field">
              <span class="field-label">${placeholderWords(label)}</span>
              <span class="skeleton skeleton-input">&nbsp;</span>
            </div>`,
          )}
        </div>
        <p class="summary">${placeholderWords(this.summary({ enabled: true, max: 2, hours: 24 }))}</p>
        <div class="actions">${placeholderWords(localize.term('save'), 'skeleton-button')}</div>
        <p class="saved"></p>
      </div>
    `;
  }

}
