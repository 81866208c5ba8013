/**
 * Payload types of the widget API (v1), exactly as the server sends them.
 * Money amounts are decimal strings: never parse them to floats for arithmetic.
 */

/** An amount of money, e.g. `{ amount: "8323.87", currency: "USD" }`. */
export interface Money {
  /** Decimal string: optional `-`, digits, up to 6 fraction digits. */
  amount: string;
  /** ISO 4217 currency code. */
  currency: string;
}

/** `GET /v1/balance` */
export interface BalanceResponse {
  balance: Money;
  low_balance_threshold: Money | null;
  is_low: boolean;
  /** ISO 8601 timestamp of the last balance change. */
  updated_at: string;
  /** How long the balance lasts at the recent spend (servers before issue 5 omit it). */
  runway?: BalanceRunway;
}

/** The runway of `GET /v1/balance`: the balance divided by the average daily message spend. */
export interface BalanceRunway {
  /** Whole days the balance covers; `null` when nothing was spent in the last `basis_days`. */
  days: number | null;
  average_daily_spend: Money;
  /** Days the average is taken over (7). */
  basis_days: number;
}

/** Meta's quality rating of a phone number; Meta's `NA` arrives as `UNKNOWN`. */
export type QualityRating = 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';

/**
 * A messaging-limit tier as Meta names it. Known values get autocompletion; any other string Meta sends is
 * kept as is.
 */
export type MessagingTier =
  | 'TIER_50'
  | 'TIER_250'
  | 'TIER_1K'
  | 'TIER_2K'
  | 'TIER_10K'
  | 'TIER_100K'
  | 'TIER_UNLIMITED'
  | 'TIER_NOT_SET'
  | (string & {});

/** `GET /v1/account` */
export interface AccountResponse {
  id: string;
  name: string;
  currency: string;
  phone: {
    /** As Meta formats it, e.g. `+1 555-555-5555`; `null` until a number is connected. */
    display_phone_number: string | null;
    verified_name: string | null;
    /** Meta's display-name review status, e.g. `APPROVED`, `PENDING_REVIEW`. */
    name_status: string | null;
    /** Meta's connection status, e.g. `CONNECTED`. */
    status: string | null;
    quality_rating: QualityRating;
  };
}

/** One change of quality or messaging limit, from a Meta webhook or a Graph read that found a new value. */
export interface QualityHistoryEntry {
  /** ISO 8601 time of the change. */
  at: string;
  /** Meta's webhook event (e.g. `THROUGHPUT_UPGRADE`), or `QUALITY_CHANGED` / `LIMIT_CHANGED`. */
  event: string;
  rating: QualityRating | null;
  tier: MessagingTier | null;
  source: 'webhook' | 'graph';
}

/** `GET /v1/quality[?refresh=1]` */
export interface QualityResponse {
  rating: QualityRating;
  /** When the rating was last read from Meta. */
  updated_at: string | null;
  /** Meta didn't answer; the rating is the last one known. */
  stale: boolean;
  /** Set by servers that say so: a `?refresh=1` read of Meta failed (the answer is then also `stale`). */
  refresh_failed?: boolean;
  /** Newest first, at most 50. */
  history: QualityHistoryEntry[];
}

/** `GET /v1/quota[?refresh=1]`: the business portfolio's daily messaging limit. */
export interface QuotaResponse {
  tier: MessagingTier | null;
  /** Unique customers per window; `null` when unlimited or unknown. */
  limit: number | null;
  unlimited: boolean;
  window_hours: number;
  business_portfolio_id: string | null;
  updated_at: string | null;
  stale: boolean;
  /** Set by servers that say so: a `?refresh=1` read of Meta failed (the answer is then also `stale`). */
  refresh_failed?: boolean;
}

/** `GET /v1/usage/24h`: unique customers reached in the moving window, portfolio-wide when there is one. */
export interface UsageResponse {
  unique_customers: number;
  limit: number | null;
  unlimited: boolean;
  /** `null` when unlimited or unknown; never negative. */
  remaining: number | null;
  window_start: string;
  window_end: string;
  /** Customers first counted in the last 60 minutes. */
  new_customers_last_hour: number;
  /** At the current pace, when `remaining` reaches 0; `null` without a pace or a limit. */
  projected_limit_reached_at: string | null;
  by_number: Array<{ account_id: string; display_phone_number: string | null; unique_customers: number }>;
}

/** Meta's pricing categories; any other string is kept. */
export type PricingCategory =
  | 'marketing'
  | 'marketing_lite'
  | 'utility'
  | 'authentication'
  | 'authentication_international'
  | 'service'
  | (string & {});

