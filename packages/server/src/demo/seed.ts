import type { Account } from '../domain/accounts.js';
import { openAccount } from '../domain/accounts.js';
import type { Clock } from '../domain/clock.js';
import { adjustBalance } from '../domain/ledger.js';
import { parseAmount } from '../domain/money.js';
import type { Store } from '../store/store.js';

/** The demo account's WhatsApp number id, by which a restarted server finds it again. */
export const DEMO_PHONE_NUMBER_ID = '106540352242922';

/**
 * Returns the demo account, creating it with an opening balance of 8323.87 USD when the database
 * has no account at all. Returns null when other accounts exist but not the demo's: a real
 * deployment, which demo data must not pollute.
 */
export async function seedDemo(store: Store, clock: Clock): Promise<Account | null> {
  let account = await store.findAccountByPhoneNumberId(DEMO_PHONE_NUMBER_ID);
  if (!account) {
    if ((await store.listAccounts({ limit: 1 })).length > 0) return null;
    account = await openAccount(store, clock, {
      name: 'Acme Coffee Roasters',
      currency: 'USD',
      wabaId: '102290129340398',
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      displayPhoneNumber: '+1 555-010-4477',
      verifiedName: 'Acme Coffee',
      businessPortfolioId: '1203948576102938',
      lowBalanceThreshold: { micros: parseAmount('100.00'), currency: 'USD' },
    });
  }
  // Idempotent: after the first start this is a replay that changes nothing.
  await adjustBalance(store, clock, {
    accountId: account.id,
    amount: { micros: parseAmount('8323.87'), currency: 'USD' },
    reason: 'Opening balance (demo)',
    idempotencyKey: 'demo-seed-opening-balance',
  });
  return store.getAccount(account.id);
}
