/**
 * What the benchmark's server and its load generator agree on: the account's number, the bench
 * rate card, the opening balance, and how a signed status webhook of message `i` looks. The
 * generator computes the expected balance from these alone, independently of the server's records.
 */
import { createHmac } from 'node:crypto';
import { marketOfRecipient } from '../packages/server/src/domain/markets/markets.js';

export const BENCH_APP_SECRET = 'bench-meta-app-secret';
export const WABA_ID = '102290129340398';
export const PHONE_NUMBER_ID = '106540352242922';
export const PARTNER_KEY = 'sk_bench_0123456789abcdef';
/** 1,000,000.00 USD: enough that no message debit is ever refused for the balance. */
export const OPENING_BALANCE_MICROS = 1_000_000_000_000n;

/** The default card of the bench (USD), in micro-units. */
export const BENCH_RATES = [
  { market: 'IN', category: 'marketing', priceMicros: 11_800n },
  { market: 'IN', category: 'utility', priceMicros: 1_400n },
  { market: 'BR', category: 'marketing', priceMicros: 62_500n },
  { market: 'BR', category: 'utility', priceMicros: 6_800n },
  { market: 'NORTH_AMERICA', category: 'marketing', priceMicros: 25_000n },
  { market: 'NORTH_AMERICA', category: 'utility', priceMicros: 3_400n },
  { market: 'DE', category: 'marketing', priceMicros: 136_500n },
  { market: 'DE', category: 'utility', priceMicros: 55_000n },
] as const;

/** What the server printed once ready. */
export interface ServerInfo {
  readonly port: number;
  readonly clientSecret: string;
  readonly accountId: string;
  readonly databaseFile: string;
  readonly store: string;
}

/** Valid mobile numbers of four markets: a prefix and how many digits follow it. */
const NUMBERS = [
  { prefix: '9198', digits: 8 },
  { prefix: '55119', digits: 8 },
  { prefix: '1650', digits: 7 },
  { prefix: '49151', digits: 8 },
];

/** The recipient and category of bench message `i` (cheap: the load generator calls it per request). */
export function benchMessage(i: number): { wamid: string; recipient: string; category: 'marketing' | 'utility' } {
  const number = NUMBERS[i % NUMBERS.length]!;
  const recipient = `${number.prefix}${String(2_000_000 + (i % 50_000)).padStart(number.digits, '0')}`;
  const category = i % 3 === 0 ? 'utility' : 'marketing';
  return { wamid: `wamid.bench.${i}`, recipient, category };
}

/** What bench message `i` costs once delivered, from the bench card, in micro-units. */
export function benchPrice(i: number): bigint {
  const { recipient, category } = benchMessage(i);
  const { market } = marketOfRecipient(recipient);
  const rate = BENCH_RATES.find((r) => r.market === market && r.category === category);
  if (!rate) throw new Error(`no bench rate for ${market}/${category}`);
  return rate.priceMicros;
}

/** A `statuses[]` item of bench message `i`: `delivered` with regular pricing, or a `read` repeat. */
export function benchStatus(i: number, status: 'delivered' | 'read'): Record<string, unknown> {
  const message = benchMessage(i);
  return {
    id: message.wamid,
    status,
    timestamp: String(Math.floor(Date.now() / 1000)),
    recipient_id: message.recipient,
    ...(status === 'delivered' ? { pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: message.category } } : {}),
  };
}

/** A signed webhook body carrying `statuses`, with the headers Meta would send. */
export function signedWebhook(statuses: readonly unknown[]): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WABA_ID,
        changes: [
          {
            field: 'messages',
            value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID }, statuses },
          },
        ],
      },
    ],
  });
  const signature = `sha256=${createHmac('sha256', BENCH_APP_SECRET).update(body).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } };
}
