import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiClientController } from '../shared/api/api-client-controller.js';
import { LocalizeController } from '../shared/localization/localize.js';
import { qualityEnglish } from '../shared/localization/translations/en/quality.js';
import { ratingEnglish } from '../shared/localization/translations/en/rating.js';
import { refreshEnglish } from '../shared/localization/translations/en/meta-refresh.js';
import { tierEnglish } from '../shared/localization/translations/en/tiers.js';
import { qualityIcon } from '../shared/ui/quality-icons.js';
import { dataWidgetStyles } from '../shared/ui/states.styles.js';
import { widgetBaseStyles } from '../shared/ui/theme.styles.js';
import { tierSize, tierWords } from '../shared/formatting/tiers.js';
import { metaReadFailed } from '../shared/api/meta-refresh.js';
import { isOlder, relativeOrAbsolute, shortDateTime } from '../shared/formatting/time.js';
import type { QualityHistoryEntry, QualityResponse } from '../shared/api/types.js';
import { ApiWidgetElement } from '../shared/ui/api-widget-element.js';
import styles from './quality.styles.js';
import { loadError, retryButton } from '../shared/ui/load-error.js';
import { placeholderWords } from '../shared/ui/placeholder-words.js';
import { RelativeTimeController } from '../shared/ui/relative-time-controller.js';

/** Meta's policy that quality is measured against. */
export const MESSAGING_POLICY_URL = 'https://business.whatsapp.com/policy';