/** One price of the rate card: a delivered message of `category` to `market`. */
export interface Rate {
  /** ISO 3166 alpha-2 code, or Meta's regional market code such as `REST_OF_AFRICA`. */
  market: string;
  market_name: string;
  category: PricingCategory;
  price: Money;
}

/** `GET /v1/rate-card[?market=IN]`: the prices that apply to this account. */
export interface RateCardResponse {
  currency: string;
  pricing: 'default' | 'custom' | 'markup';
  markup_percent: string | null;
  rates: Rate[];
}

/** What a statement entry is for. */
export type StatementKind = 'message' | 'topup' | 'payment_link' | 'adjustment';

/** One ledger entry of `GET /v1/statement`. */
export interface StatementEntry {
  id: string;
  /** ISO 8601 time of the entry. */
  at: string;
  type: 'credit' | 'debit';
  kind: StatementKind;
  /** Signed: negative for debits. */
  amount: Money;
  balance_after: Money;
  description: string;
  reference: string | null;
  /** For messages: Meta's pricing category and the market code (`IN`), the message id, whether it was priced. */
  details: { category?: string; market?: string; message_id?: string; priced?: boolean };
}

/** Credits (≥ 0) and debits (≤ 0) of one UTC day, within the range and filters. */
export interface StatementDailyTotal {
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  credits: Money;
  debits: Money;
}

/** `GET /v1/statement?from&to&type&kind&limit&cursor`: one page, newest first. */
export interface StatementResponse {
  entries: StatementEntry[];
  /** Opaque; `null` on the last page. */
  next_cursor: string | null;
  /** The balance just before `from`, whatever the filters. */
  opening_balance: Money;
  /** The balance at `to`, whatever the filters. */
  closing_balance: Money;
  /** Totals of the page's days. */
  daily_totals: StatementDailyTotal[];
  /**
   * Delivered billable messages of the range whose market or category had no price on the rate card: not
   * charged, so not in the ledger. Older servers omit it.
   */
  unpriced_messages?: { count: number; newest: UnpricedMessage[] };
}

/** A delivered message that had no price (see `StatementResponse.unpriced_messages`). */
export interface UnpricedMessage {
  at: string;
  message_id: string;
  category: string | null;
  market: string;
}

/** `GET|PUT /v1/frequency-cap`: marketing messages per customer within a sliding window. */
export interface FrequencyCap {
  enabled: boolean;
  /** 1..100 */
  max_messages: number;
  /** 1..720 */
  window_hours: number;
}

/** `GET /v1/topup-options`: the amount rules of the account's currency (the server enforces the same). */
export interface TopupOptions {
  currency: string;
  min: Money;
  max: Money;
  /** Amounts must be whole multiples of this, e.g. `0.01`. */
  step: Money;
  presets: Money[];
}

/** A top-up is final once `succeeded`, `failed` or `expired`. */
export type TopupStatus = 'pending' | 'succeeded' | 'failed' | 'expired';

/** `POST /v1/topups`, `GET /v1/topups/:id` */
export interface Topup {
  id: string;
  status: TopupStatus;
  amount: Money;
  /** The payment provider's checkout page. */
  checkout_url: string;
  created_at: string;
  expires_at: string;
  completed_at: string | null;
}

export type PaymentLinkStatus = 'open' | 'paid' | 'cancelled' | 'expired';

/** `POST /v1/payment-links`, an item of `GET /v1/payment-links`, `DELETE /v1/payment-links/:id` */
export interface PaymentLink {
  id: string;
  /**
   * The hosted payment page anyone with the link can pay on; `null` when the server can no longer show it (a
   * link stored before tokens were derived, or made under an earlier secret key): the payer's copy still works.
   */
  url: string | null;
  amount: Money;
  status: PaymentLinkStatus;
  note: string | null;
  created_at: string;
  expires_at: string;
  paid_at: string | null;
  cancelled_at: string | null;
}

/** `GET /v1/payment-links`: newest first, at most 50. */
export interface PaymentLinkList {
  data: PaymentLink[];
}

/** The live `topup` event: a top-up or a payment link changed status (is paid). */
export interface TopupPush {
  id: string;
  status: TopupStatus;
  amount: Money;
  source?: 'topup' | 'payment_link';
}

/** The body of every error response: `{"error":{"code","message"}}`. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/**
 * Live updates a client can push to widgets (later fed by `GET /v1/events`), keyed by topic.
 * A new topic is one more line here.
 */
export interface PushTopics {
  balance: BalanceResponse;
  quality: QualityResponse;
  quota: QuotaResponse;
  usage: UsageResponse;
  topup: TopupPush;
}
