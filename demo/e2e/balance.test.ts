import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeSource, launchChromium } from './browser.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

interface AxeResults {
  violations: { id: string; nodes: unknown[] }[];
}

describe('the demo console shows the seeded account through <wa-balance>', () => {
  let server: DemoServer;
  let browser: Browser;

  before(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function demoAccountId(): Promise<string> {
    const response = await fetch(`${server.url}/v1/accounts`, { headers: { authorization: `Bearer ${server.secretKey}` } });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { data: { id: string; name: string }[] };
    const account = body.data[0];
    assert.ok(account, 'the demo account is seeded on first start');
    return account.id;
  }

  test('the console page renders the seeded balance and threshold inside <wa-session>', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.locator('wa-session wa-balance').getByText('$8,323.87').waitFor();
    assert.ok(await page.locator('wa-balance').getByText('$100.00').isVisible());
    await page.close();
  });

  test('an adjustment made through the partner API appears after reload, to the micro-unit', async () => {
    const accountId = await demoAccountId();
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.locator('wa-balance').getByText('$8,323.87').waitFor();

    const adjust = await fetch(`${server.url}/v1/accounts/${accountId}/adjustments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ amount: { amount: '-23.87', currency: 'USD' }, reason: 'e2e correction', idempotency_key: 'e2e-1' }),
    });
    assert.equal(adjust.status, 201);

    await page.reload();
    await page.locator('wa-balance').getByText('$8,300.00').waitFor();
    await page.close();
  });

  test('the console page has no axe violations once loaded', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    // loaded means every widget on the page, not only the balance: each card says aria-busy="false" once it is
    const widgets = ['wa-balance', 'wa-number', 'wa-quality', 'wa-quota', 'wa-rate-card', 'wa-statement', 'wa-frequency-cap'];
    for (const tag of widgets) await page.locator(`${tag} [part~="base"][aria-busy="false"]`).waitFor();
    await page.evaluate(axeSource);
    const results = (await page.evaluate('axe.run(document)')) as AxeResults;
    assert.deepEqual(results.violations.map((v) => v.id), [], JSON.stringify(results.violations.map((v) => ({ id: v.id, nodes: v.nodes }))).slice(0, 2000));
    await page.close();
  });

  test('a plain HTML page with one script tag renders the same widget', async () => {
    const page = await browser.newPage();
    const bundle = await fetch(`${server.url}/wa-widgets.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    await page.goto(`${server.url}/embed.html`);
    await page.locator('wa-balance').getByText(/\$8,3\d\d\.\d\d/).waitFor();
    await page.close();
  });
});
