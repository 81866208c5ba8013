import type { ManualClock } from '../domain/clock.js';
import { createManualClock } from '../domain/clock.js';
import type { Store } from '../store/store.js';
import { openTestStore } from './stores.js';
import { SandboxPaymentProvider } from '../providers/payments/sandbox.js';
import type { TestApp } from './harness.js';
import { createTestApp } from './harness.js';

/** The sandbox webhook secret of payment tests. */
export const SANDBOX_SECRET = 'sandbox_secret_for_tests_0123456789';

/** A test app whose sandbox provider is at hand (to sign, forge and replay its webhooks). */
export function createPaymentsTestApp(options: { store?: Store; clock?: ManualClock; publicUrl?: string } = {}): TestApp & { sandbox: SandboxPaymentProvider } {
  const clock = options.clock ?? createManualClock();
  // The test engine's store (WA_TEST_STORE), as createTestApp opens by default.
  const store = options.store ?? openTestStore();
  const sandbox = new SandboxPaymentProvider({ secret: SANDBOX_SECRET, clock, checkouts: store });
  return Object.assign(createTestApp({ clock, store, paymentProvider: sandbox, publicUrl: options.publicUrl }), { sandbox });
}

/** The session id at the end of a sandbox checkout URL. */
export function sandboxSessionOf(checkoutUrl: string): string {
  const id = new URL(checkoutUrl).pathname.split('/').pop();
  if (!id) throw new Error(`not a sandbox checkout URL: ${checkoutUrl}`);
  return id;
}

/** A sandbox webhook body. */
export function sandboxEvent(session: string, type: 'paid' | 'failed' | 'expired', amount = '25.00', currency = 'USD'): string {
  return JSON.stringify({ id: `evt_test_${session}_${type}`, type, session, amount, currency });
}

/** Posts a raw sandbox webhook with a signature header (or none). */
export async function postSandboxWebhook(t: TestApp, body: string, signature: string | null) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (signature !== null) headers['Sandbox-Signature'] = signature;
  const res = await t.app.request('/webhooks/payments/sandbox', { method: 'POST', body, headers });
  return { status: res.status, body: (await res.json()) as any };
}

/** Submits an HTML form the way a browser without JavaScript does. */
export function submitForm(t: TestApp, path: string, fields: Record<string, string> = {}) {
  return t.app.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}
