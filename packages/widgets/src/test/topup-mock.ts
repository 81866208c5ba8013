import type { PaymentLink, Topup, TopupOptions, TopupStatus } from '../shared/api/types.js';
import { endpoint, http, HttpResponse } from './api-mock.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });

export function topupOptions(overrides: Partial<TopupOptions> = {}): TopupOptions {
  return {
    currency: 'USD',
    min: usd('10.00'),
    max: usd('10000.00'),
    step: usd('0.01'),
    presets: [usd('25.00'), usd('50.00'), usd('100.00'), usd('250.00')],
    ...overrides,
  };
}

export function topup(overrides: Partial<Topup> = {}): Topup {
  return {
    id: 'tu_1',
    status: 'pending',
    amount: usd('50.00'),
    checkout_url: 'https://wa.test/sandbox/checkout/cs_1',
    created_at: '2025-11-25T14:05:00Z',
    expires_at: '2025-11-26T14:05:00Z',
    completed_at: null,
    ...overrides,
  };
}

export function paymentLink(overrides: Partial<PaymentLink> = {}): PaymentLink {
  return {
    id: 'pl_1',
    url: 'https://wa.test/pay/tok_1',
    amount: usd('50.00'),
    status: 'open',
    note: null,
    created_at: '2025-11-25T14:05:00Z',
    expires_at: '2025-11-28T14:05:00Z',
    paid_at: null,
    cancelled_at: null,
    ...overrides,
  };
}

/** What the fake server was asked, for assertions. */
export interface TopupServer {
  topupBodies: unknown[];
  linkBodies: unknown[];
  deleted: string[];
  /** The top-ups abandoned with `DELETE /v1/topups/:id`, in order. */
  abandoned: string[];
  polls: number;
  /** What `GET /v1/topups/:id` answers with. */
  status: TopupStatus;
  links: PaymentLink[];
}

/**
 * The top-up and payment-link endpoints of the contract, over a small in-memory state; `forbid` answers 403
 * to writes of top-ups (`topup`) or links (`links`).
 */
export function topupApi(server: Partial<TopupServer> = {}, { forbid = [] as Array<'topup' | 'links'> } = {}) {
  const state: TopupServer = { topupBodies: [], linkBodies: [], deleted: [], abandoned: [], polls: 0, status: 'pending', links: [], ...server };
  const forbidden = () =>
    HttpResponse.json({ error: { code: 'permission_denied', message: 'Missing permission' } }, { status: 403 });
  const handlers = [
    http.get(`${endpoint}/v1/topup-options`, () => HttpResponse.json(topupOptions())),
    http.post(`${endpoint}/v1/topups`, async ({ request }) => {
      if (forbid.includes('topup')) return forbidden();
      const body = (await request.json()) as { amount: { amount: string; currency: string } };
      state.topupBodies.push(body);
      return HttpResponse.json(topup({ amount: body.amount }), { status: 201 });
    }),
    http.get(`${endpoint}/v1/topups/:id`, ({ params }) => {
      state.polls++;
      return HttpResponse.json(topup({ id: String(params.id), status: state.status }));
    }),
    http.delete(`${endpoint}/v1/topups/:id`, ({ params }) => {
      if (forbid.includes('topup')) return forbidden();
      state.abandoned.push(String(params.id));
      return HttpResponse.json(topup({ id: String(params.id), status: 'expired' }));
    }),
    http.get(`${endpoint}/v1/payment-links`, () => HttpResponse.json({ data: state.links })),
    http.post(`${endpoint}/v1/payment-links`, async ({ request }) => {
      if (forbid.includes('links')) return forbidden();
      const body = (await request.json()) as { amount: { amount: string; currency: string }; note?: string };
      state.linkBodies.push(body);
      const link = paymentLink({ id: `pl_${state.links.length + 10}`, amount: body.amount, note: body.note ?? null });
      state.links = [link, ...state.links];
      return HttpResponse.json(link, { status: 201 });
    }),
    http.delete(`${endpoint}/v1/payment-links/:id`, ({ params }) => {
      if (forbid.includes('links')) return forbidden();
      state.deleted.push(String(params.id));
      const link = state.links.find(l => l.id === params.id);
      state.links = state.links.map(l => (l.id === params.id ? { ...l, status: 'cancelled' } : l));
      return HttpResponse.json({ ...link, status: 'cancelled' });
    }),
  ];
  return { state, handlers };
}
