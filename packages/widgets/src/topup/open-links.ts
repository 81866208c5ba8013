import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../shared/api-client.js';
import type { ApiClientController } from '../shared/api-client-controller.js';
import type { PaymentLink, PaymentLinkList } from '../shared/types.js';

export type OpenLinksState = 'idle' | 'loading' | 'loaded' | 'failed' | 'forbidden';

/** The result of cancelling a link, for the message the person hears. */
export type CancelOutcome = 'cancelled' | 'paid' | 'forbidden' | 'failed';

/**
 * The account's open payment links (`GET /v1/payment-links`, keeping `status: "open"`), and cancelling one
 * after the person confirmed it (`DELETE /v1/payment-links/:id`). The list keeps showing while it reloads.
 */
export class OpenLinksController implements ReactiveController {
  state: OpenLinksState = 'idle';
  links: PaymentLink[] = [];
  /** The link whose cancellation waits for a confirmation. */
  confirming: string | undefined;
  /** The link being cancelled. */
  cancelling: string | undefined;
  private loads = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: ApiClientController,
  ) {
    host.addController(this);
    // another client may be another account: its links are not this one's, and its answers are dropped
    api.onClientChange(() => {
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
}
