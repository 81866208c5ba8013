import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';

/** msw's worker must be served from the root so it controls the test pages. */
function serveMockServiceWorker(context, next) {
  if (context.path === '/mockServiceWorker.js') context.path = '/test-assets/mockServiceWorker.js';
  return next();
}

/** When WTR_SUMMARY_FILE is set, writes {"passed","failed","skipped"} of every test run there. */
function summaryReporter(file = process.env.WTR_SUMMARY_FILE) {
  const count = (suite, totals) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) totals.skipped++;
      else if (test.passed) totals.passed++;
      else totals.failed++;
    }
    for (const child of suite?.suites ?? []) count(child, totals);
    return totals;
  };
  return {
    onTestRunFinished({ sessions }) {
      if (!file) return;
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = totals.failed;
        count(session.testResults, totals);
        // A file that failed to load or run has no failed test to count: count it as one.
        if (!session.passed && totals.failed === before) totals.failed++;
      }
      writeFileSync(file, `${JSON.stringify(totals)}\n`);
    },
  };
}

/**
 * `executeServerCommand('emulate-forced-colors', { active })`: @web/test-runner-commands' emulateMedia, and
 * Puppeteer's own emulateMediaFeatures, refuse `forced-colors`, so this asks Chromium over CDP directly.
 */
function forcedColorsPlugin() {
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}

export default {
  files: 'src/**/*.test.ts',
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  middleware: [serveMockServiceWorker],
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }), forcedColorsPlugin()],
  reporters: [defaultReporter(), summaryReporter()],
  browsers: [
    chromeLauncher({
      // Each test file in a window of its own: with `concurrency` > 1 a second tab would hide the first, and a
      // hidden page gets no animation frames (a test awaiting one, e.g. a fixture of a not-yet-defined element,
      // hangs until it times out) and throttled timers.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
      },
    }),
  ],
};
