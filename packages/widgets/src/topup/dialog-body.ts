import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type CSSResult, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ApiClientController } from '../shared/api/api-client-controller.js';
import { ApiError, type ApiClient } from '../shared/api/api-client.js';
import type { Money, PaymentLink, Topup, TopupOptions, TopupPush } from '../shared/api/types.js';
import type { LocalizeController } from '../shared/localization/localize.js';
import { topupEnglish } from '../shared/localization/translations/en-topup.js';
import { checkAmount, fractionDigits, type AmountCheck, type AmountProblem } from './amount.js';
import { linkField } from './link-field.js';
import { OpenLinksController } from './open-links.js';
import { PaymentFlowController } from './payment-flow.js';
import styles from './dialog-body.styles.js';
import { LINK_EXPIRY_HOURS } from './topup.js';

type View = 'amount' | 'waiting' | 'succeeded' | 'failed' | 'expired' | 'link';

const serverProblems: Record<string, AmountProblem> = {
  amount_below_minimum: 'belowMin',
  amount_above_maximum: 'aboveMax',
  amount_not_a_step: 'notAStep',
};

/** What the body needs from its `<wa-topup>`. */
export interface TopupDialogHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  disableTopup: boolean;
  disablePaymentLinks: boolean;
  pollInterval: number;
}

export interface TopupDialogOptions {
  api: ApiClientController;
  localize: LocalizeController;
  /** Whether the dialog is open now. */
  isOpen: () => boolean;
  close: () => void;
  /** A new step replaced the one shown: focus moves to its first control. */
  stepChanged: () => void;
  succeeded: (topup: Topup) => void;
  linkCreated: (link: PaymentLink) => void;
  /** Says a message in the widget's persistent live region (a copy, a cancellation). */
  announce: (message: string) => void;
}

/**
 * Re-renders the host whenever the decorated field of a {@link TopupDialogBody} changes, as Lit's `@state`
 * does for an element's own fields.
 */
function hostState(prototype: object, name: string): void {
  const key = Symbol(name);
  Object.defineProperty(prototype, name, {
    get(this: Record<symbol, unknown>) {
      return this[key];
    },
    set(this: Record<symbol, unknown> & { host: ReactiveControllerHost }, value: unknown) {
      if (Object.is(value, this[key])) return;
      this[key] = value;
      this.host.requestUpdate();
    },
  });
}

