import { metaSignature } from '../domain/meta/signature.js';
import { formatAmount, parseAmount } from '../domain/money.js';
import { sandboxSignature } from '../providers/payments/sandbox-signature.js';
import type { Store } from '../store/store.js';
import type { HostReceiver } from './processes.js';
import { SECRETS } from './processes.js';

/** Price of one delivered marketing message to India on the workload's rate card. */
const MESSAGE_PRICE = '0.0118';
const WABA_ID = '102290129340398';

/** One thing Meta, the payment provider or the partner sends: safe to repeat, by design of the API. */
export interface Operation {
  readonly kind: 'credit' | 'message' | 'payment';
  /** Sends it to the server at `baseUrl`; resolves with the status, rejects when the connection fails. */
  send(baseUrl: string): Promise<number>;
}

/** An account, and the burst of operations to run against it, with what they must add up to. */
export interface Workload {
  readonly accountId: string;
  readonly clientSecret: string;
  readonly phoneNumberId: string;
  readonly operations: readonly Operation[];
  readonly creditKeys: readonly string[];
  readonly wamids: readonly string[];
  readonly topupIds: readonly string[];
  readonly expectedBalanceMicros: bigint;
}

/** How big a burst. */
export interface WorkloadSize {
  readonly credits: number;
  readonly messages: number;
  readonly topups: number;
}

/** Calls the partner or widget API; throws on an unexpected status. */
async function call(baseUrl: string, method: string, path: string, auth: string, body?: unknown): Promise<any> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${auth}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Opens an account on `baseUrl` (with a rate card and `size.topups` pending top-ups, as a customer
 * would have opened them) and builds the burst: partner credits, delivered billable messages, and
 * the provider's `paid` events of the top-ups, each with what it must do to the balance.
 */
export async function prepareWorkload(baseUrl: string, size: WorkloadSize, tag: string): Promise<Workload> {
  const partner = SECRETS.partnerKey;
  await call(baseUrl, 'PUT', '/v1/rate-card', partner, {
    currency: 'USD',
    rates: [{ market: 'IN', category: 'marketing', price: { amount: MESSAGE_PRICE, currency: 'USD' } }],
  });
  const phoneNumberId = String(100_000_000_000 + Math.floor(Math.random() * 899_999_999_999));
  const account = await call(baseUrl, 'POST', '/v1/accounts', partner, {
    name: `Scale ${tag}`,
    currency: 'USD',
    waba_id: WABA_ID,
    phone_number_id: phoneNumberId,
  });
  const session = await call(baseUrl, 'POST', '/v1/widget-sessions', partner, { account_id: account.id, permissions: ['topup'], ttl_seconds: 3600 });
  const clientSecret: string = session.client_secret;

  const operations: Operation[] = [];
  let expected = 0n;
  const creditKeys: string[] = [];
  for (let i = 0; i < size.credits; i++) {
    const amount = `${1 + (i % 5)}.${String(i % 100).padStart(2, '0')}0001`;
    const key = `${tag}-credit-${i}`;
    creditKeys.push(key);
    expected += parseAmount(amount);
    const body = { amount: { amount, currency: 'USD' }, reason: `credit ${i}`, idempotency_key: key };
    operations.push({
      kind: 'credit',
      send: async (url) => (await post(url, `/v1/accounts/${account.id}/adjustments`, JSON.stringify(body), { Authorization: `Bearer ${partner}` })).status,
    });
  }
  const wamids: string[] = [];
  for (let i = 0; i < size.messages; i++) {
    const wamid = `wamid.${tag}.${i}`;
    wamids.push(wamid);
    expected -= parseAmount(MESSAGE_PRICE);
    operations.push(deliveredMessage(phoneNumberId, wamid, `9198765${String(i).padStart(5, '0')}`));
  }
  const topupIds: string[] = [];
  for (let i = 0; i < size.topups; i++) {
    const amount = `${10 + i * 5}.00`;
    const topup = await call(baseUrl, 'POST', '/v1/topups', clientSecret, { amount: { amount, currency: 'USD' } });
    topupIds.push(topup.id);
    expected += parseAmount(amount);
    const providerPaymentId = new URL(topup.checkout_url).pathname.split('/').pop() ?? '';
    const raw = JSON.stringify({ id: `evt_${tag}_${i}`, type: 'paid', session: providerPaymentId, amount: formatAmount(parseAmount(amount)), currency: 'USD' });
    operations.push({
      kind: 'payment',
      // Signed at sending time, as a provider's retry is: the signature's timestamp must be fresh.
      send: async (url) =>
        (await post(url, '/webhooks/payments/sandbox', raw, { 'Sandbox-Signature': sandboxSignature(SECRETS.sandboxWebhookSecret, raw, new Date()) })).status,
    });
  }
  return { accountId: account.id, clientSecret, phoneNumberId, operations: shuffle(operations), creditKeys, wamids, topupIds, expectedBalanceMicros: expected };
}

/** The price, in micro-units, of each message of {@link deliveredMessage}. */
export const MESSAGE_PRICE_MICROS = parseAmount(MESSAGE_PRICE);

