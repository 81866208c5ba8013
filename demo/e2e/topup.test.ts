import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

interface Account {
  id: string;
  balance: { amount: string };
}

describe('adding credits: in-page top-up and shareable payment links, through the sandbox provider', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(server.url);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function demoAccount(): Promise<Account> {
    const response = await fetch(`${server.url}/v1/accounts`, { headers: { authorization: `Bearer ${server.secretKey}` } });
    return ((await response.json()) as { data: Account[] }).data[0]!;
  }

  test('a top-up paid in the sandbox checkout popup raises the balance by exactly the amount', async () => {
    const balance = page.locator('wa-balance');
    await balance.getByText('$8,323.87').waitFor();
    await balance.getByRole('button', { name: 'Add credits' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: '$50.00' }).check();

    const [popup] = await Promise.all([page.waitForEvent('popup'), dialog.getByRole('button', { name: 'Pay now' }).click()]);
    await popup.getByText('TEST MODE — no real money').waitFor();
    await popup.getByRole('button', { name: 'Pay $50.00' }).click();

    // the visible message; the dialog's live region reads the same words out
    await dialog.getByRole('paragraph').filter({ hasText: '$50.00 added to your balance' }).waitFor();
    await balance.getByText('$8,373.87').waitFor();
    assert.equal((await demoAccount()).balance.amount, '8373.87');
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  test('a payment link opened with no session is paid once; paying it again is refused', async () => {
    await page.locator('wa-balance').getByRole('button', { name: 'Add credits' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.getByRole('textbox', { name: 'Other amount' }).fill('25.50');
    await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill('November invoice');
    await dialog.getByRole('button', { name: 'Create payment link' }).click();
    const linkField = dialog.getByRole('textbox', { name: 'Payment link for $25.50' });
    await linkField.waitFor();
    const url = await linkField.inputValue();
    assert.match(url, /\/pay\/[A-Za-z0-9_-]{43}$/);

    const finance = await browser.newContext();
    const payer = await finance.newPage();
    await payer.goto(url);
    await payer.getByText('November invoice').waitFor();
    await payer.getByRole('button', { name: 'Pay $25.50' }).click();
    await payer.getByRole('button', { name: 'Pay $25.50' }).click();
    await payer.getByRole('heading', { name: 'Payment received — you can close this window' }).waitFor();

    await page.locator('wa-balance').getByText('$8,399.37').waitFor();
    assert.equal((await demoAccount()).balance.amount, '8399.37');

    await payer.goto(url);
    await payer.getByText('This payment has been made').waitFor();
    assert.equal(await payer.getByRole('button', { name: /Pay/ }).count(), 0);
    const again = await fetch(url, { method: 'POST', redirect: 'manual' });
    assert.ok(again.status >= 400 && again.status < 500, `a second payment is refused (got ${again.status})`);
    assert.equal((await demoAccount()).balance.amount, '8399.37');
    await finance.close();
  });
});