/** Adds `styles` to those of a rendered shadow root (Lit's `adoptStyles` would replace them). */
function adoptStyles(root: HTMLElement | DocumentFragment, styles: CSSResult): void {
  if (root instanceof ShadowRoot && styles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
  else root.append(Object.assign(document.createElement('style'), { textContent: styles.cssText }));
}

/**
 * What `<wa-topup>`'s dialog shows, imported the first time the dialog opens so that a page pays only for the
 * "Add credits" button until then: the amount form, "Pay now" and its flow to the final status, payment-link
 * creation and the open links. Renders inside the host's `<dialog>`, below its title.
 */
export class TopupDialogBody implements ReactiveController {
  @hostState private view: View = 'amount';
  @hostState private preset: string | undefined;
  @hostState private custom = '';
  @hostState private problem: AmountProblem | undefined;
  @hostState private creatingLink = false;
  @hostState private payFailed = false;
  @hostState private linkFailed = false;
  @hostState private topupForbidden = false;
  @hostState private linksForbidden = false;
  @hostState private link: PaymentLink | undefined;
  @hostState private note = '';
  @hostState private expiresIn: number = 72;
  /** The view last rendered, to tell when a new step replaced it. */
  private shownView: View = 'amount';

  private readonly api: ApiClientController;
  private readonly localize: LocalizeController;
  private readonly openLinks: OpenLinksController;
  private readonly payment: PaymentFlowController;
  private readonly options: Task<readonly [ApiClient | undefined], TopupOptions>;

  constructor(
    private readonly host: TopupDialogHost,
    private readonly dialog: TopupDialogOptions,
  ) {
    this.api = dialog.api;
    this.localize = dialog.localize;
    this.localize.addEnglish(topupEnglish);
    adoptStyles(host.renderRoot, styles);
    host.addController(this);
    this.openLinks = new OpenLinksController(host, {
      api: this.api,
      localize: this.localize,
      announce: message => dialog.announce(message),
    });
    this.payment = new PaymentFlowController(host, {
      api: this.api,
      watched: () => dialog.isOpen() && this.view === 'waiting',
      pollInterval: () => host.pollInterval,
      settled: topup => {
        this.view = topup.status;
        if (topup.status === 'succeeded') dialog.succeeded(topup);
      },
    });
    this.options = new Task(host, {
      args: () => [this.api.client] as const,
      task: ([client], { signal }) => (client ? client.get<TopupOptions>('/v1/topup-options', { signal }) : initialState),
    });
    this.api.on('topup', push => this.receivePush(push));
    this.api.onClientChange(() => this.forgetAccount());
  }

  hostConnected(): void {}

  hostUpdated(): void {
    if (this.view === this.shownView) return;
    this.shownView = this.view;
    this.dialog.stepChanged();
  }

  /** The dialog is about to open: closing it abandoned any payment it showed, so it opens at the amount step. */
  opening(): void {
    if (this.view !== 'amount') this.view = 'amount';
  }

  /** The dialog opened: the open links load. */
  opened(): void {
    if (!this.host.disablePaymentLinks) void this.openLinks.load();
  }

  /** The dialog closed: a payment still waiting is abandoned, on the server too. */
  closed(): void {
    this.payment.abandon();
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
    if (this.view !== 'amount') this.view = 'amount';
    if (this.dialog.isOpen() && !this.host.disablePaymentLinks) void this.openLinks.load();
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
    if (!check.ok) this.host.renderRoot.querySelector<HTMLInputElement>('[part="custom-amount"]')?.focus();
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
      this.dialog.linkCreated(link);
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
    if (push.source === 'payment_link' && this.dialog.isOpen() && !this.host.disablePaymentLinks) void this.openLinks.load({ fresh: true });
  }

  /** Back to the amount step; a payment still waiting is abandoned, on the server too. */
  private backToAmount(): void {
    this.view = 'amount';
    this.payment.abandon();
  }

  render() {
    return this.renderView();
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
          @input=${(event: Event) => this.onCustomInput(event)}
          @blur=${() => this.onCustomBlur()}
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
      ${this.host.disableTopup
        ? nothing
        : html`<section class="section" aria-labelledby="pay-heading">
            <h3 id="pay-heading" class="visually-hidden">${term('payNow')}</h3>
            ${this.topupForbidden
              ? html`<p part="forbidden" class="forbidden" role="alert">${term('topupForbidden')}</p>`
              : html`<div class="actions">
                    <button part="pay" type="button" aria-disabled=${this.payment.starting || this.creatingLink ? 'true' : 'false'} @click=${() => this.pay()}>
                      ${this.payment.starting ? term('payStarting') : term('payNow')}
                    </button>
                  </div>
                  ${this.payFailed ? html`<p part="error" class="error" role="alert">${term('payStartFailed')}</p>` : nothing}`}
          </section>`}
      ${this.host.disablePaymentLinks ? nothing : html`${this.renderLinkForm()} ${this.openLinks.render()}`}
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
          <button part="create-link" class="secondary" type="button" aria-disabled=${this.payment.starting || this.creatingLink ? 'true' : 'false'} @click=${() => this.createLink()}>
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
      ${linkField(this.localize, link, 'created-link', { focus: true, announce: message => this.dialog.announce(message) })}
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
          <div class="actions"><button part="done" type="button" data-focus @click=${() => this.dialog.close()}>${term('done')}</button></div>`;
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
