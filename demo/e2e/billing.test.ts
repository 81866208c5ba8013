import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

describe('statement, low-balance alert and frequency cap in the demo console', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await browser.newPage({ acceptDownloads: true });
    await page.goto(server.url);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the statement lists the opening credit and exports the range as CSV', async () => {
    const statement = page.locator('wa-statement');
    await statement.getByText('Opening balance', { exact: true }).waitFor();
    await statement.getByRole('cell', { name: '+$8,323.87', exact: true }).first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      statement.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^statement-acc_.*\.csv$/);
    const stream = await download.createReadStream();
    let csv = '';
    for await (const chunk of stream) csv += chunk;
    const [header, row] = csv.trim().split('\r\n');
    assert.equal(header, 'date,type,kind,description,reference,category,market,amount,currency,balance_after');
    assert.match(row ?? '', /,credit,adjustment,.*,8323\.87,USD,8323\.87$/);
  });

  test('changing the low-balance alert above the balance shows the low state', async () => {
    const balance = page.locator('wa-balance');
    await balance.getByRole('button', { name: 'Change low-balance alert' }).click();
    await balance.getByLabel('Alert me when the balance falls below (USD)').fill('9000');
    await balance.getByRole('button', { name: 'Save' }).click();
    await balance.getByText('Alert below $9,000.00').waitFor();
    await balance.getByText('Low balance').waitFor();

    const accounts = await fetch(`${server.url}/v1/accounts`, { headers: { authorization: `Bearer ${server.secretKey}` } });
    const [account] = ((await accounts.json()) as { data: { low_balance_threshold: { amount: string } }[] }).data;
    assert.equal(account!.low_balance_threshold.amount, '9000.00');
  });

  test('a frequency cap saved in the widget is enforced by the send-time check', async () => {
    const cap = page.locator('wa-frequency-cap');
    await cap.getByRole('switch', { name: 'Limit marketing messages per customer' }).check();
    await cap.getByLabel('Marketing messages per customer, at most').fill('1');
    await cap.getByLabel('Within this many hours').fill('24');
    await cap.getByRole('button', { name: 'Save' }).click();
    // the visible message; the widget's live region reads the same words out
    await cap.getByRole('paragraph').filter({ hasText: 'Frequency cap saved.' }).waitFor();

    const accounts = await fetch(`${server.url}/v1/accounts`, { headers: { authorization: `Bearer ${server.secretKey}` } });
    const [account] = ((await accounts.json()) as { data: { id: string }[] }).data;
    const check = () =>
      fetch(`${server.url}/v1/accounts/${account!.id}/marketing-sends`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ recipient: '+919876543210' }),
      }).then((response) => response.json() as Promise<{ allowed: boolean }>);
    assert.equal((await check()).allowed, true);
    assert.equal((await check()).allowed, false);
  });
});
