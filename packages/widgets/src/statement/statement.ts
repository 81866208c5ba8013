import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ApiClientController } from '../shared/api/api-client-controller.js';
import { ApiError } from '../shared/api/api-client.js';
import { LocalizeController } from '../shared/localization/localize.js';
import { statementEnglish } from '../shared/localization/translations/en/statement.js';
import { marketEnglish } from '../shared/localization/translations/en/markets.js';
import { dataWidgetStyles } from '../shared/ui/states.styles.js';
import { widgetBaseStyles } from '../shared/ui/theme.styles.js';
import type { Money, StatementDailyTotal, StatementEntry, StatementResponse } from '../shared/api/types.js';
import { ApiWidgetElement } from '../shared/ui/api-widget-element.js';
import {
  currentMonth,
  formatSignedMoney,
  groupByDay,
  isValidRange,
  saveFile,
  STATEMENT_KINDS,
  statementQuery,
  type StatementDay,
  type StatementFilters,
} from './statement-query.js';
import styles from './statement.styles.js';
import { loadError } from '../shared/ui/load-error.js';

const creditIcon = html`<svg class="type-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1m.75 3.5h-1.5v2.75H4.5v1.5h2.75v2.75h1.5V8.75h2.75v-1.5H8.75z"/>
</svg>`;
const debitIcon = html`<svg class="type-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1M4.5 7.25v1.5h7v-1.5z"/>
</svg>`;

/** The loaded statement of one query: the first page and every page loaded after it. */
interface LoadedStatement {
  query: string;
  entries: StatementEntry[];
  totals: Map<string, StatementDailyTotal>;
  opening: Money;
  closing: Money;
  nextCursor: string | null;
  unpricedCount: number;
  /** Pages shown: beyond the first, a reload would throw away what "Load more" brought. */
  pages: number;
}

/** A pushed balance reloads the statement at most once in this many milliseconds. */
const PUSH_RELOAD_MS = 5_000;

