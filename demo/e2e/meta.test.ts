import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

describe('the demo console with Meta played by the built-in simulator', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startDemoServer({ WA_DEMO_SIMULATOR_INTERVAL_MS: '300' });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(server.url);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const balanceText = () => page.locator('wa-balance [part="amount"]').textContent();

  test('shows the connected number, its quality rating in words and the portfolio limit', async () => {
    await page.locator('wa-number').getByText('+1 555-010-4477').waitFor();
    assert.ok(await page.locator('wa-number').getByText('Acme Coffee').first().isVisible());
    await page.locator('wa-quality').getByText('High', { exact: true }).waitFor();
    await page.locator('wa-quota').getByText('10K unique customers / 24 h').waitFor();
  });

  test('the balance goes down live as delivered messages are charged, with no reload', async () => {
    await page.locator('wa-balance').getByText('$').first().waitFor();
    const first = await balanceText();
    await page.waitForFunction(
      (before) => document.querySelector('wa-balance')?.shadowRoot?.querySelector('[part="amount"]')?.textContent?.trim() !== before,
      first?.trim(),
      { timeout: 15_000 },
    );
    const later = await balanceText();
    assert.notEqual(later, first);

    const accounts = await fetch(`${server.url}/v1/accounts`, { headers: { authorization: `Bearer ${server.secretKey}` } });
    const [account] = ((await accounts.json()) as { data: { balance: { amount: string } }[] }).data;
    assert.ok(Number(account!.balance.amount) < 8323.87, 'the simulator’s deliveries debited the ledger');
  });

  test('the last-24h usage shows customers reached against the limit as a meter', async () => {
    await page.locator('wa-quota').getByRole('button', { name: 'Get last 24h usage' }).click();
    const meter = page.locator('wa-quota').getByRole('meter');
    await meter.waitFor();
    assert.match((await meter.getAttribute('aria-valuetext')) ?? '', /of 10,000 customers/);
  });

  test('the rate card filters markets and prices a campaign exactly against the balance', async () => {
    const card = page.locator('wa-rate-card');
    await card.getByLabel('Search markets').fill('India');
    await card.getByRole('rowheader', { name: /India/ }).waitFor();
    assert.equal(await card.getByRole('rowheader', { name: /Brazil/ }).count(), 0);

    await card.locator('select[part="estimate-market"]').selectOption({ label: 'India' });
    await card.locator('select[part="estimate-category"]').selectOption({ label: 'Marketing' });
    await card.getByRole('textbox', { name: 'People' }).fill('1000003');
    // 0.0118 × 1,000,003 = 11,800.0354 exactly: bigint micro-units, never floats
    await card.getByText('Estimated total: $11,800.0354').waitFor();
    await card.getByText(/covers this campaign|You need/).waitFor();
  });
});
