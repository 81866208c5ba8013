/** One price of a rate card: a delivered message of `category` to `market`, in micro-units. */
export interface Rate {
  readonly market: string;
  readonly category: string;
  readonly priceMicros: bigint;
}

/** How an account is priced: the default card of its currency, that card with a markup, or its own card. */
export type AccountPricing =
  | { readonly mode: 'default' }
  | { readonly mode: 'markup'; readonly markupE4: bigint }
  | { readonly mode: 'custom'; readonly rates: readonly Rate[] };

/** The rates that apply to one account, and how they were derived. */
export interface EffectiveRates {
  readonly currency: string;
  readonly pricing: AccountPricing['mode'];
  readonly markupE4: bigint | null;
  readonly rates: readonly Rate[];
}
