import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

describe('the widgets inside frameworks, on the live demo server', () => {
  let server: DemoServer;
  let browser: Browser;

  before(async () => {
    server = await startDemoServer({ WA_DEMO_SIMULATOR_INTERVAL_MS: '60000' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path: string) {
    const page: Page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}${path}`);
    return { page, errors };
  }

  const heard = (page: Page) => page.locator('#heard li').allTextContents();

  test('React 19 through @wa-widgets/widgets/react: properties set, typed events heard, a cancelled event obeyed', async () => {
    const { page, errors } = await open('/frameworks/react.html');
    const balance = page.locator('wa-balance');
    // `strings` and `clientSecret` are properties: an object cannot go through an attribute.
    await balance.getByText('Credit (set by React)').waitFor();
    await balance.getByText('$8,323.87').waitFor();
    await page.locator('#heard').getByText('wrapper: quality GREEN').waitFor();

    await balance.getByRole('button', { name: 'Add credits' }).click();
    await page.locator('#heard').getByText('wrapper: add credits requested, the host opens its own flow').waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0, 'the host cancelled the event, so no dialog opens');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('React 19 JSX by tag: properties set and events heard without the wrapper', async () => {
    const { page, errors } = await open('/frameworks/react.html');
    await page.locator('wa-number').getByText('Line (set by JSX)').waitFor();
    await page.locator('#heard').getByText('jsx: quality GREEN').waitFor();
    assert.equal((await heard(page)).filter((line) => line === 'jsx: quality GREEN').length, 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('Vue 3 with isCustomElement: properties bound, events heard, a cancelled event obeyed', async () => {
    const { page, errors } = await open('/frameworks/vue.html');
    const balance = page.locator('wa-balance');
    await balance.getByText('Credit (set by Vue)').waitFor();
    await balance.getByText('$8,323.87').waitFor();
    await page.locator('#heard').getByText('vue: quality GREEN').waitFor();

    await balance.getByRole('button', { name: 'Add credits' }).click();
    await page.locator('#heard').getByText('vue: add credits requested, the host opens its own flow').waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
