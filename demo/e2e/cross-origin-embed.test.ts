import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startDemoServer, type DemoServer } from './demo-server.js';
import { partnerPage, startHostPage, strictPolicy, type HostPage } from './host-page.js';

const FIVE_TAGS = '<wa-balance topup></wa-balance><wa-quality></wa-quality><wa-quota></wa-quota><wa-topup></wa-topup>';

describe('a page on another origin, under a strict CSP, with only the loader and the tags', () => {
  let server: DemoServer;
  let host: HostPage;
  let browser: Browser;

  before(async () => {
    // The page's origin exists first, so the server can be told to let it call the widget API (CORS).
    host = await startHostPage();
    server = await startDemoServer({ WA_ALLOWED_ORIGINS: host.url, WA_DEMO_SIMULATOR_INTERVAL_MS: '60000' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await host?.stop();
  });

  async function clientSecret(): Promise<string> {
    const auth = { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' };
    const accounts = (await (await fetch(`${server.url}/v1/accounts`, { headers: auth })).json()) as { data: { id: string }[] };
    const response = await fetch(`${server.url}/v1/widget-sessions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ account_id: accounts.data[0]!.id, permissions: ['topup', 'payment_links'] }),
    });
    assert.equal(response.status, 201);
    return ((await response.json()) as { client_secret: string }).client_secret;
  }

  /** Opens the partner page, recording the scripts it loads and anything the browser complains about. */
  async function openPartnerPage(tags: string) {
    host.setPage(partnerPage(server.url, await clientSecret(), tags), { 'Content-Security-Policy': strictPolicy(server.url) });
    const page: Page = await browser.newPage();
    const scripts: string[] = [];
    const complaints: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') complaints.push(message.text());
    });
    page.on('pageerror', (error) => complaints.push(error.message));
    await page.goto(host.url);
    return { page, scripts, complaints };
  }

  // a chunk is named after its first module and an 8-character hash (`topup-<hash>.js` is not `topup-trigger-<hash>.js`)
  const chunk = (name: string) => new RegExp(`^/wa-widgets/${name}-[\\w-]{8}\\.js$`);
  const loaded = (scripts: string[], name: string) => scripts.filter((path) => chunk(name).test(path)).length;

  test('renders live data in every widget, loading the loader, Lit once, and only the chunks of the tags shown', async () => {
    const { page, scripts, complaints } = await openPartnerPage(FIVE_TAGS);
    await page.locator('wa-balance').getByText('$8,323.87').waitFor();
    await page.locator('wa-quality').getByText('High', { exact: true }).waitFor();
    await page.locator('wa-quota').getByText('10K unique customers / 24 h').waitFor();
    await page.locator('wa-topup').getByRole('button', { name: 'Add credits' }).waitFor();
    assert.notEqual(new URL(page.url()).origin, server.url);

    assert.equal(scripts[0], '/wa-widgets.js');
    // the widgets' chunks, and the English two of them share (the rating's and tiers' names, "Add credits")
    for (const name of ['lit', 'core', 'session', 'balance', 'quality', 'quota', 'topup', 'rating', 'tiers', 'topup-trigger']) {
      assert.equal(loaded(scripts, name), 1, `${name} is loaded once: ${scripts.join(' ')}`);
    }
    // other widgets, and what loads only on demand: the top-up dialog's body, the alert form, their amount parsing
    for (const name of ['statement', 'rate-card', 'number', 'frequency-cap', 'markets', 'dialog-body', 'parts', 'threshold-editor', 'number-input', 'micros']) {
      assert.equal(loaded(scripts, name), 0, `${name} is not loaded: ${scripts.join(' ')}`);
    }
    assert.equal(scripts.length, 11, `no other script: ${scripts.join(' ')}`);
    assert.deepEqual(complaints, []);

    // Enter on "Add credits" imports the dialog's body, once, and focus moves into the dialog when it opens.
    const topup = page.locator('wa-topup');
    await topup.getByRole('button', { name: 'Add credits' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.getByRole('radio', { name: '$50.00' }).waitFor();
    await page.waitForFunction(() => document.querySelector('wa-topup')!.shadowRoot!.activeElement?.closest('dialog[open]'));
    assert.equal(loaded(scripts, 'dialog-body'), 1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await topup.getByRole('button', { name: 'Add credits' }).click();
    await dialog.getByRole('radio', { name: '$50.00' }).waitFor();
    assert.equal(loaded(scripts, 'dialog-body'), 1, 'a second open imports nothing more');
    await page.keyboard.press('Escape');

    // The policy is in force: an inline script is refused, so what the widgets did, they did without one.
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inline = "ran"';
      document.head.append(script);
      return document.body.dataset.inline === 'ran';
    });
    assert.equal(inlineRan, false);
    await page.close();
  });

  test('the balance loads the dialog on first press; the host sets properties and cancels events; a tag added later loads', async () => {
    const { page, scripts, complaints } = await openPartnerPage('<wa-balance topup></wa-balance>');
    const balance = page.locator('wa-balance');
    await balance.getByText('$8,323.87').waitFor();
    for (const name of ['topup', 'dialog-body', 'threshold-editor']) {
      assert.equal(loaded(scripts, name), 0, `the balance alone does not load ${name}: ${scripts.join(' ')}`);
    }

    // "Change" imports the alert's form, whose field then takes focus.
    await balance.getByRole('button', { name: 'Change low-balance alert' }).click();
    await page.waitForFunction(() => document.querySelector('wa-balance')!.shadowRoot!.activeElement?.matches('[part~="threshold-input"]'));
    assert.equal(loaded(scripts, 'threshold-editor'), 1);
    await page.keyboard.press('Escape');

    await balance.getByRole('button', { name: 'Add credits' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: '$50.00' }).check();
    for (const name of ['topup', 'dialog-body', 'parts']) assert.equal(loaded(scripts, name), 1, `${name} is loaded once`);

    await dialog.getByRole('button', { name: 'Close' }).click();

    // What a host script would do (the test stands for it: this page may run none of its own).
    await page.locator('wa-session').evaluate((session: HTMLElement & { strings: object }) => {
      session.strings = { balanceLabel: 'Credit (set by the host)' };
      session.addEventListener('wa-add-credits-requested', (event) => {
        event.preventDefault();
        document.body.dataset.heard = event.type;
      });
    });
    await balance.getByText('Credit (set by the host)').waitFor();
    await balance.getByRole('button', { name: 'Add credits' }).click();
    await page.waitForFunction(() => document.body.dataset.heard === 'wa-add-credits-requested');
    assert.equal(await dialog.isVisible(), false, 'the host cancelled the event, so the dialog stays closed');
    // The tags are added by the test, not by the page, which may run no script of its own.
    await page.locator('wa-session').evaluate((session) => session.insertAdjacentHTML('beforeend', '<wa-quality></wa-quality>'));
    await page.locator('wa-quality').getByText('High', { exact: true }).waitFor();
    assert.deepEqual(complaints, []);
    await page.close();
  });
});
