import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../shared/api/api-client.js';
import type { ApiClientController } from '../shared/api/api-client-controller.js';
import type { LocalizeController } from '../shared/localization/localize.js';
import type { PaymentLink, PaymentLinkList } from '../shared/api/types.js';
import { linkField } from './link-field.js';

export type OpenLinksState = 'idle' | 'loading' | 'loaded' | 'failed' | 'forbidden';

/** The result of cancelling a link, for the message the person hears. */
export type CancelOutcome = 'cancelled' | 'paid' | 'forbidden' | 'failed';

/** What the list needs from its widget. */
export interface OpenLinksHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface OpenLinksOptions {
  api: ApiClientController;
  localize: LocalizeController;
  /** Says a message in the widget's live region (a copy, a cancellation). */
  announce: (message: string) => void;
}

/**
 * The account's open payment links (`GET /v1/payment-links`, keeping `status: "open"`), rendered by itself
 * ({@link render}) with Copy and Cancel, cancelling one after the person confirmed it
 * (`DELETE /v1/payment-links/:id`) with focus kept in the list. The list keeps showing while it reloads.
 */
export class OpenLinksController implements ReactiveController {
  state: OpenLinksState = 'idle';
  links: PaymentLink[] = [];
  /** The link whose cancellation waits for a confirmation. */
  confirming: string | undefined;
  /** The link being cancelled. */
  cancelling: string | undefined;
  private loads = 0;

  private readonly api: ApiClientController;

  constructor(
    private readonly host: OpenLinksHost,
    private readonly options: OpenLinksOptions,
  ) {
    this.api = options.api;
    host.addController(this);
    // another client may be another account: its links are not this one's, and its answers are dropped
    this.api.onClientChange(() => {
      this.loads++;
      this.state = 'idle';
      this.links = [];
      this.confirming = undefined;
      this.cancelling = undefined;
    });
  }

  hostConnected(): void {}

  /**
   * Loads the list; a slower, older answer never replaces a newer one. `fresh` after a change (a link created,
   * cancelled or paid), so the answer cannot come from a GET that started before it.
   */
  async load({ fresh = false }: { fresh?: boolean } = {}): Promise<void> {
    const client = this.api.client;
    if (!client) return;
    const load = ++this.loads;
    if (this.state !== 'loaded') this.state = 'loading';
    this.host.requestUpdate();
    try {
      const { data } = await client.get<PaymentLinkList>('/v1/payment-links', { fresh });
      if (load !== this.loads) return;
      this.links = data.filter(link => link.status === 'open');
      this.state = 'loaded';
    } catch (cause) {
      if (load !== this.loads) return;
      this.state = cause instanceof ApiError && cause.status === 403 ? 'forbidden' : 'failed';
    }
    this.host.requestUpdate();
  }

  /** Asks for (or withdraws, with `undefined`) the confirmation of cancelling a link. */
  confirm(id: string | undefined): void {
    this.confirming = id;
    this.host.requestUpdate();
  }

  async cancel(id: string): Promise<CancelOutcome> {
    const client = this.api.client;
    if (!client) return 'failed';
    this.cancelling = id;
    this.host.requestUpdate();
    let outcome: CancelOutcome = 'cancelled';
    try {
      await client.send<PaymentLink>('DELETE', `/v1/payment-links/${encodeURIComponent(id)}`);
    } catch (cause) {
      const code = cause instanceof ApiError ? cause : undefined;
      outcome = code?.code === 'payment_link_paid' ? 'paid' : code?.status === 403 ? 'forbidden' : 'failed';
    }
    if (!this.api.isCurrent(client)) return outcome;
    this.cancelling = undefined;
    if (outcome !== 'failed') this.confirming = undefined;
    if (outcome === 'cancelled' || outcome === 'paid') this.links = this.links.filter(link => link.id !== id);
    this.host.requestUpdate();
    if (outcome === 'cancelled' || outcome === 'paid') void this.load({ fresh: true });
    return outcome;
  }

  /** The "Open payment links" section: its heading, then the list, or why there is none. */
  render() {
    const { localize } = this.options;
    const term = localize.term.bind(localize);
    const { state, links, confirming, cancelling } = this;
    let body: TemplateResult;
    if (state === 'forbidden') body = html`<p part="forbidden" class="forbidden">${term('linksForbidden')}</p>`;
    else if (state === 'failed')
      body = html`<p part="error" class="error note">${term('openLinksFailed')}
        <button part="retry" class="secondary" type="button" @click=${() => this.load()}>${term('retry')}</button></p>`;
    else if (state !== 'loaded') body = html`<p class="muted" aria-busy="true">${term('loading')}</p>`;
    else if (links.length === 0) body = html`<p part="empty" class="muted">${term('openLinksEmpty')}</p>`;
    else
      body = html`<ul part="open-links" class="open-links">
        ${repeat(links, link => link.id, link => {
          const amount = localize.money(link.amount);
          return html`<li part="open-link" class="open-link" data-link=${link.id}>
            <div class="open-link-summary">
              <strong>${amount}</strong>
              ${link.note ? html`<span>${link.note}</span>` : nothing}
              <span class="muted">${term('linkExpires', localize.date(link.expires_at, { dateStyle: 'medium', timeStyle: 'short' }))}</span>
            </div>
            ${linkField(localize, link, `url-${link.id}`, { announce: this.options.announce })}
            ${confirming === link.id
              ? html`<div class="confirm" role="group" aria-labelledby=${`confirm-${link.id}`}>
                  <p id=${`confirm-${link.id}`}>${term('cancelLinkConfirm', amount)}</p>
                  <div class="actions">
                    <button part="confirm-cancel" class="danger" type="button" aria-disabled=${cancelling ? 'true' : 'false'}
                      @click=${() => !cancelling && this.cancelConfirmed(link)}>${term('cancelLinkYes')}</button>
                    <button part="keep-link" class="secondary" type="button" @click=${() => this.keep(link)}>${term('cancelLinkNo')}</button>
                  </div>
                </div>`
              : html`<div class="actions">
                  <button part="cancel-link" class="secondary" type="button" aria-label=${term('cancelLinkLabel', amount)}
                    @click=${() => this.askToCancel(link)}>${term('cancelLink')}</button>
                </div>`}
          </li>`;
        })}
      </ul>`;
    return html`<section class="section" aria-labelledby="open-links-heading">
      <h3 id="open-links-heading" part="open-links-heading" tabindex="-1">${term('openLinksHeading')}</h3>
      ${body}
    </section>`;
  }

  private askToCancel(link: PaymentLink): void {
    this.confirm(link.id);
    void this.focus('[part="confirm-cancel"]');
  }

  private keep(link: PaymentLink): void {
    this.confirm(undefined);
    void this.focus(`[data-link="${CSS.escape(link.id)}"] [part="cancel-link"]`);
  }

  private async cancelConfirmed(link: PaymentLink): Promise<void> {
    const outcome = await this.cancel(link.id);
    const key = ({ cancelled: 'linkCancelled', paid: 'linkAlreadyPaid', forbidden: 'linksForbidden', failed: 'cancelFailed' } as const)[outcome];
    this.options.announce(this.options.localize.term(key));
    if (outcome !== 'failed') await this.focus('[part="open-links-heading"]');
  }

  private async focus(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
