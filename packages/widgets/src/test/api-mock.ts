import { http, HttpResponse, type RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import type {
  AccountResponse,
  BalanceResponse,
  FrequencyCap,
  StatementEntry,
  StatementResponse,
  QualityResponse,
  QuotaResponse,
  RateCardResponse,
  UsageResponse,
} from '../shared/api/types.js';

/** The fake widget API every test talks to, as a host page would. */
export const endpoint = 'https://wa.test';

export const worker = setupWorker();

let started: Promise<unknown> | undefined;

/** Starts the service worker once per test file, with no handlers left from a previous test. */
export async function useApi(...handlers: RequestHandler[]): Promise<void> {
  started ??= worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
  await started;
  worker.resetHandlers(...handlers, quietEventStream);
}

/** Sessions open `GET /v1/events`: unless a test says otherwise, it stays open and silent. */
const quietEventStream = http.get(
  `${endpoint}/v1/events`,
  () => new HttpResponse(new ReadableStream(), { headers: { 'Content-Type': 'text/event-stream' } }),
);

export function balance(overrides: Partial<BalanceResponse> = {}): BalanceResponse {
  return {
    balance: { amount: '8323.87', currency: 'USD' },
    low_balance_threshold: { amount: '100.00', currency: 'USD' },
    is_low: false,
    updated_at: '2025-11-25T14:05:00Z',
    runway: { days: 671, average_daily_spend: { amount: '12.40', currency: 'USD' }, basis_days: 7 },
    ...overrides,
  };
}

export function apiError(status: number, code: string, message = code) {
  return HttpResponse.json({ error: { code, message } }, { status });
}

/** `GET /v1/balance` answered with `body`, remembering each request's Authorization header. */
export function balanceHandler(body: BalanceResponse = balance(), seen: string[] = []) {
  return http.get(`${endpoint}/v1/balance`, ({ request }) => {
    seen.push(request.headers.get('Authorization') ?? '');
    return HttpResponse.json(body);
  });
}

export function account(phone: Partial<AccountResponse['phone']> = {}): AccountResponse {
  return {
    id: 'acc_1',
    name: 'Jaspers Market',
    currency: 'USD',
    phone: {
      display_phone_number: '+1 555-555-5555',
      verified_name: 'Jaspers Market',
      name_status: 'APPROVED',
      status: 'CONNECTED',
      quality_rating: 'GREEN',
      ...phone,
    },
  };
}

export function quality(overrides: Partial<QualityResponse> = {}): QualityResponse {
  return {
    rating: 'GREEN',
    updated_at: '2025-11-25T14:05:00Z',
    stale: false,
    history: [
      { at: '2025-11-24T09:00:00Z', event: 'UPGRADE', rating: null, tier: 'TIER_10K', source: 'webhook' },
      { at: '2025-11-20T09:00:00Z', event: 'QUALITY_CHANGED', rating: 'GREEN', tier: null, source: 'graph' },
      { at: '2025-11-02T09:00:00Z', event: 'ONBOARDING', rating: 'UNKNOWN', tier: 'TIER_250', source: 'webhook' },
    ],
    ...overrides,
  };
}

export function quota(overrides: Partial<QuotaResponse> = {}): QuotaResponse {
  return {
    tier: 'TIER_10K',
    limit: 10000,
    unlimited: false,
    window_hours: 24,
    business_portfolio_id: 'bp_1',
    updated_at: '2025-11-25T14:05:00Z',
    stale: false,
    ...overrides,
  };
}

export function usage(overrides: Partial<UsageResponse> = {}): UsageResponse {
  return {
    unique_customers: 1234,
    limit: 10000,
    unlimited: false,
    remaining: 8766,
    window_start: '2025-11-24T14:05:00Z',
    window_end: '2025-11-25T14:05:00Z',
    new_customers_last_hour: 123,
    projected_limit_reached_at: null,
    by_number: [{ account_id: 'acc_1', display_phone_number: '+1 555-555-5555', unique_customers: 1234 }],
    ...overrides,
  };
}

export function rateCard(overrides: Partial<RateCardResponse> = {}): RateCardResponse {
  const usd = (amount: string) => ({ amount, currency: 'USD' });
  return {
    currency: 'USD',
    pricing: 'default',
    markup_percent: null,
    rates: [
      { market: 'IN', market_name: 'India', category: 'marketing', price: usd('0.0107') },
      { market: 'IN', market_name: 'India', category: 'utility', price: usd('0.0014') },
      { market: 'BR', market_name: 'Brazil', category: 'marketing', price: usd('0.0625') },
      { market: 'BR', market_name: 'Brazil', category: 'utility', price: usd('0.0068') },
      { market: 'BR', market_name: 'Brazil', category: 'authentication', price: usd('0.0068') },
      { market: 'REST_OF_AFRICA', market_name: 'Rest of Africa', category: 'marketing', price: usd('0.0225') },
    ],
    ...overrides,
  };
}

/** `GET <path>` answered with `body`, remembering each request's URL (with its query). */
export function jsonHandler(path: string, body: unknown, seen: string[] = []) {
  return http.get(`${endpoint}${path}`, ({ request }) => {
    seen.push(request.url);
    return HttpResponse.json(body as Record<string, unknown>);
  });
}

/** A statement entry; debits by default, a message to India. */
export function statementEntry(overrides: Partial<StatementEntry> = {}): StatementEntry {
  return {
    id: 'le_1',
    at: '2025-11-25T14:05:00.000Z',
    type: 'debit',
    kind: 'message',
    amount: { amount: '-0.0118', currency: 'USD' },
    balance_after: { amount: '8323.87', currency: 'USD' },
    description: 'Marketing message',
    reference: 'wamid.1',
    details: { category: 'marketing', market: 'IN', message_id: 'wamid.1', priced: true },
    ...overrides,
  };
}

export function statement(overrides: Partial<StatementResponse> = {}): StatementResponse {
  const usd = (amount: string) => ({ amount, currency: 'USD' });
  return {
    entries: [
      statementEntry(),
      statementEntry({
        id: 'le_2',
        at: '2025-11-25T09:00:00.000Z',
        type: 'credit',
        kind: 'topup',
        amount: usd('500.00'),
        balance_after: usd('8323.8818'),
        description: 'Top-up by card',
        reference: 'pi_1',
        details: {},
      }),
      statementEntry({
        id: 'le_3',
        at: '2025-11-24T18:30:00.000Z',
        amount: usd('-0.0068'),
        balance_after: usd('7823.8818'),
        description: 'Utility message',
        details: { category: 'utility', market: 'BR', priced: true },
      }),
    ],
    next_cursor: null,
    opening_balance: usd('7823.8886'),
    closing_balance: usd('8323.87'),
    daily_totals: [
      { date: '2025-11-25', credits: usd('500.00'), debits: usd('-0.0118') },
      { date: '2025-11-24', credits: usd('0.00'), debits: usd('-0.0068') },
    ],
    ...overrides,
  };
}

export function frequencyCap(overrides: Partial<FrequencyCap> = {}): FrequencyCap {
  return { enabled: true, max_messages: 2, window_hours: 24, ...overrides };
}

/** A promise a test opens when it wants a held response to go through. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>(resolve => (open = resolve));
  return { opened, open };
}

export { http, HttpResponse };