/**
 * @summary The messaging credit statement: every credit and debit of a date range, grouped by day with the
 * day's totals, filtered by type and kind, paged with "Load more", and downloadable as CSV.
 * @tagname wa-statement
 *
 * @attr endpoint - Base URL of the server, for a widget used without a `<wa-session>`.
 * @attr client-secret - The widget session's `client_secret`, for a widget used without a `<wa-session>`.
 * @attr locale - Overrides the session's locale for this widget.
 * @attr theme - `dark`, `light` or `auto` (follows `prefers-color-scheme`); by default the session's theme.
 * @attr from - First day shown, `YYYY-MM-DD` (UTC days); the first day of the current month by default.
 * @attr to - Last day shown, included, `YYYY-MM-DD`; the last day of the current month by default.
 * @attr type - `credit` or `debit` to show only those; empty for both.
 * @attr kind - `message`, `topup`, `payment_link` or `adjustment` to show only that kind; empty for all.
 * @attr page-size - Entries per page (1–200, 50 by default).
 *
 * @property strings - Overrides of the translated strings, e.g. `{ statementLabel: 'Credit history' }`.
 *
 * @fires {WaStatementDownloadedEvent} wa-statement-downloaded - The CSV export was handed to the browser;
 *  `detail` is `{ filename }`.
 * @fires {WaSessionExpiredEvent} wa-session-expired - Standalone only: the client secret expired.
 * @fires {WaRequestFailedEvent} wa-request-failed - Standalone only: a request failed.
 *
 * @csspart base - The card around everything.
 * @csspart label - The "Messaging credit statement" label.
 * @csspart filters - The date range, type and kind filters.
 * @csspart filter - Each filter (its label and control); also `filter-from`, `filter-to`, `filter-type`, `filter-kind`.
 * @csspart filter-label - Each filter's label.
 * @csspart filter-input - Each filter's field; also `from`, `to`, `type` or `kind`.
 * @csspart range-error - The message shown when the end date is before the start date.
 * @csspart download - The "Download CSV" button.
 * @csspart download-error - The message shown when the download failed.
 * @csspart export-forbidden - The explanation shown instead of the button when the session may not export.
 * @csspart summary - Opening and closing balances.
 * @csspart opening - The opening balance.
 * @csspart unpriced - The note about delivered messages that had no price and were not charged.
 * @csspart closing - The closing balance.
 * @csspart table - The statement table.
 * @csspart day - The header row of a day, with its credits and debits.
 * @csspart row - An entry's row; also `row-credit` or `row-debit`.
 * @csspart amount - An entry's signed amount.
 * @csspart empty - "No transactions in this period".
 * @csspart load-more - The "Load more" button.
 * @csspart load-more-error - The message shown when loading more failed.
 * @csspart new-entries - The note that new transactions arrived while several pages are shown.
 * @csspart show-new - Its Show button, which reloads the first page.
 * @csspart error - The error message shown when the statement could not be loaded.
 * @csspart retry - The Retry button.
 *
 * @cssprop --wa-widget-color-text - Text colour.
 * @cssprop --wa-widget-color-muted - Secondary text (label, details, notes).
 * @cssprop --wa-widget-color-surface - Card background.
 * @cssprop --wa-widget-color-border - Card, field and table borders.
 * @cssprop --wa-widget-color-accent - Buttons and focus ring.
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
export class WaStatement extends ApiWidgetElement {
  static override styles = [widgetBaseStyles, dataWidgetStyles, styles];

  /** First day shown (`YYYY-MM-DD`); the first day of the current month by default. */
  @property() from = '';

  /** Last day shown, included (`YYYY-MM-DD`); the last day of the current month by default. */
  @property() to = '';

  /** `credit` or `debit`; empty for both. */
  @property() type: StatementFilters['type'] = '';

  /** One kind of entry; empty for all. */
  @property() kind: StatementFilters['kind'] = '';

  /** Entries per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  @state() private loaded: LoadedStatement | undefined;
  @state() private failure: unknown;
  @state() private loadingMore = false;
  @state() private loadMoreFailed = false;
  @state() private exporting = false;
  @state() private exportFailure: 'forbidden' | 'failed' | undefined;
  /** New transactions were pushed while several pages are shown: offered, not reloaded. */
  @state() private newEntries = false;

  private defaultsApplied = false;
  private lastPushReload = Number.NEGATIVE_INFINITY;
  private pushReloadTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly localize = new LocalizeController(this, statementEnglish, marketEnglish);
  private readonly api = new ApiClientController(this);

  private readonly task = new Task(this, {
    args: () => [this.api.client, this.query] as const,
    task: async ([client, query], { signal }) => {
      if (!client || query === undefined) return initialState;
      const page = await client.get<StatementResponse>(`/v1/statement?${query}`, { signal });
      return { query, page };
    },
    onComplete: ({ query, page }) => this.receiveFirstPage(query, page),
    onError: error => {
      this.failure = error;
    },
  });

  constructor() {
    super();
    this.api.on('balance', () => this.balancePushed());
    // another client may be another account: none of its pages or notes may stay
    this.api.onClientChange(() => {
      this.loaded = undefined;
      this.failure = undefined;
      this.loadMoreFailed = false;
      this.loadingMore = false;
      this.exporting = false;
      this.exportFailure = undefined;
      this.newEntries = false;
      clearTimeout(this.pushReloadTimer);
      this.pushReloadTimer = undefined;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.pushReloadTimer);
    this.pushReloadTimer = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.defaultsApplied) return;
    this.defaultsApplied = true;
    const month = currentMonth();
    this.from ||= month.from;
    this.to ||= month.to;
  }

  /**
   * Reloads the first page with the current range and filters (also done when a new balance is pushed, at
   * most every 5 s, and only while no "Load more" page is shown).
   */
  refresh(): Promise<void> {
    this.failure = undefined;
    return this.task.run();
  }

  /** Every message sent pushes a balance: reload at most every {@link PUSH_RELOAD_MS}, the last push included. */
  private balancePushed(): void {
    if (this.pushReloadTimer !== undefined) return;
    const wait = this.lastPushReload + PUSH_RELOAD_MS - Date.now();
    if (wait <= 0) {
      this.reloadForPush();
      return;
    }
    this.pushReloadTimer = setTimeout(() => {
      this.pushReloadTimer = undefined;
      this.reloadForPush();
    }, wait);
  }

  private reloadForPush(): void {
    // a reload would drop the pages "Load more" brought and the focus in them: offer it instead
    if (this.loaded && this.loaded.pages > 1) {
      this.newEntries = true;
      return;
    }
    this.lastPushReload = Date.now();
    void this.refresh();
  }

  private showNewEntries(): void {
    this.newEntries = false;
    void this.refresh();
  }

  private get filters(): StatementFilters {
    return { from: this.from, to: this.to, type: this.type, kind: this.kind };
  }

  /** The first page's query, or `undefined` while the range is not valid. */
  private get query(): string | undefined {
    const { filters } = this;
    if (!isValidRange(filters)) return undefined;
    return statementQuery(filters, { limit: String(this.pageSize) });
  }

  private receiveFirstPage(query: string, page: StatementResponse): void {
    this.loaded = {
      query,
      entries: page.entries,
      totals: new Map(page.daily_totals.map(total => [total.date, total])),
      opening: page.opening_balance,
      closing: page.closing_balance,
      nextCursor: page.next_cursor,
      unpricedCount: page.unpriced_messages?.count ?? 0,
      pages: 1,
    };
    this.newEntries = false;
    this.failure = undefined;
    this.loadMoreFailed = false;
  }

  private async loadMore(): Promise<void> {
    const { loaded } = this;
    const client = this.api.client;
    if (!loaded?.nextCursor || !client || this.loadingMore) return;
    this.loadingMore = true;
    this.loadMoreFailed = false;
    try {
      const page = await client.get<StatementResponse>(`/v1/statement?${loaded.query}&cursor=${encodeURIComponent(loaded.nextCursor)}`);
      if (this.loaded !== loaded || !this.api.isCurrent(client)) return;
      const firstNew = page.entries[0]?.id;
      const totals = new Map(loaded.totals);
      for (const total of page.daily_totals) totals.set(total.date, total);
      this.loaded = { ...loaded, entries: [...loaded.entries, ...page.entries], totals, nextCursor: page.next_cursor, pages: loaded.pages + 1 };
      const count = page.entries.length;
      const more = this.localize.term('statementLoadedMore', count, this.localize.number(count));
      this.announcer.announce(page.next_cursor ? more : `${more} ${this.localize.term('statementAllLoaded')}`);
      await this.updateComplete;
      // the button is gone on the last page: carry focus to the first row it brought rather than to <body>
      if (!page.next_cursor && firstNew) this.renderRoot.querySelector<HTMLElement>(`[data-entry="${CSS.escape(firstNew)}"]`)?.focus();
    } catch {
      if (this.loaded === loaded) this.loadMoreFailed = true;
    } finally {
      this.loadingMore = false;
    }
  }

  private async download(): Promise<void> {
    const client = this.api.client;
    const { filters } = this;
    if (!client || this.exporting || !isValidRange(filters)) return;
    this.exporting = true;
    this.exportFailure = undefined;
    this.announcer.announce(this.localize.term('statementDownloading'));
    try {
      const fallbackName = `statement-${filters.from || 'start'}-${filters.to || 'now'}.csv`;
      const file = await client.download(`/v1/statement?${statementQuery(filters, { format: 'csv' })}`, { accept: 'text/csv', fallbackName });
      if (!this.api.isCurrent(client)) return;
      saveFile(file.blob, file.filename, this.renderRoot);
      this.announcer.announce(this.localize.term('statementDownloaded', file.filename));
      this.emit('wa-statement-downloaded', { filename: file.filename });
    } catch (cause) {
      if (!this.api.isCurrent(client)) return;
      this.exportFailure = cause instanceof ApiError && cause.status === 403 ? 'forbidden' : 'failed';
      if (this.exportFailure === 'forbidden') {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[part~="export-forbidden"]')?.focus();
      }
    } finally {
      this.exporting = false;
    }
  }

  private setFilter(name: keyof StatementFilters, value: string): void {
    (this as Record<keyof StatementFilters, string>)[name] = value;
  }

  protected override render() {
    const pending = this.task.status === TaskStatus.PENDING;
    const failure = pending ? undefined : this.failure;
    const validRange = isValidRange(this.filters);
    const current = this.loaded?.query === this.query ? this.loaded : undefined;
    const shown = validRange && !failure ? (current ?? this.loaded) : undefined;
    const busy = validRange && !failure && (pending || !current);
    return html`
      <div part="base" class="card" role="group" aria-labelledby="label" aria-busy=${busy ? 'true' : 'false'}>
        <div class="header">
          <span part="label" class="label" id="label" role="heading" aria-level=${this.headingLevel}>${this.localize.term('statementLabel')}</span>
          ${this.renderDownload()}
        </div>
        ${this.renderFilters(validRange)}
        ${!validRange
          ? nothing
          : failure
            ? this.renderError(failure)
            : shown
              ? this.renderStatement(shown, busy)
              : this.renderSkeleton()}
      </div>
    `;
  }

  private renderDownload() {
    const { localize } = this;
    if (this.exportFailure === 'forbidden') {
      return html`<p part="export-forbidden" class="note" tabindex="-1">${localize.term('statementExportForbidden')}</p>`;
    }
    return html`<div class="download">
      <button part="download" class="secondary" type="button" aria-disabled=${this.exporting ? 'true' : 'false'} @click=${() => this.download()}>
        ${localize.term('statementDownload')}
      </button>
      ${this.exportFailure === 'failed'
        ? html`<p part="download-error" class="error" role="alert">${localize.term('statementDownloadFailed')}</p>`
        : nothing}
    </div>`;
  }

  private renderFilters(validRange: boolean) {
    const { localize } = this;
    const change = (name: keyof StatementFilters) => (event: Event) =>
      this.setFilter(name, (event.target as HTMLInputElement | HTMLSelectElement).value);
    return html`
      <fieldset part="filters" class="filters">
        <legend class="visually-hidden">${localize.term('statementFilters')}</legend>
        <div part="filter filter-from" class="field">
          <label part="filter-label" for="from">${localize.term('statementFrom')}</label>
          <input part="filter-input from" id="from" type="date" .value=${this.from} max=${this.to || nothing} @change=${change('from')} />
        </div>
        <div part="filter filter-to" class="field">
          <label part="filter-label" for="to">${localize.term('statementTo')}</label>
          <input
            part="filter-input to"
            id="to"
            type="date"
            .value=${this.to}
            min=${this.from || nothing}
            aria-invalid=${validRange ? 'false' : 'true'}
            aria-describedby=${validRange ? nothing : 'range-error'}
            @change=${change('to')}
          />
        </div>
        <div part="filter filter-type" class="field">
          <label part="filter-label" for="type">${localize.term('statementType')}</label>
          <select part="filter-input type" id="type" @change=${change('type')}>
            <option value="" ?selected=${!this.type}>${localize.term('statementTypeAll')}</option>
            <option value="credit" ?selected=${this.type === 'credit'}>${localize.term('statementTypeCredits')}</option>
            <option value="debit" ?selected=${this.type === 'debit'}>${localize.term('statementTypeDebits')}</option>
          </select>
        </div>
        <div part="filter filter-kind" class="field">
          <label part="filter-label" for="kind">${localize.term('statementKind')}</label>
          <select part="filter-input kind" id="kind" @change=${change('kind')}>
            <option value="" ?selected=${!this.kind}>${localize.term('statementKindAll')}</option>
            ${STATEMENT_KINDS.map(
              kind => html`<option value=${kind} ?selected=${this.kind === kind}>${localize.term('statementKindFilter', kind)}</option>`,
            )}
          </select>
        </div>
      </fieldset>
      ${validRange
        ? nothing
        : html`<p part="range-error" id="range-error" class="error" role="alert">${localize.term('statementRangeInvalid')}</p>`}
    `;
  }

  private renderStatement(statement: LoadedStatement, busy: boolean) {
    const { localize } = this;
    const days = groupByDay(statement.entries, statement.totals);
    return html`
      ${this.newEntries
        ? html`<p part="new-entries" class="note" data-announce="new-entries">
            ${localize.term('statementNewEntries')}
            <button part="show-new" class="secondary" type="button" @click=${() => this.showNewEntries()}>${localize.term('statementShowNew')}</button>
          </p>`
        : nothing}
      <dl part="summary" class="summary">
        <div><dt>${localize.term('statementOpening')}</dt><dd part="opening">${localize.money(statement.opening)}</dd></div>
        <div><dt>${localize.term('statementClosing')}</dt><dd part="closing">${localize.money(statement.closing)}</dd></div>
      </dl>
      ${days.length === 0
        ? html`<p part="empty" class="empty">${localize.term('statementEmpty')}</p>`
        : html`<div class=${classMap({ 'table-wrap': true, refreshing: busy })}>
            <table part="table">
              ${this.renderHead()} ${days.map(day => this.renderDay(day))}
            </table>
          </div>`}
      ${statement.unpricedCount > 0
        ? html`<p part="unpriced" class="note" role="note">
            ${localize.term('statementUnpriced', statement.unpricedCount, localize.number(statement.unpricedCount))}
          </p>`
        : nothing}
      <p class="muted">${localize.term('statementTimesNote')}</p>
      ${statement.nextCursor
        ? html`<div class="actions">
            <button part="load-more" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${() => this.loadMore()}>
              ${localize.term(this.loadingMore ? 'loading' : 'statementLoadMore')}
            </button>
          </div>`
        : nothing}
      ${this.loadMoreFailed
        ? html`<p part="load-more-error" class="error" role="alert">${localize.term('statementLoadMoreFailed')}</p>`
        : nothing}
    `;
  }

  private renderHead() {
    const { localize } = this;
    const day = (date: string) => localize.date(`${date}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
    return html`
      <caption part="caption">
        ${localize.term('statementCaption', this.from ? day(this.from) : '…', this.to ? day(this.to) : '…')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${localize.term('statementDateColumn')}</th>
          <th scope="col">${localize.term('statementDescriptionColumn')}</th>
          <th scope="col">${localize.term('statementTypeColumn')}</th>
          <th scope="col" class="number">${localize.term('statementAmountColumn')}</th>
          <th scope="col" class="number">${localize.term('statementBalanceColumn')}</th>
        </tr>
      </thead>
    `;
  }

  private renderDay(day: StatementDay) {
    const { localize } = this;
    const locale = localize.locale;
    return html`
      <tbody>
        <tr part="day" class="day">
          <th scope="rowgroup" colspan="3">${localize.date(`${day.date}T00:00:00Z`, { dateStyle: 'full', timeZone: 'UTC' })}</th>
          <td colspan="2" class="number">
            ${day.totals
              ? localize.term('statementDayTotals', formatSignedMoney(day.totals.credits, locale), formatSignedMoney(day.totals.debits, locale))
              : nothing}
          </td>
        </tr>
        ${day.entries.map(entry => this.renderEntry(entry))}
      </tbody>
    `;
  }

  private renderEntry(entry: StatementEntry) {
    const { localize } = this;
    const credit = entry.type === 'credit';
    const details = this.messageDetails(entry);
    return html`
      <tr part="row ${credit ? 'row-credit' : 'row-debit'}" data-entry=${entry.id} tabindex="-1">
        <td><time datetime=${entry.at}>${localize.date(entry.at, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })}</time></td>
        <td>
          <span class="description">${entry.description}</span>
          ${details ? html`<span part="details" class="details">${details}</span>` : nothing}
        </td>
        <td>
          <span class=${classMap({ type: true, 'type--credit': credit, 'type--debit': !credit })}>
            ${credit ? creditIcon : debitIcon}${localize.term(credit ? 'credit' : 'debit')}
          </span>
          <span class="details">${localize.term('statementKindName', entry.kind)}</span>
        </td>
        <td part="amount" class="number">${formatSignedMoney(entry.amount, localize.locale)}</td>
        <td class="number">${localize.money(entry.balance_after)}</td>
      </tr>
    `;
  }

  /** "Marketing · India" for a message; nothing for other kinds. */
  private messageDetails(entry: StatementEntry): string {
    const { category, market } = entry.details;
    const parts: string[] = [];
    if (category) parts.push(this.localize.term('pricingCategory', category));
    if (market) parts.push(this.marketName(market));
    return parts.join(' · ');
  }

  private marketName(code: string): string {
    if (/^[A-Z]{2}$/.test(code)) {
      try {
        const name = new Intl.DisplayNames(this.localize.locale, { type: 'region' }).of(code);
        if (name && name !== code) return name;
      } catch {
        // an unknown region code falls through to our own names
      }
    }
    return this.localize.term('marketName', code, code);
  }

  private renderError(failure: unknown) {
    return loadError(this.localize, failure, this.localize.term('statementLoadFailed'), () => this.refresh());
  }

  private renderSkeleton() {
    const { localize } = this;
    const skeleton = html`<span class="skeleton">&nbsp;</span>`;
    return html`
      <span class="visually-hidden">${localize.term('loading')}</span>
      <dl part="summary" class="summary" aria-hidden="true">
        <div><dt>${localize.term('statementOpening')}</dt><dd>${skeleton}</dd></div>
        <div><dt>${localize.term('statementClosing')}</dt><dd>${skeleton}</dd></div>
      </dl>
      <div class="table-wrap" aria-hidden="true">
        <table>
          ${this.renderHead()}
          <tbody>
            ${[0, 1, 2].map(
              () => html`<tr class="skeleton-row">
                ${[0, 1, 2, 3, 4].map(() => html`<td>${skeleton}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

