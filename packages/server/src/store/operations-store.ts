/** Figures of the whole database (every instance's work) that operators watch. */
export interface OperationalSnapshot {
  /** Entries ever appended to the ledger (it is append-only: a counter). */
  readonly ledgerEntries: number;
  /** Host events neither delivered nor given up on. */
  readonly outboxPending: number;
  /** Creation time of the oldest of them; null when none is pending. */
  readonly outboxOldestAt: Date | null;
  /** Meta webhooks acknowledged and not yet applied (the inbox), and those given up on. */
  readonly inbox: { readonly waiting: number; readonly failed: number };
}

/** Read-only figures for `GET /metrics`; each read must stay cheap on a large database (index-only). */
export interface OperationsStore {
  operationalSnapshot(): Promise<OperationalSnapshot>;
}
