import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { metaSignature } from '../domain/meta/signature.js';
import { eventually } from '../test/eventually.js';
import { postgresSkipReason } from '../test/stores.js';
import { crashRound, withCrashFixture } from './crash-round.js';
import { SECRETS } from './processes.js';
import { MESSAGE_PRICE_MICROS, prepareWorkload } from './workload.js';

/** Rounds per engine here; `bench/crash-safety.ts` runs 20 in a row. */
const ROUNDS = Number(process.env['WA_CRASH_ROUNDS'] ?? 2);
const postgresSkip = postgresSkipReason();

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`a server killed with SIGKILL mid-burst (${kind})`, { skip: kind === 'postgres' ? postgresSkip : false }, () => {
    for (let round = 1; round <= ROUNDS; round++) {
      it(`round ${round}: after restart and retries, balance = sum of entries, each message charged once, each paid top-up credited once, every host event delivered`, async () => {
        const result = await crashRound(kind, { credits: 20, messages: 40, topups: 5 });
        assert.ok(result.completedBeforeKill < result.operations, 'the kill came before the burst ended');
        assert.deepEqual(result.problems, []);
      });
    }

    it('applies in full, each message once, a large webhook it had answered when it was killed applying it', async () => {
      // A short lease, renewed while applying, and a quick sweep: the restarted server takes the webhook within seconds.
      await withCrashFixture(kind, { WA_META_INBOX_LEASE_MS: '1000', WA_META_INBOX_SWEEP_MS: '200' }, async (fixture) => {
        const tag = `big-${randomBytes(3).toString('hex')}`;
        const { accountId, phoneNumberId } = await prepareWorkload(fixture.server.url, { credits: 0, messages: 0, topups: 0 }, tag);
        const statuses = Array.from({ length: 6_000 }, (_, i) => ({
          id: `wamid.${tag}.${i}`,
          status: 'delivered',
          recipient_id: `9198765${String(i).padStart(5, '0')}`,
          pricing: { pricing_model: 'PMP', billable: true, type: 'regular', category: 'marketing' },
        }));
        const raw = JSON.stringify({
          object: 'whatsapp_business_account',
          entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId }, statuses } }] }],
        });
        const res = await fetch(`${fixture.server.url}/webhooks/meta`, {
          method: 'POST',
          body: raw,
          headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': metaSignature(SECRETS.metaAppSecret, raw) },
        });
        assert.deepEqual(await res.json(), { received: 1, queued: true });
        await fixture.server.kill();

        assert.deepEqual(await fixture.inspect((store) => store.webhookInbox.count()), { waiting: 1, failed: 0 }, 'answered, and not yet applied in full');
        await fixture.restart();
        await fixture.inspect(async (store) => {
          await eventually(async () => (await store.webhookInbox.count()).waiting === 0, 'the restarted server to apply the webhook', 120_000);
          const references = (await store.listLedgerEntries(accountId)).map((entry) => entry.reference);
          assert.equal(references.length, statuses.length);
          assert.equal(new Set(references).size, statuses.length, 'each message charged once');
          assert.equal((await store.getAccount(accountId))?.balanceMicros, -BigInt(statuses.length) * MESSAGE_PRICE_MICROS);
        });
      });
    });
  });
}
