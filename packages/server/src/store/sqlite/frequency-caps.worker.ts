// Worker of frequency-caps.test.ts: its own connection to the database file, checking sends
// for one recipient as fast as it can once the test says go.
import { parentPort, workerData } from 'node:worker_threads';
import { checkMarketingSend } from '../../domain/frequency-cap.js';
import { openSqliteStore } from './sqlite-store.js';

const { file, accountId, checks } = workerData as { file: string; accountId: string; checks: number };
const store = openSqliteStore({ file });
const clock = { now: () => new Date() };

parentPort?.once('message', async () => {
  let allowed = 0;
  for (let i = 0; i < checks; i++) {
    if ((await checkMarketingSend(store, clock, accountId, '+14155550100')).allowed) allowed++;
  }
  await store.close();
  parentPort?.postMessage(allowed);
});
parentPort?.postMessage('ready');