/**
 * @summary The number's quality rating with an icon and words, what it means and what to do, a Refresh that
 * asks Meta again, and the timeline of quality and messaging-limit changes.
 * @tagname wa-quality
 *
 * @attr endpoint - Base URL of the server, for a widget used without a `<wa-session>`.
 * @attr client-secret - The widget session's `client_secret`, for a widget used without a `<wa-session>`.
 * @attr locale - Overrides the session's locale for this widget.
 * @attr theme - `dark`, `light` or `auto` (follows `prefers-color-scheme`); by default the session's theme.
 *
 * @property strings - Overrides of the translated strings, e.g. `{ qualityLabel: 'Message quality' }`.
 *
 * @fires {WaQualityChangedEvent} wa-quality-changed - The rating shown changed (also on the first load, with
 *  `previous: null`); `detail` is `{ rating, previous }`.
 * @fires {WaSessionExpiredEvent} wa-session-expired - Standalone only: the client secret expired.
 * @fires {WaRequestFailedEvent} wa-request-failed - Standalone only: a request failed.
 *
 * @csspart base - The card around everything.
 * @csspart label - The "Quality rating" label.
 * @csspart refresh - The Refresh button.
 * @csspart rating - The rating: icon and words.
 * @csspart meaning - What the rating means.
 * @csspart advice - What to do about it.
 * @csspart checked - When Meta was last asked.
 * @csspart policy - The link to the WhatsApp Business Messaging Policy.
 * @csspart stale - The note shown when Meta didn't answer or a refresh failed.
 * @csspart history - The timeline (ordered list, newest first).
 * @csspart history-entry - One change in the timeline.
 * @csspart history-empty - The note shown when there are no changes yet.
 * @csspart error - The error message shown when nothing could be loaded.
 * @csspart retry - The Retry button.
 *
 * @cssprop --wa-widget-color-text - Text colour.
 * @cssprop --wa-widget-color-muted - Secondary text (label, notes, dates).
 * @cssprop --wa-widget-color-surface - Card background.
 * @cssprop --wa-widget-color-border - Card border and timeline line.
 * @cssprop --wa-widget-color-accent - Buttons, link and focus ring.
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
export class WaQuality extends ApiWidgetElement {
  static override styles = [widgetBaseStyles, dataWidgetStyles, styles];

  /** The last rating received, kept when a later request fails. */
  @state() private quality: QualityResponse | undefined;
  @state() private receivedAt: Date | undefined;
  @state() private failure: unknown;

  /** An explicit refresh could not read Meta: said in the note and announced. */
  @state() private refreshFailed = false;

  /** Read by the task when it starts, so only an explicit refresh asks Meta again. */
  private askMeta = false;

  private readonly localize = new LocalizeController(this, qualityEnglish, ratingEnglish, refreshEnglish, tierEnglish);
  private readonly api = new ApiClientController(this);

  private readonly task = new Task(this, {
    args: () => [this.api.client] as const,
    task: async ([client], { signal }) => {
      if (!client) return initialState;
      const askedMeta = this.askMeta;
      const quality = await client.get<QualityResponse>(askedMeta ? '/v1/quality?refresh=1' : '/v1/quality', { signal });
      return { quality, askedMeta };
    },
    onComplete: ({ quality, askedMeta }) => {
      this.receive(quality);
      if (askedMeta) void this.tellRefresh(metaReadFailed(quality));
    },
    onError: error => {
      this.failure = error;
    },
  });

  constructor() {
    super();
    // "Checked 3 minutes ago" and the history's times stay current
    new RelativeTimeController(this);
    this.api.on('quality', quality => this.receive(quality));
    // another client may be another account: neither its rating nor its `updated_at` may stay
    this.api.onClientChange(() => {
      this.quality = undefined;
      this.receivedAt = undefined;
      this.failure = undefined;
      this.refreshFailed = false;
    });
  }

  /** Asks the server to read the rating from Meta again (`?refresh=1`). */
  refresh(): Promise<void> {
    this.failure = undefined;
    this.askMeta = true;
    const run = this.task.run();
    this.askMeta = false;
    return run;
  }

  /** Says whether the explicit refresh read Meta; a failure is announced each time, even twice in a row. */
  private async tellRefresh(failed: boolean): Promise<void> {
    this.refreshFailed = failed;
    if (!failed || !this.quality) return;
    // after the render, so what the render announces does not replace this
    await this.updateComplete;
    if (this.quality) this.announcer.announce(this.refreshFailedText(this.quality));
  }

  private refreshFailedText(quality: QualityResponse): string {
    const { localize } = this;
    return quality.updated_at
      ? localize.term('qualityRefreshFailed', shortDateTime(quality.updated_at, localize.locale))
      : localize.term('qualityRefreshFailedNoTime');
  }

  private reload(): Promise<void> {
    this.failure = undefined;
    return this.task.run();
  }

  private receive(quality: QualityResponse): void {
    // a slower GET can arrive after a pushed update: never go back to an older rating
    if (this.quality && isOlder(quality.updated_at, this.quality.updated_at)) return;
    const previous = this.quality?.rating ?? null;
    this.quality = quality;
    if (!quality.stale) this.refreshFailed = false;
    this.receivedAt = new Date();
    this.failure = undefined;
    if (quality.rating !== previous) this.emit('wa-quality-changed', { rating: quality.rating, previous });
  }

  protected override render() {
    const { quality } = this;
    const failure = this.task.status === TaskStatus.PENDING ? undefined : this.failure;
    return html`
      <div part="base" class="card" role="group" aria-labelledby="label" aria-busy=${!quality && !failure ? 'true' : 'false'}>
        <div class="header">
          <span part="label" class="label" id="label" role="heading" aria-level=${this.headingLevel}>${this.localize.term('qualityLabel')}</span>
          <button part="refresh" class="secondary" type="button" @click=${() => this.refresh()}>
            ${this.localize.term('refresh')}
          </button>
        </div>
        ${quality ? this.renderQuality(quality, failure) : failure ? this.renderError(failure) : this.renderSkeleton()}
      </div>
    `;
  }

  private renderQuality(quality: QualityResponse, failure: unknown) {
    const { rating } = quality;
    const locale = this.localize.locale;
    return html`
      <div part="rating" class="rating rating--${rating} big">${qualityIcon(rating)}${this.localize.term('qualityRating', rating)}</div>
      <p part="meaning">${this.localize.term('qualityMeaning', rating)}</p>
      <p part="advice">${this.localize.term('qualityAdvice', rating)}</p>
      ${this.renderStale(quality, failure)}
      ${quality.updated_at && !quality.stale
        ? html`<p part="checked" class="muted">
            ${this.localize.term('qualityChecked', relativeOrAbsolute(quality.updated_at, locale))}
          </p>`
        : nothing}
      <p>
        <a part="policy" href=${MESSAGING_POLICY_URL} target="_blank" rel="noopener noreferrer"
          >${this.localize.term('qualityPolicyLink')}<span class="visually-hidden"> ${this.localize.term('opensInNewTab')}</span></a
        >
      </p>
      <span class="label" id="history-label">${this.localize.term('qualityHistoryLabel')}</span>
      ${quality.history.length
        ? html`<ol part="history" class="history" aria-labelledby="history-label">
            ${newestFirst(quality.history).map(entry => this.renderEntry(entry))}
          </ol>`
        : html`<p part="history-empty" class="history-empty">${this.localize.term('qualityHistoryEmpty')}</p>`}
    `;
  }

  private renderStale(quality: QualityResponse, failure: unknown) {
    const locale = this.localize.locale;
    if (failure && this.receivedAt) {
      return html`<p part="stale" class="note" data-announce="stale">
        ${this.localize.term('staleNote', shortDateTime(this.receivedAt, locale))} ${this.renderRetry()}
      </p>`;
    }
    if (this.refreshFailed) return html`<p part="stale" class="note">${this.refreshFailedText(quality)}</p>`;
    if (!quality.stale) return nothing;
    return html`<p part="stale" class="note" data-announce="stale">
      ${quality.updated_at
        ? this.localize.term('qualityStale', shortDateTime(quality.updated_at, locale))
        : this.localize.term('qualityStaleNoTime')}
    </p>`;
  }

  private renderEntry(entry: QualityHistoryEntry) {
    const details = this.entryDetails(entry);
    return html`<li part="history-entry" class="entry">
      <span class="event">${this.localize.term('qualityEvent', entry.event)}</span>
      ${details.length ? html`<span class="detail">${details.join(' · ')}</span>` : nothing}
      <time class="muted" datetime=${entry.at}>${relativeOrAbsolute(entry.at, this.localize.locale)}</time>
    </li>`;
  }

  private entryDetails(entry: QualityHistoryEntry): string[] {
    return [
      entry.rating ? this.localize.term('qualityChip', this.localize.term('qualityRating', entry.rating)) : '',
      entry.tier ? this.localize.term('historyTier', tierWords(tierSize(entry.tier), this.localize)) : '',
    ].filter(Boolean);
  }

  private renderError(failure: unknown) {
    return loadError(this.localize, failure, this.localize.term('qualityLoadFailed'), () => this.reload());
  }

  /**
   * The loaded layout with placeholders, so nothing moves when the rating arrives: the rating line, the meaning
   * and advice (placeholder words of a high rating, wrapping like them), the "checked" line, the policy link,
   * the timeline's heading and a typical account's timeline (`SKELETON_HISTORY`; a longer history grows below
   * it, an empty one is shorter).
   */
  private renderSkeleton() {
    const { localize } = this;
    return html`
      <span class="visually-hidden">${localize.term('loading')}</span>
      <div class="rating big" aria-hidden="true"><span class="skeleton skeleton-icon"></span><span class="skeleton">&nbsp;</span></div>
      <p aria-hidden="true">${placeholderWords(localize.term('qualityMeaning', 'GREEN'))}</p>
      <p aria-hidden="true">${placeholderWords(localize.term('qualityAdvice', 'GREEN'))}</p>
      <p class="muted" aria-hidden="true"><span class="skeleton">&nbsp;</span></p>
      <p aria-hidden="true">${placeholderWords(localize.term('qualityPolicyLink'))}</p>
      <span class="label" aria-hidden="true">${placeholderWords(localize.term('qualityHistoryLabel'))}</span>
      <div class="history" aria-hidden="true">
        ${SKELETON_HISTORY.map(
          entry => html`<div class="entry">
            <span class="event">${placeholderWords(localize.term('qualityEvent', entry.event))}</span>
            <span class="detail">${placeholderWords(this.entryDetails(entry).join(' · '))}</span>
            <span class="muted time"><span class="skeleton">&nbsp;</span></span>
          </div>`,
        )}
      </div>
    `;
  }


  private renderRetry() {
    return retryButton(this.localize, () => this.reload());
  }
}

/**
 * The timeline the loading skeleton reserves room for, as placeholder words: a typical young account's
 * (registered, rated, limit raised), so the placeholders wrap like a real timeline at any width.
 */
const SKELETON_HISTORY: QualityHistoryEntry[] = [
  { at: '', event: 'UPGRADE', rating: null, tier: 'TIER_10K', source: 'webhook' },
  { at: '', event: 'QUALITY_CHANGED', rating: 'GREEN', tier: null, source: 'graph' },
  { at: '', event: 'ONBOARDING', rating: 'UNKNOWN', tier: 'TIER_250', source: 'webhook' },
];

function newestFirst(history: QualityHistoryEntry[]): QualityHistoryEntry[] {
  return [...history].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
