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
}

/** `GET /v1/account` */
export interface AccountResponse {
  id: string;
  name: string;
  currency: string;
  phone: {
    display_phone_number: string;
    verified_name: string;
    name_status: string;
    status: string;
  };
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
}
