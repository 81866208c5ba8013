import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ApiClientController } from '../shared/api/api-client-controller.js';
import { LocalizeController } from '../shared/localization/localize.js';
import { quotaEnglish } from '../shared/localization/translations/en/quota.js';
import { refreshEnglish } from '../shared/localization/translations/en/meta-refresh.js';
import { tierEnglish } from '../shared/localization/translations/en/tiers.js';
import { dataWidgetStyles } from '../shared/ui/states.styles.js';
import { widgetBaseStyles } from '../shared/ui/theme.styles.js';
import { tierSize, tierWords } from '../shared/formatting/tiers.js';
import { metaReadFailed } from '../shared/api/meta-refresh.js';
import { isOlder, shortDateTime } from '../shared/formatting/time.js';
import type { ApiClient } from '../shared/api/api-client.js';
import type { QuotaResponse, UsageResponse } from '../shared/api/types.js';
import { ApiWidgetElement } from '../shared/ui/api-widget-element.js';
import styles from './quota.styles.js';
import { loadError, retryButton } from '../shared/ui/load-error.js';

/** Share of the limit left at or below which `wa-usage-near-limit` fires. */
const NEAR_LIMIT = 0.1;

/**
 * @summary The business portfolio's daily messaging limit (unique customers per 24 h, shared by all its
 * numbers) and, on request, the last 24 h usage: a meter, the headroom, the pace, and the split by number.
 * @tagname wa-quota
 *
 * @attr endpoint - Base URL of the server, for a widget used without a `<wa-session>`.
 * @attr client-secret - The widget session's `client_secret`, for a widget used without a `<wa-session>`.
 * @attr locale - Overrides the session's locale for this widget.
 * @attr theme - `dark`, `light` or `auto` (follows `prefers-color-scheme`); by default the session's theme.
 *
 * @property strings - Overrides of the translated strings, e.g. `{ usageButton: 'Show usage' }`.
 *
 * @fires {WaUsageNearLimitEvent} wa-usage-near-limit - Loaded usage leaves 10 % or less of the limit;
 *  `detail` is `{ unique_customers, limit, remaining }`. Fired when usage becomes near, not on every reload.
 * @fires {WaSessionExpiredEvent} wa-session-expired - Standalone only: the client secret expired.
 * @fires {WaRequestFailedEvent} wa-request-failed - Standalone only: a request failed.
 *
 * @csspart base - The card around everything.
 * @csspart label - The "Daily messaging limit" label.
 * @csspart limit - The limit in words, e.g. "10K unique customers / 24 h".
 * @csspart shared - The note that the limit is shared by the portfolio's numbers.
 * @csspart stale - The note shown when Meta didn't answer or a refresh failed.
 * @csspart usage-button - The "Get last 24h usage" button.
 * @csspart usage - The usage section.
 * @csspart meter - The usage meter (`role="meter"`).
 * @csspart meter-fill - The filled part of the meter.
 * @csspart usage-text - Used vs. limit in words.
 * @csspart headroom - How many more customers can be reached now.
 * @csspart projection - When the limit would be reached at the current pace.
 * @csspart breakdown - The table of customers by number (only with several numbers).
 * @csspart error - An error message.
 * @csspart retry - A Retry button.
 *
 * @cssprop --wa-widget-color-text - Text colour.
 * @cssprop --wa-widget-color-muted - Secondary text (label, notes).
 * @cssprop --wa-widget-color-surface - Card background.
 * @cssprop --wa-widget-color-border - Card, meter and table borders.
 * @cssprop --wa-widget-color-accent - Buttons, meter fill and focus ring.
 * @cssprop --wa-widget-color-warning - Meter fill when near the limit.
 * @cssprop --wa-widget-color-danger - Error messages.
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
export class WaQuota extends ApiWidgetElement {
  static override styles = [widgetBaseStyles, dataWidgetStyles, styles];

  @state() private quota: QuotaResponse | undefined;
  @state() private quotaReceivedAt: Date | undefined;
  @state() private quotaFailure: unknown;
  @state() private usage: UsageResponse | undefined;
  @state() private usageFailure: unknown;
  /** The client the usage was last asked of: the usage task does not rerun by itself when the client changes. */
  private usageAskedOf: ApiClient | undefined;

  /** An explicit refresh could not read Meta: said in the note and announced. */
  @state() private refreshFailed = false;

  /** Read by the quota task when it starts, so only an explicit refresh asks Meta again. */
  private askMeta = false;

  private readonly localize = new LocalizeController(this, quotaEnglish, refreshEnglish, tierEnglish);
  private readonly api = new ApiClientController(this);

  private readonly quotaTask = new Task(this, {
    args: () => [this.api.client] as const,
    task: async ([client], { signal }) => {
      if (!client) return initialState;
      const askedMeta = this.askMeta;
      const quota = await client.get<QuotaResponse>(askedMeta ? '/v1/quota?refresh=1' : '/v1/quota', { signal });
      return { quota, askedMeta };
    },
    onComplete: ({ quota, askedMeta }) => {
      this.receiveQuota(quota);
      if (askedMeta) void this.tellRefresh(metaReadFailed(quota));
    },
    onError: error => {
      this.quotaFailure = error;
    },
  });

  private readonly usageTask = new Task(this, {
    autoRun: false,
    args: () => [this.api.client] as const,
    task: ([client], { signal }) => (client ? client.get<UsageResponse>('/v1/usage/24h', { signal }) : initialState),
    onComplete: usage => {
      if (this.api.isCurrent(this.usageAskedOf)) this.receiveUsage(usage);
    },
    onError: error => {
      if (this.api.isCurrent(this.usageAskedOf)) this.usageFailure = error;
    },
  });

  constructor() {
    super();
    this.api.on('quota', quota => this.receiveQuota(quota));
    this.api.on('usage', usage => this.receiveUsage(usage));
    // another client may be another account: nothing of the previous one stays
    this.api.onClientChange(() => {
      this.quota = undefined;
      this.quotaReceivedAt = undefined;
      this.quotaFailure = undefined;
      this.usage = undefined;
      this.usageFailure = undefined;
      this.refreshFailed = false;
    });
  }

  /** Asks the server to read the limit from Meta again (`?refresh=1`). */
  refresh(): Promise<void> {
    this.quotaFailure = undefined;
    this.askMeta = true;
    const run = this.quotaTask.run();
    this.askMeta = false;
    return run;
  }

  /** Says whether the explicit refresh read Meta; a failure is announced each time, even twice in a row. */
  private async tellRefresh(failed: boolean): Promise<void> {
    this.refreshFailed = failed;
    if (!failed || !this.quota) return;
    // after the render, so what the render announces does not replace this
    await this.updateComplete;
    if (this.quota) this.announcer.announce(this.refreshFailedText(this.quota));
  }

  private refreshFailedText(quota: QuotaResponse): string {
    const { localize } = this;
    return quota.updated_at
      ? localize.term('quotaRefreshFailed', shortDateTime(quota.updated_at, localize.locale))
      : localize.term('quotaRefreshFailedNoTime');
  }

  /** Loads the last 24 h usage, as the "Get last 24h usage" button does. */
  loadUsage(): Promise<void> {
    this.usageFailure = undefined;
    this.usageAskedOf = this.api.client;
    return this.usageTask.run();
  }

  private receiveQuota(quota: QuotaResponse): void {
    // a slower GET can arrive after a pushed update: never go back to an older limit
    if (this.quota && isOlder(quota.updated_at, this.quota.updated_at)) return;
    this.quota = quota;
    if (!quota.stale) this.refreshFailed = false;
    this.quotaReceivedAt = new Date();
    this.quotaFailure = undefined;
  }

  private receiveUsage(usage: UsageResponse): void {
    // a GET answering after a pushed update covers an earlier window: keep the newer count
    if (this.usage && isOlder(usage.window_end, this.usage.window_end)) return;
    const wasNear = this.usage ? isNearLimit(this.usage) : false;
    this.usage = usage;
    this.usageFailure = undefined;
    if (isNearLimit(usage) && !wasNear) {
      this.emit('wa-usage-near-limit', { unique_customers: usage.unique_customers, limit: usage.limit!, remaining: usage.remaining! });
    }
  }

  protected override render() {
    const { quota } = this;
    const failure = this.quotaTask.status === TaskStatus.PENDING ? undefined : this.quotaFailure;
    return html`
      <div part="base" class="card" role="group" aria-labelledby="label" aria-busy=${!quota && !failure ? 'true' : 'false'}>
        <span part="label" class="label" id="label" role="heading" aria-level=${this.headingLevel}>${this.localize.term('quotaLabel')}</span>
        ${quota ? this.renderQuota(quota, failure) : failure ? this.renderQuotaError(failure) : this.renderSkeleton()}
        <div class="actions">
          <button part="usage-button" type="button" @click=${() => this.loadUsage()}>${this.localize.term('usageButton')}</button>
        </div>
        ${this.renderUsage()}
      </div>
    `;
  }

  private renderQuota(quota: QuotaResponse, failure: unknown) {
    const locale = this.localize.locale;
    const hours = quota.window_hours ?? 24;
    const size = quota.unlimited ? { kind: 'unlimited' as const } : tierSize(quota.tier, quota.limit);
    let stale = html``;
    if (failure && this.quotaReceivedAt) {
      stale = html`<p part="stale" class="note" data-announce="stale">
        ${this.localize.term('staleNote', shortDateTime(this.quotaReceivedAt, locale))} ${retryButton(this.localize, () => this.refresh())}
      </p>`;
    } else if (this.refreshFailed) {
      stale = html`<p part="stale" class="note">
        ${this.refreshFailedText(quota)}
        <button part="retry" class="secondary" type="button" @click=${() => this.refresh()}>${this.localize.term('refresh')}</button>
      </p>`;
    } else if (quota.stale) {
      stale = html`<p part="stale" class="note" data-announce="stale">
        ${quota.updated_at
          ? this.localize.term('quotaStale', shortDateTime(quota.updated_at, locale))
          : this.localize.term('quotaStaleNoTime')}
        <button part="retry" class="secondary" type="button" @click=${() => this.refresh()}>${this.localize.term('refresh')}</button>
      </p>`;
    }
    return html`
      <div part="limit" class="limit">${tierWords(size, this.localize, hours)}</div>
      <p part="shared" class="muted">${this.localize.term('quotaShared')}</p>
      ${stale}
    `;
  }

  private renderQuotaError(failure: unknown) {
    return loadError(this.localize, failure, this.localize.term('quotaLoadFailed'), () => this.quotaTask.run());
  }

  private renderSkeleton() {
    return html`
      <span class="visually-hidden">${this.localize.term('loading')}</span>
      <div part="limit" class="limit" aria-hidden="true"><span class="skeleton">&nbsp;</span></div>
      <p class="muted" aria-hidden="true"><span class="skeleton wide">&nbsp;</span></p>
    `;
  }

  private renderUsage() {
    const pending = this.usageTask.status === TaskStatus.PENDING;
    const { usage } = this;
    const failure = pending ? undefined : this.usageFailure;
    if (!usage && !pending && !failure) return nothing;
    return html`
      <section part="usage" class="usage" aria-labelledby="usage-label" aria-busy=${pending && !usage ? 'true' : 'false'}>
        <span class="label" id="usage-label">${this.localize.term('usageLabel')}</span>
        ${failure
          ? html`<p part="error" class="error" role="alert">${this.localize.term('usageLoadFailed')}</p>
              <div class="actions">${retryButton(this.localize, () => this.loadUsage())}</div>`
          : usage
            ? this.renderUsageNumbers(usage)
            : html`<span class="visually-hidden">${this.localize.term('loading')}</span>
                <div class="meter" aria-hidden="true"></div>
                <p aria-hidden="true"><span class="skeleton wide">&nbsp;</span></p>`}
      </section>
    `;
  }

  private renderUsageNumbers(usage: UsageResponse) {
    const n = (value: number) => this.localize.number(value);
    const limited = !usage.unlimited && usage.limit !== null;
    const used = usage.unique_customers;
    const summary = limited ? this.localize.term('usageOf', n(used), n(usage.limit!)) : this.localize.term('usageCount', used, n(used));
    return html`
      ${limited ? this.renderMeter(used, usage.limit!, summary, isNearLimit(usage)) : nothing}
      <p part="usage-text" class="usage-text" data-announce="usage">${summary}</p>
      ${limited && usage.remaining !== null
        ? html`<p part="headroom">
            ${usage.remaining > 0 ? this.localize.term('usageHeadroom', usage.remaining, n(usage.remaining)) : this.localize.term('usageLimitReached')}
          </p>`
        : nothing}
      ${limited && usage.projected_limit_reached_at
        ? html`<p part="projection">
            ${this.localize.term(
              'usageProjection',
              usage.new_customers_last_hour,
              n(usage.new_customers_last_hour),
              shortDateTime(usage.projected_limit_reached_at, this.localize.locale),
            )}
          </p>`
        : nothing}
      ${usage.by_number.length > 1 ? this.renderBreakdown(usage) : nothing}
    `;
  }

  private renderMeter(used: number, limit: number, valueText: string, near: boolean) {
    const share = limit > 0 ? Math.min(used / limit, 1) : 1;
    return html`<div
      part="meter"
      class="meter ${near ? 'meter--near' : ''}"
      role="meter"
      aria-labelledby="usage-label"
      aria-valuemin="0"
      aria-valuemax=${limit}
      aria-valuenow=${Math.min(used, limit)}
      aria-valuetext=${valueText}
    >
      <div part="meter-fill" class="meter-fill" style=${styleMap({ width: `${share * 100}%` })}></div>
    </div>`;
  }

  private renderBreakdown(usage: UsageResponse) {
    const byCount = [...usage.by_number].sort((a, b) => b.unique_customers - a.unique_customers);
    return html`<table part="breakdown">
      <caption class="label">${this.localize.term('usageByNumber')}</caption>
      <thead>
        <tr>
          <th scope="col">${this.localize.term('usageNumberColumn')}</th>
          <th scope="col" class="number">${this.localize.term('usageCustomersColumn')}</th>
        </tr>
      </thead>
      <tbody>
        ${byCount.map(
          row => html`<tr>
            <th scope="row">${row.display_phone_number ? html`<span dir="ltr">${row.display_phone_number}</span>` : this.localize.term('usageUnnamedNumber')}</th>
            <td class="number">${this.localize.number(row.unique_customers)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

function isNearLimit(usage: UsageResponse): boolean {
  return !usage.unlimited && !!usage.limit && usage.remaining !== null && usage.remaining <= usage.limit * NEAR_LIMIT;
}
