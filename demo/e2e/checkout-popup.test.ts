import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

interface Account {
  id: string;
  balance: { amount: string };
}

/**
 * A reseller's console on another origin (`localhost`, the server being `127.0.0.1`): the page loads the
 * script-tag bundle from the server and mints its own widget session, as a host's backend would.
 */
describe('the checkout popup, from a host page on another origin', () => {
  let server: DemoServer;
  let host: Server;
  let hostUrl: string;
  let clientSecret = '';
  let browser: Browser;

  before(async () => {
    host = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="en"><head><title>Reseller console</title>
<script type="module" src="${server.url}/wa-widgets.js"></script></head>
<body><wa-session endpoint="${server.url}" client-secret="${clientSecret}"><wa-balance topup></wa-balance></wa-session></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
    server = await startDemoServer({ WA_ALLOWED_ORIGINS: hostUrl });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => host?.close(resolve));
  });

  async function demoAccount(): Promise<Account> {
    const response = await fetch(`${server.url}/v1/accounts`, { headers: { authorization: `Bearer ${server.secretKey}` } });
    return ((await response.json()) as { data: Account[] }).data[0]!;
  }

  async function openHostPage(): Promise<Page> {
    const minted = await fetch(`${server.url}/v1/widget-sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ account_id: (await demoAccount()).id, permissions: ['topup'] }),
    });
    assert.equal(minted.status, 201);
    clientSecret = ((await minted.json()) as { client_secret: string }).client_secret;
    const page = await browser.newPage();
    await page.goto(hostUrl);
    return page;
  }

  test('after paying, the popup closes itself, never had an opener, and the widget shows the new balance', async () => {
    const page = await openHostPage();
    const balance = page.locator('wa-balance');
    const before = (await demoAccount()).balance.amount;
    await balance.getByText('$8,323.87').waitFor();
    await balance.getByRole('button', { name: 'Add credits' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.getByRole('radio', { name: '$50.00' }).check();

    const [popup] = await Promise.all([page.waitForEvent('popup'), dialog.getByRole('button', { name: 'Pay now' }).click()]);
    await popup.getByText('TEST MODE — no real money').waitFor();
    assert.notEqual(new URL(popup.url()).origin, hostUrl, 'the checkout is on another origin than the host page');
    assert.equal(await popup.evaluate(() => window.opener), null, 'the checkout page has no opener');
    const closed = popup.waitForEvent('close', { timeout: 10_000 });
    await popup.getByRole('button', { name: 'Pay $50.00' }).click();
    await closed;

    // the visible message; the dialog's live region reads the same words out
    await dialog.getByRole('paragraph').filter({ hasText: '$50.00 added to your balance' }).waitFor();
    await balance.getByText('$8,373.87').waitFor();
    assert.equal(before, '8323.87');
    assert.equal((await demoAccount()).balance.amount, '8373.87');
    await page.close();
  });

  test('closing the dialog while the checkout is being created opens no window', async () => {
    const page = await openHostPage();
    let popups = 0;
    page.on('popup', () => popups++);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const askedForCheckout = new Promise<void>((resolve) => (asked = resolve));
    await page.route('**/v1/topups', async (route) => {
      asked();
      await released;
      await route.continue();
    });

    const balance = page.locator('wa-balance');
    await balance.getByText(/\$8,3\d\d\.\d\d/).waitFor();
    await balance.getByRole('button', { name: 'Add credits' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.getByRole('radio', { name: '$25.00' }).check();
    await dialog.getByRole('button', { name: 'Pay now' }).click();
    await askedForCheckout;
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    release();
    const created = await page.waitForResponse('**/v1/topups');
    assert.equal(created.status(), 201, 'the server answered the abandoned checkout');
    await page.waitForTimeout(1_000);

    assert.equal(popups, 0, 'no window opened for the abandoned checkout');
    assert.equal(browser.contexts().flatMap((context) => context.pages()).length, 1);
    await page.close();
  });
});
