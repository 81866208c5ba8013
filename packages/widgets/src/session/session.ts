import { ContextProvider } from '@lit/context';
import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ApiClient, type ApiClientEventDetail } from '../shared/api/api-client.js';
import { apiClientContext, localeContext } from '../shared/api/context.js';
import { LiveFeed } from '../shared/api/live-feed.js';
import type { Translation } from '../shared/localization/localize.js';
import { WidgetElement } from '../shared/ui/widget-element.js';
import styles from './session.styles.js';

/**
 * @summary Connects the widgets inside it to one widget session: one API client, one language, one theme.
 * @tagname wa-session
 *
 * @slot - The widgets, and any other content.
 *
 * @attr endpoint - Base URL of the wa-widgets server; empty means the page's origin.
 * @attr client-secret - The `client_secret` of the widget session minted by the host's backend.
 * @attr locale - BCP 47 locale of every widget inside (`en`, `pt-BR`, `es`…); defaults to the document's `lang`.
 * @attr theme - `dark`, `light` or `auto` (follows `prefers-color-scheme`) for every widget inside. A theme only
 *  changes defaults: `--wa-widget-*` tokens the page sets (on `:root`, a wrapper or the session) still win.
 * @attr live-updates - `off` stops the one live-updates connection (`GET /v1/events`) the session keeps open.
 *
 * @property fetchClientSecret - Called when the session expires; resolves to a fresh `client_secret`.
 * @property strings - Overrides of the translated strings, e.g. `{ balanceLabel: 'Credit' }`.
 * @property client - The shared `ApiClient`, e.g. to push live updates with `client.emit('balance', …)`.
 *
 * @fires {WaSessionExpiredEvent} wa-session-expired - The client secret expired and could not be renewed.
 * @fires {WaRequestFailedEvent} wa-request-failed - A request to the API failed for another reason.
 *
 * @cssprop --wa-widget-color-text - Text colour of every widget inside.
 * @cssprop --wa-widget-color-surface - Background of every widget inside.
 * @cssprop --wa-widget-color-accent - Accent of every widget inside (buttons, links, focus ring); each widget lists all its tokens.
 */
export class WaSession extends WidgetElement {
  static override styles = styles;

  /** Base URL of the wa-widgets server; empty means the page's origin. */
  @property() endpoint = '';

  /** The `client_secret` of the widget session. */
  @property({ attribute: 'client-secret' }) clientSecret = '';

  /** BCP 47 locale of the widgets inside. */
  @property() locale = '';

  /** `dark`, `light`, or `auto` (follows `prefers-color-scheme`); empty takes the surroundings' theme. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | '' = '';

  /** `off` to keep no live-updates connection; widgets then change only when they reload. */
  @property({ attribute: 'live-updates' }) liveUpdates: 'on' | 'off' = 'on';

  /** Called when the session expires; resolves to a fresh `client_secret`. */
  @property({ attribute: false }) fetchClientSecret: (() => Promise<string>) | undefined;

  /** Overrides of the translated strings. */
  @property({ type: Object }) strings: Partial<Translation> = {};

  private readonly clientProvider = new ContextProvider(this, { context: apiClientContext });
  private readonly localeProvider = new ContextProvider(this, {
    context: localeContext,
    initialValue: { locale: '', strings: {} },
  });

  private feed: LiveFeed | undefined;

  /** The shared API client, once `client-secret` is set. */
  get client(): ApiClient | undefined {
    return this.clientProvider.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('clientSecret')) this.replaceClient();
    if (changed.has('fetchClientSecret') && this.client) this.client.fetchClientSecret = this.fetchClientSecret;
    if (changed.has('locale') || changed.has('strings')) {
      this.localeProvider.setValue({ locale: this.locale, strings: this.strings ?? {} });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('clientSecret') || changed.has('liveUpdates')) this.syncFeed();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.syncFeed();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.feed?.stop();
    this.feed = undefined;
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  /** A new secret may belong to another account, so widgets get a new client and reload. */
  private replaceClient(): void {
    const previous = this.client;
    previous?.removeEventListener('wa-session-expired', this.redispatch);
    previous?.removeEventListener('wa-request-failed', this.redispatch);

    const next = this.clientSecret
      ? new ApiClient({ endpoint: this.endpoint, clientSecret: this.clientSecret, fetchClientSecret: this.fetchClientSecret })
      : undefined;
    next?.addEventListener('wa-session-expired', this.redispatch);
    next?.addEventListener('wa-request-failed', this.redispatch);
    this.clientProvider.setValue(next);
  }

  /** One feed per client, running only while the session is on the page and live updates are on. */
  private syncFeed(): void {
    const client = this.client;
    const wanted = client && this.isConnected && this.liveUpdates !== 'off';
    if (this.feed && (!wanted || this.feed.client !== client)) {
      this.feed.stop();
      this.feed = undefined;
    }
    if (wanted && !this.feed) {
      this.feed = new LiveFeed(client);
      this.feed.start();
    }
  }

  private readonly redispatch = (event: Event) => {
    this.emit(event.type as 'wa-request-failed', (event as CustomEvent<ApiClientEventDetail>).detail);
  };
}
