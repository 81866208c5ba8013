import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClientController } from '../shared/api/api-client-controller.js';
import type { ApiClient } from '../shared/api/api-client.js';
import type { Money, Topup, TopupPush } from '../shared/api/types.js';
import { isSafeCheckoutUrl, openCheckoutWindow } from './checkout-url.js';

/** A top-up in its final status. */
export type SettledTopup = Topup & { status: Exclude<Topup['status'], 'pending'> };

function isSettled(topup: Topup): topup is SettledTopup {
  return topup.status !== 'pending';
}

/** How asking for a checkout ended. */
export type PaymentStart =
  | { outcome: 'waiting' }
  | { outcome: 'abandoned' }
  | { outcome: 'unsafe-url' }
  | { outcome: 'refused'; cause: unknown };

export interface PaymentFlowOptions {
  api: ApiClientController;
  /** Whether the payment is watched now (the dialog open on its waiting step): checks run only then. */
  watched: () => boolean;
  /** Milliseconds between checks of a pending payment. */
  pollInterval: () => number;
  /** The top-up reached its final status (`succeeded`, `failed` or `expired`), once. */
  settled: (topup: SettledTopup) => void;
}

/**
 * A top-up from "Pay now" to its final status: `POST /v1/topups`, the checkout window, then the live `topup`
 * event and `GET /v1/topups/:id` every `pollInterval` ms while it is watched, whichever tells first.
 * A checkout abandoned while it is created (see {@link abandon}) opens no window; a top-up abandoned before it
 * was paid is abandoned on the server too (`DELETE /v1/topups/:id`), which closes the provider's checkout.
 */
export class PaymentFlowController implements ReactiveController {
  /** The top-up being paid, or the last one, until the payment is given up ({@link abandon}). */
  topup: Topup | undefined;
  /** The browser blocked the checkout window: the host offers the same-tab link. */
  popupBlocked = false;
  /** `POST /v1/topups` is on its way. */
  starting = false;

  private creating: { abandoned: boolean } | undefined;
  /** The client that created {@link topup}: after a change of account, only it may abandon that top-up. */
  private topupClient: ApiClient | undefined;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  /** Aborts the check in flight when checks stop. */
  private pollAbort: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PaymentFlowOptions,
  ) {
    host.addController(this);
    options.api.on('topup', push => this.receivePush(push));
    // another client may be another account: its payment is not this one's
    options.api.onClientChange(() => this.abandon());
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    // a removed widget has closed its dialog, which gives the payment up: nothing may keep checking it, nor
    // open a window for it
    this.abandon();
  }

  /** Asks for a checkout of `amount` and opens it in a window the checkout pages cannot reach the page from. */
  async start(amount: Money): Promise<PaymentStart> {
    const client = this.options.api.client;
    if (!client || this.starting) return { outcome: 'abandoned' };
    const creating = { abandoned: false };
    this.creating = creating;
    this.setStarting(true);
    try {
      const topup = await client.send<Topup>('POST', '/v1/topups', { amount });
      if (creating.abandoned || !isSafeCheckoutUrl(topup.checkout_url)) {
        giveUp(client, topup);
        return { outcome: creating.abandoned ? 'abandoned' : 'unsafe-url' };
      }
      this.topup = topup;
      this.topupClient = client;
      this.popupBlocked = !openCheckoutWindow(topup.checkout_url);
      return { outcome: 'waiting' };
    } catch (cause) {
      return creating.abandoned ? { outcome: 'abandoned' } : { outcome: 'refused', cause };
    } finally {
      if (!creating.abandoned) {
        this.creating = undefined;
        this.setStarting(false);
      }
    }
  }

  /**
   * Gives up the payment (the person went back or closed the dialog, the widget was removed, the account
   * changed): checks stop, a checkout being created opens no window, and a top-up not yet paid is abandoned on
   * the server — without waiting, and whatever it answers: a payment that still arrives is credited there.
   */
  abandon(): void {
    this.stop();
    if (this.creating) {
      this.creating.abandoned = true;
      this.creating = undefined;
      this.setStarting(false);
    }
    const { topup, topupClient } = this;
    this.topup = undefined;
    this.topupClient = undefined;
    this.popupBlocked = false;
    if (topup && topupClient) giveUp(topupClient, topup);
  }


  /** Checks the pending payment again after `pollInterval`, if it is watched. */
  watch(): void {
    clearTimeout(this.pollTimer);
    if (!this.host.isConnected || !this.options.watched() || this.topup?.status !== 'pending') return;
    this.pollTimer = setTimeout(() => void this.poll(), this.options.pollInterval());
  }

  /** Stops checking (the dialog closed, or the person went back to the amount). */
  stop(): void {
    clearTimeout(this.pollTimer);
    this.pollAbort?.abort();
    this.pollAbort = undefined;
  }

  private setStarting(starting: boolean): void {
    this.starting = starting;
    this.host.requestUpdate();
  }

  private async poll(): Promise<void> {
    const { topup } = this;
    const client = this.options.api.client;
    if (!topup || !client || !this.host.isConnected) return;
    const abort = new AbortController();
    this.pollAbort = abort;
    try {
      this.settle(await client.get<Topup>(`/v1/topups/${encodeURIComponent(topup.id)}`, { signal: abort.signal }));
    } catch {
      // the next check, or the live feed, will tell
    }
    if (abort.signal.aborted) return;
    this.pollAbort = undefined;
    this.watch();
  }

  private receivePush(push: TopupPush): void {
    if (push.source === 'payment_link') return;
    if (this.topup && push.id === this.topup.id) this.settle({ ...this.topup, status: push.status, amount: push.amount });
  }

  /** Takes a top-up's final status once, from whichever of the live feed and the checks tells first. */
  private settle(topup: Topup): void {
    if (topup.id !== this.topup?.id || this.topup.status !== 'pending' || !isSettled(topup)) return;
    clearTimeout(this.pollTimer);
    this.topup = topup;
    this.host.requestUpdate();
    this.options.settled(topup);
  }
}

/** Abandons a top-up not yet paid on the server, closing its checkout; fire-and-forget. */
function giveUp(client: ApiClient, topup: Topup): void {
  if (topup.status !== 'pending') return;
  client.send<Topup>('DELETE', `/v1/topups/${encodeURIComponent(topup.id)}`).catch(() => {
    // the checkout then closes at its own expiry, and a payment it still takes is credited
  });
}
