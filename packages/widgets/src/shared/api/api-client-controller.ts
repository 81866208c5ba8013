import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiClient, type ApiClientEventDetail } from './api-client.js';
import { apiClientContext, ensureContextRoot } from './context.js';
import type { PushTopics } from './types.js';

/** A widget that can also work without a session, from its own `endpoint` and `client-secret`. */
export interface ApiClientHost extends ReactiveControllerHost, HTMLElement {
  endpoint?: string;
  clientSecret?: string;
}

type Subscription = { topic: keyof PushTopics; callback: (data: never) => void };

/**
 * Gives a widget its API client: its own, built from its `endpoint` and `client-secret` attributes when it
 * has a secret, else the one of the enclosing `<wa-session>`. Push subscriptions made with {@link on} follow
 * the client when it changes and end when the widget disconnects.
 *
 * A new client (a new secret) may be another account's. Everything a widget keeps of the previous one is
 * dropped in the {@link onClientChange} callbacks, which run in the widget's update before any of its tasks
 * reloads (the controller is created before the tasks that read it); an answer awaited outside a task is kept
 * only if {@link isCurrent} still says so of the client that was asked.
 *
 * ```ts
 * private readonly api = new ApiClientController(this);
 * private readonly task = new Task(this, {
 *   args: () => [this.api.client] as const,
 *   task: ([client], { signal }) => client ? client.get<Thing>('/v1/thing', { signal }) : initialState,
 * });
 * ```
 */
export class ApiClientController implements ReactiveController {
  private readonly session: ContextConsumer<typeof apiClientContext, ApiClientHost>;
  private own: ApiClient | undefined;
  private bound: ApiClient | undefined;
  private readonly subscriptions: Subscription[] = [];
  private readonly forgets: Array<() => void> = [];
  /** The client whose data the widget holds: the last one seen while connected. */
  private owner: ApiClient | undefined;
  private readonly unsubscribes: Array<() => void> = [];
  private connected = false;

  constructor(private readonly host: ApiClientHost) {
    ensureContextRoot();
    this.session = new ContextConsumer(host, { context: apiClientContext, subscribe: true });
    host.addController(this);
  }

  /** The client in use, or `undefined` while the widget has neither a session nor a secret of its own. */
  get client(): ApiClient | undefined {
    const { endpoint = '', clientSecret } = this.host;
    if (!clientSecret) return this.session.value;
    if (this.own?.endpoint !== endpoint || this.own.clientSecret !== clientSecret) {
      this.own?.removeEventListener('wa-session-expired', this.redispatch);
      this.own?.removeEventListener('wa-request-failed', this.redispatch);
      this.own = new ApiClient({ endpoint, clientSecret });
      this.own.addEventListener('wa-session-expired', this.redispatch);
      this.own.addEventListener('wa-request-failed', this.redispatch);
    }
    return this.own;
  }

  /** Listens for a pushed update from whichever client the widget uses. */
  on<K extends keyof PushTopics>(topic: K, callback: (data: PushTopics[K]) => void): void {
    this.subscriptions.push({ topic, callback: callback as (data: never) => void });
    this.bind(this.bound, true);
  }

  /**
   * Calls `forget` whenever the widget's client is replaced (by another, or by none): the widget clears there
   * what it shows, edits or has in flight for the previous client.
   */
  onClientChange(forget: () => void): void {
    this.forgets.push(forget);
  }

  /** Whether `client`, asked before an `await`, is still the widget's client, so its answer may be used. */
  isCurrent(client: ApiClient | undefined): boolean {
    return client !== undefined && client === this.client;
  }

  hostConnected(): void {
    this.connected = true;
    this.adopt(this.client);
    this.bind(this.client);
  }

  hostUpdate(): void {
    if (!this.connected) return;
    const client = this.client;
    this.adopt(client);
    if (client !== this.bound) this.bind(client);
  }

  private adopt(client: ApiClient | undefined): void {
    if (client === this.owner) return;
    const previous = this.owner;
    this.owner = client;
    if (previous) this.forgets.forEach(forget => forget());
  }

  hostDisconnected(): void {
    this.connected = false;
    this.bind(undefined);
  }

  private bind(client: ApiClient | undefined, force = false): void {
    if (client === this.bound && !force) return;
    this.unsubscribes.splice(0).forEach(stop => stop());
    this.bound = client;
    for (const { topic, callback } of this.subscriptions) {
      if (client) this.unsubscribes.push(client.on(topic, callback as (data: PushTopics[typeof topic]) => void));
    }
  }

  /** A standalone widget is its own session: its client's events bubble from the widget. */
  private readonly redispatch = (event: Event) => {
    const { detail } = event as CustomEvent<ApiClientEventDetail>;
    this.host.dispatchEvent(new CustomEvent(event.type, { bubbles: true, composed: true, detail }));
  };
}
