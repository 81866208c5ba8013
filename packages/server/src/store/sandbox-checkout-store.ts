/** A test checkout of the sandbox provider. */
export interface SandboxCheckout {
  readonly id: string;
  readonly amountMicros: bigint;
  readonly currency: string;
  readonly description: string;
  readonly successUrl: string;
  readonly cancelUrl: string;
  readonly state: SandboxCheckoutState;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** `open` until paid, declined, or closed by the server (`expired`, e.g. its link was cancelled). */
export type SandboxCheckoutState = 'open' | 'paid' | 'declined' | 'expired';

/**
 * Persistence of sandbox checkouts (part of the Store): in the database, so a second instance on
 * it serves and completes the checkouts the first one opened.
 */
export interface SandboxCheckoutStore {
  createSandboxCheckout(checkout: SandboxCheckout): Promise<void>;
  getSandboxCheckout(id: string): Promise<SandboxCheckout | null>;
  /** Moves a checkout from `from` to `to` atomically; false when it was not in `from` (someone else moved it). */
  moveSandboxCheckout(id: string, from: SandboxCheckoutState, to: SandboxCheckoutState): Promise<boolean>;
}
