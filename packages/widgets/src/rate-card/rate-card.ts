import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ApiClientController } from '../shared/api/api-client-controller.js';
import { LocalizeController } from '../shared/localization/localize.js';
import { marketEnglish } from '../shared/localization/translations/en/markets.js';
import { rateCardEnglish } from '../shared/localization/translations/en/rate-card.js';
import { fromMicros, toMicros } from '../shared/formatting/micros.js';
import { dataWidgetStyles } from '../shared/ui/states.styles.js';
import { widgetBaseStyles } from '../shared/ui/theme.styles.js';
import type { BalanceResponse, Money, RateCardResponse } from '../shared/api/types.js';
import { ApiWidgetElement } from '../shared/ui/api-widget-element.js';
import { categoriesOf, estimate, groupByMarket, searchMarkets, type EstimateLine, type MarketPrices } from './markets.js';
import styles from './rate-card.styles.js';
import { loadError } from '../shared/ui/load-error.js';
import { placeholderWords } from '../shared/ui/placeholder-words.js';

/**
 * @summary The prices of a delivered message by market and category, with a market search, and an estimator
 * that prices a campaign exactly and says whether the balance covers it.
 * @tagname wa-rate-card
 *
 * @attr endpoint - Base URL of the server, for a widget used without a `<wa-session>`.
 * @attr client-secret - The widget session's `client_secret`, for a widget used without a `<wa-session>`.
 * @attr locale - Overrides the session's locale for this widget.
 * @attr theme - `dark`, `light` or `auto` (follows `prefers-color-scheme`); by default the session's theme.
 *
 * @property strings - Overrides of the translated strings, e.g. `{ rateCardLabel: 'Prices' }`.
 *
 * @fires {WaCampaignEstimatedEvent} wa-campaign-estimated - The estimate changed; `detail` is
 *  `{ total, balance, shortfall }` (exact money).
 * @fires {WaSessionExpiredEvent} wa-session-expired - Standalone only: the client secret expired.
 * @fires {WaRequestFailedEvent} wa-request-failed - Standalone only: a request failed.
 *
 * @csspart base - The card around everything.
 * @csspart label - The "Message prices" label.
 * @csspart search - The market search field.
 * @csspart count - The live count of markets shown.
 * @csspart table - The price table.
 * @csspart no-match - The note shown when no market matches the search.
 * @csspart empty - The note shown when the card has no prices.
 * @csspart estimator - The "Price this campaign" section.
 * @csspart estimate-market - A line's market select.
 * @csspart estimate-category - A line's category select.
 * @csspart estimate-audience - A line's number of people.
 * @csspart estimate-cost - A line's estimated cost.
 * @csspart remove-line - A line's remove button.
 * @csspart add-line - The "Add a market" button.
 * @csspart total - The estimated total.
 * @csspart coverage - Whether the balance covers the campaign.
 * @csspart error - The error message shown when nothing could be loaded.
 * @csspart retry - The Retry button.
 *
 * @cssprop --wa-widget-color-text - Text colour.
 * @cssprop --wa-widget-color-muted - Secondary text (label, notes, codes).
 * @cssprop --wa-widget-color-surface - Card and field background.
 * @cssprop --wa-widget-color-border - Card, table and field borders.
 * @cssprop --wa-widget-color-accent - Buttons and focus ring.
 * @cssprop --wa-widget-color-warning - The "You need … more" line.
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
export class WaRateCard extends ApiWidgetElement {
  static override styles = [widgetBaseStyles, dataWidgetStyles, styles];

  @state() private query = '';
  @state() private lines: EstimateLine[] = [];
  @state() private balance: BalanceResponse | undefined;
  @state() private balanceFailed = false;

  private nextLineId = 1;
  private lastEstimate = '';

  private readonly localize = new LocalizeController(this, rateCardEnglish, marketEnglish);
  private readonly api = new ApiClientController(this);

  private readonly cardTask = new Task(this, {
    args: () => [this.api.client] as const,
    task: ([client], { signal }) => (client ? client.get<RateCardResponse>('/v1/rate-card', { signal }) : initialState),
    onComplete: card => {
      this.loadedCard = card;
    },
  });
  /** The last card loaded, kept on screen while it reloads; forgotten when the client changes. */
  @state() private loadedCard: RateCardResponse | undefined;

  private readonly balanceTask = new Task(this, {
    args: () => [this.api.client] as const,
    task: ([client], { signal }) => (client ? client.get<BalanceResponse>('/v1/balance', { signal }) : initialState),
    onComplete: balance => this.receiveBalance(balance),
    onError: () => {
      this.balanceFailed = true;
    },
  });

  constructor() {
    super();
    this.api.on('balance', balance => this.receiveBalance(balance));
    // another client may be another account, with other prices and another balance
    this.api.onClientChange(() => {
      this.loadedCard = undefined;
      this.balance = undefined;
      this.balanceFailed = false;
    });
  }

  /** Reloads the prices and the balance. */
  async refresh(): Promise<void> {
    await Promise.all([this.cardTask.run(), this.balanceTask.run()]);
  }

  private receiveBalance(balance: BalanceResponse): void {
    this.balance = balance;
    this.balanceFailed = false;
  }

  private get card(): RateCardResponse | undefined {
    // a reload keeps the last prices (no skeleton, no layout shift)
    return this.cardTask.status === TaskStatus.ERROR ? undefined : this.loadedCard;
  }

  private get markets(): MarketPrices[] {
    const card = this.card;
    return card ? groupByMarket(card.rates, this.localize.locale, (code, name) => this.localize.term('marketName', code, name)) : [];
  }

  protected override willUpdate(): void {
    const card = this.card;
    if (card?.rates.length && !this.lines.length) this.lines = [this.newLine()];
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const card = this.card;
    if (!card?.rates.length) return;
    const { total } = estimate(this.lines, this.markets, card.currency, this.localize.locale);
    const balance = this.comparableBalance(card.currency);
    const shortfall = balance ? missing(total, balance) : null;
    const key = JSON.stringify([total, balance, shortfall]);
    if (key !== this.lastEstimate) {
      const first = this.lastEstimate === '';
      this.lastEstimate = key;
      if (!first) this.emit('wa-campaign-estimated', { total, balance, shortfall });
    }
  }

  protected override render() {
    const card = this.card;
    const failure = this.cardTask.status === TaskStatus.ERROR ? this.cardTask.error : undefined;
    return html`
      <div part="base" class="card" role="group" aria-labelledby="label" aria-busy=${!card && !failure ? 'true' : 'false'}>
        <span part="label" class="label" id="label" role="heading" aria-level=${this.headingLevel}>${this.localize.term('rateCardLabel')}</span>
        ${card ? this.renderCard(card) : failure ? this.renderError(failure) : this.renderSkeleton()}
      </div>
    `;
  }

  private renderCard(card: RateCardResponse) {
    if (!card.rates.length) return html`<p part="empty" class="empty">${this.localize.term('rateCardEmpty')}</p>`;
    const categories = categoriesOf(card.rates);
    const markets = this.markets;
    const shown = searchMarkets(markets, this.query);
    return html`
      <div class="search">
        <label for="search">${this.localize.term('rateCardSearch')}</label>
        <input id="search" part="search" type="search" autocomplete="off" .value=${this.query} @input=${this.onSearch} />
        <span part="count" class="muted" data-announce="count" data-announce-after-pause data-announce-changes-only>${this.localize.term('rateCardCount', shown.length, this.localize.number(shown.length))}</span>
      </div>
      ${shown.length
        ? html`<div class="table-scroll" role="region" aria-labelledby="prices-caption" tabindex="0">
          <table part="table">
            <caption id="prices-caption" class="muted">${this.localize.term('rateCardCaption', card.currency)}</caption>
            <thead>
              <tr>
                <th scope="col">${this.localize.term('rateCardMarketColumn')}</th>
                ${categories.map(category => html`<th scope="col" class="number">${this.localize.term('pricingCategory', category)}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${shown.map(
                market => html`<tr>
                  <th scope="row">${market.name} <span class="code">${market.code}</span></th>
                  ${categories.map(category => {
                    const price = market.prices.get(category);
                    return html`<td class="number">
                      ${price ? this.localize.money(price) : html`<span aria-hidden="true">—</span><span class="visually-hidden">${this.localize.term('noPrice')}</span>`}
                    </td>`;
                  })}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`
        : html`<p part="no-match" class="empty">${this.localize.term('rateCardNoMatch', this.query.trim())}</p>`}
      ${this.renderEstimator(card, markets, categories)}
    `;
  }

  private renderEstimator(card: RateCardResponse, markets: MarketPrices[], categories: string[]) {
    const result = estimate(this.lines, markets, card.currency, this.localize.locale);
    return html`
      <fieldset part="estimator" class="estimator" aria-describedby="estimator-hint">
        <legend>${this.localize.term('estimatorLabel')}</legend>
        <p id="estimator-hint" class="muted">${this.localize.term('estimatorHint')}</p>
        <ol class="lines">
          ${repeat(
            this.lines,
            line => line.id,
            (line, index) => this.renderLine(line, index, result.lines[index]!, markets, categories),
          )}
        </ol>
        <div class="actions">
          <button part="add-line" class="secondary" type="button" @click=${this.addLine}>${this.localize.term('estimatorAddRow')}</button>
        </div>
        <div class="summary" data-announce="estimate" data-announce-after-pause data-announce-changes-only>
          <p part="total" class="total">${this.localize.term('estimatorTotal', this.localize.money(result.total))}</p>
          ${this.renderCoverage(result.total)}
        </div>
      </fieldset>
    `;
  }

  private renderLine(line: EstimateLine, index: number, priced: ReturnType<typeof estimate>['lines'][number], markets: MarketPrices[], categories: string[]) {
    const row = index + 1;
    const problem = 'problem' in priced ? priced.problem : undefined;
    const errorId = `line-${line.id}-problem`;
    return html`<li><div class="line" role="group" aria-label=${this.localize.term('estimatorRow', row)}>
      <label>
        <span>${this.localize.term('estimatorMarket')}</span>
        <select part="estimate-market" @change=${(event: Event) => this.editLine(line.id, { market: (event.target as HTMLSelectElement).value })}>
          ${markets.map(market => html`<option value=${market.code} ?selected=${market.code === line.market}>${market.name}</option>`)}
        </select>
      </label>
      <label>
        <span>${this.localize.term('estimatorCategory')}</span>
        <select part="estimate-category" @change=${(event: Event) => this.editLine(line.id, { category: (event.target as HTMLSelectElement).value })}>
          ${categories.map(category => html`<option value=${category} ?selected=${category === line.category}>${this.localize.term('pricingCategory', category)}</option>`)}
        </select>
      </label>
      <label>
        <span>${this.localize.term('estimatorAudience')}</span>
        <input
          part="estimate-audience"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          .value=${line.audience}
          aria-invalid=${problem === 'invalid-audience' ? 'true' : 'false'}
          aria-describedby=${problem ? errorId : nothing}
          @input=${(event: Event) => this.editLine(line.id, { audience: (event.target as HTMLInputElement).value })}
        />
      </label>
      <span class="cost">
        <span class="visually-hidden">${this.localize.term('estimatorCost')}:</span>
        <span part="estimate-cost">${'cost' in priced ? this.localize.money(priced.cost) : '—'}</span>
      </span>
      ${this.lines.length > 1
        ? html`<button part="remove-line" class="secondary" type="button" aria-label=${this.localize.term('estimatorRemoveRow', row)} @click=${() => this.removeLine(line.id)}>
            <span aria-hidden="true">×</span>
          </button>`
        : nothing}
      ${problem
        ? html`<p id=${errorId} class="problem">
            ${this.localize.term(problem === 'invalid-audience' ? 'estimatorInvalidAudience' : 'estimatorNoPrice')}
          </p>`
        : nothing}
    </div></li>`;
  }

  private renderCoverage(total: Money) {
    if (toMicros(total.amount) <= 0n) return nothing;
    if (this.balanceFailed && !this.balance) {
      return html`<p part="coverage" class="muted">${this.localize.term('estimatorBalanceUnavailable')}</p>`;
    }
    const balance = this.comparableBalance(total.currency);
    if (!balance) return nothing;
    const shortfall = missing(total, balance);
    return shortfall
      ? html`<p part="coverage" class="coverage coverage--short">${this.localize.term('estimatorShortfall', this.localize.money(shortfall))}</p>`
      : html`<p part="coverage" class="coverage">${this.localize.term('estimatorCovered', this.localize.money(balance))}</p>`;
  }

  private renderError(failure: unknown) {
    return loadError(this.localize, failure, this.localize.term('rateCardLoadFailed'), () => this.refresh());
  }

  /**
   * The loaded layout with placeholders, so the first paint doesn't jump when the prices arrive: the search row,
   * the caption, the table's header and `SKELETON_MARKETS.length` rows (the number of markets varies: a longer
   * card grows below), and the estimator with one empty line. Static words (labels, headers, legend) are
   * placeholder bars of the real words, so they wrap like them.
   */
  private renderSkeleton() {
    const { localize } = this;
    const box = (kind: string) => html`<span class="skeleton skeleton-control ${kind}">&nbsp;</span>`;
    return html`
      <span class="visually-hidden">${localize.term('loading')}</span>
      <div class="search" aria-hidden="true">
        ${placeholderWords(localize.term('rateCardSearch'))} ${box('skeleton-search')}
        <span class="muted"><span class="skeleton skeleton-count">&nbsp;</span></span>
      </div>
      <table aria-hidden="true">
        <caption class="muted">${placeholderWords(localize.term('rateCardCaption', 'USD'))}</caption>
        <thead>
          <tr>
            <th>${placeholderWords(localize.term('rateCardMarketColumn'))}</th>
            ${SKELETON_CATEGORIES.map(category => html`<th class="number">${placeholderWords(localize.term('pricingCategory', category))}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${SKELETON_MARKETS.map(
            code => html`<tr>
              <th>${placeholderWords(localize.term('marketName', code, code))} <span class="code">${placeholderWords(code)}</span></th>
              ${SKELETON_CATEGORIES.map(() => html`<td class="number"><span class="skeleton skeleton-price">&nbsp;</span></td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
      <fieldset class="estimator" aria-hidden="true">
        <legend>${placeholderWords(localize.term('estimatorLabel'))}</legend>
        <p class="muted">${placeholderWords(localize.term('estimatorHint'))}</p>
        <div class="lines">
          <div class="line">
            <span class="field">${placeholderWords(localize.term('estimatorMarket'))}${box('skeleton-select')}</span>
            <span class="field">${placeholderWords(localize.term('estimatorCategory'))}${box('skeleton-select')}</span>
            <span class="field">${placeholderWords(localize.term('estimatorAudience'))}${box('skeleton-audience')}</span>
            <span class="cost">&nbsp;</span>
          </div>
        </div>
        <div class="actions">${placeholderWords(localize.term('estimatorAddRow'), 'skeleton-button')}</div>
        <div class="summary"><p class="total"><span class="skeleton">&nbsp;</span></p></div>
      </fieldset>
    `;
  }


  /** The balance, when it is in the card's currency (else no comparison makes sense). */
  private comparableBalance(currency: string): Money | null {
    const balance = this.balance?.balance;
    return balance && balance.currency === currency ? balance : null;
  }

  private newLine(): EstimateLine {
    const card = this.card;
    const first = this.markets[0]?.code ?? '';
    const categories = card ? categoriesOf(card.rates) : [];
    return { id: this.nextLineId++, market: first, category: categories[0] ?? '', audience: '' };
  }

  private onSearch(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  private editLine(id: number, change: Partial<EstimateLine>): void {
    this.lines = this.lines.map(line => (line.id === id ? { ...line, ...change } : line));
  }

  private async addLine(): Promise<void> {
    this.lines = [...this.lines, this.newLine()];
    await this.updateComplete;
    [...this.renderRoot.querySelectorAll<HTMLSelectElement>('[part~="estimate-market"]')].at(-1)?.focus();
  }

  private async removeLine(id: number): Promise<void> {
    this.lines = this.lines.filter(line => line.id !== id);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part~="add-line"]')?.focus();
  }
}

/** The header columns and the rows of markets the loading skeleton reserves room for (a common card's). */
const SKELETON_CATEGORIES = ['marketing', 'utility', 'authentication'];
const SKELETON_MARKETS = ['BR', 'IN', 'ID'];

/** How much more than `balance` the campaign costs, or `null` when the balance covers it. */
function missing(total: Money, balance: Money): Money | null {
  const gap = toMicros(total.amount) - toMicros(balance.amount);
  return gap > 0n ? { amount: fromMicros(gap), currency: total.currency } : null;
}
