import { http, HttpResponse, type RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import type { BalanceResponse } from '../shared/types.js';

/** The fake widget API every test talks to, as a host page would. */
export const endpoint = 'https://wa.test';

export const worker = setupWorker();

let started: Promise<unknown> | undefined;

/** Starts the service worker once per test file, with no handlers left from a previous test. */
export async function useApi(...handlers: RequestHandler[]): Promise<void> {
  started ??= worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
  await started;
  worker.resetHandlers(...handlers);
}

export function balance(overrides: Partial<BalanceResponse> = {}): BalanceResponse {
  return {
    balance: { amount: '8323.87', currency: 'USD' },
    low_balance_threshold: { amount: '100.00', currency: 'USD' },
    is_low: false,
    updated_at: '2025-11-25T14:05:00Z',
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

export { http, HttpResponse };