/** Meta's `delivered` status webhook of a billable marketing message to an Indian number. */
export function deliveredMessage(phoneNumberId: string, wamid: string, recipient: string): Operation {
  const raw = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WABA_ID,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              statuses: [
                {
                  id: wamid,
                  status: 'delivered',
                  recipient_id: recipient,
                  pricing: { pricing_model: 'PMP', billable: true, type: 'regular', category: 'marketing' },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  return {
    kind: 'message',
    send: async (url) => (await post(url, '/webhooks/meta', raw, { 'X-Hub-Signature-256': metaSignature(SECRETS.metaAppSecret, raw) })).status,
  };
}

function post(baseUrl: string, path: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } }).then(async (res) => {
    await res.arrayBuffer();
    return res;
  });
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * Runs operations `concurrency` at a time, each sent to every url of `targets()` at once (duplicated
 * deliveries), until every copy is accepted (2xx), retrying like Meta, the provider and the partner
 * do on an error or a dropped connection. With `stopOnFailure` a worker gives up at the first failure
 * instead (the crash test's burst, cut short by the kill). Resolves with how many completed.
 */
export async function runBurst(
  operations: readonly Operation[],
  targets: () => readonly string[],
  options: { concurrency: number; stopOnFailure?: boolean; maxAttempts?: number; onCompleted?: (done: number) => void } = { concurrency: 8 },
): Promise<number> {
  let next = 0;
  let done = 0;
  const maxAttempts = options.maxAttempts ?? 200;
  const worker = async () => {
    while (next < operations.length) {
      const operation = operations[next++] as Operation;
      await Promise.all(
        targets().map(async (url) => {
          for (let attempt = 1; ; attempt++) {
            const status = await operation.send(url).catch(() => 0);
            if (status >= 200 && status < 300) return;
            if (options.stopOnFailure || attempt >= maxAttempts) throw new Error(`${operation.kind}: status ${status} after ${attempt} attempts`);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }),
      );
      done++;
      options.onCompleted?.(done);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return done;
}

/**
 * What must hold after any burst, crash and retries, read from the database itself: balance = sum
 * of entries = the expected total, each message charged once, each paid top-up credited once, each
 * partner credit applied once, every host event delivered (and heard by the partner). Returns the
 * problems found, none when all is well.
 */
export async function verifyWorkload(store: Store, workload: Workload, receiver: HostReceiver): Promise<string[]> {
  const problems: string[] = [];
  const account = await store.getAccount(workload.accountId);
  const entries = await store.listLedgerEntries(workload.accountId);
  const sum = entries.reduce((total, entry) => total + entry.amountMicros, 0n);
  if (!account) return ['the account is gone'];
  if (account.balanceMicros !== sum) problems.push(`balance ${account.balanceMicros} ≠ sum of entries ${sum}`);
  if (sum !== workload.expectedBalanceMicros) problems.push(`sum of entries ${sum} ≠ expected ${workload.expectedBalanceMicros}`);
  const count = (keys: readonly string[], keyOf: (key: string) => string) => {
    const byKey = new Map(entries.map((entry) => [entry.idempotencyKey, entry]));
    return keys.filter((key) => !byKey.has(keyOf(key)));
  };
  const unchargedMessages = count(workload.wamids, (wamid) => `meta:message:${wamid}`);
  if (unchargedMessages.length > 0) problems.push(`${unchargedMessages.length} messages never charged`);
  const messageEntries = entries.filter((entry) => entry.kind === 'message').length;
  if (messageEntries !== workload.wamids.length) problems.push(`${messageEntries} message debits for ${workload.wamids.length} messages`);
  const topupEntries = entries.filter((entry) => entry.kind === 'topup');
  const credited = new Set(topupEntries.map((entry) => entry.reference));
  if (topupEntries.length !== workload.topupIds.length || workload.topupIds.some((id) => !credited.has(id))) {
    problems.push(`${topupEntries.length} top-up credits for ${workload.topupIds.length} paid top-ups`);
  }
  const missingCredits = count(workload.creditKeys, (key) => `adjustment:${key}`);
  const adjustmentEntries = entries.filter((entry) => entry.kind === 'adjustment').length;
  if (missingCredits.length > 0 || adjustmentEntries !== workload.creditKeys.length) {
    problems.push(`${adjustmentEntries} adjustments for ${workload.creditKeys.length} partner credits`);
  }
  for (const payment of workload.topupIds) {
    const stored = await store.getPayment(payment);
    if (stored?.status !== 'succeeded') problems.push(`top-up ${payment} is ${stored?.status ?? 'missing'}`);
  }
  const events = await store.listHostEvents(workload.accountId);
  const topupEvents = events.filter((event) => event.type === 'topup.succeeded').length;
  if (topupEvents !== workload.topupIds.length) problems.push(`${topupEvents} topup.succeeded events for ${workload.topupIds.length} top-ups`);
  const undelivered = events.filter((event) => event.deliveredAt === null || !receiver.deliveries.has(event.id));
  if (undelivered.length > 0) problems.push(`${undelivered.length} of ${events.length} host events undelivered`);
  return problems;
}

/** Waits until every host event of the account is marked delivered (the dispatcher polls each second). */
export async function waitForOutbox(store: Store, accountId: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const events = await store.listHostEvents(accountId);
    if (events.every((event) => event.deliveredAt !== null)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
