import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createGraphClient, DEFAULT_GRAPH_URL } from './graph-client.js';
import { MetaGraphError } from './meta-graph.js';

const PHONE_ID = '106540352242922';
const server = setupServer();

describe('Graph API client', () => {
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  after(() => server.close());

  it('reads the phone number node with the access token and maps its fields', async () => {
    let seen: URL | undefined;
    let auth: string | null = null;
    server.use(
      http.get(`${DEFAULT_GRAPH_URL}/${PHONE_ID}`, ({ request }) => {
        seen = new URL(request.url);
        auth = request.headers.get('Authorization');
        return HttpResponse.json({
          id: PHONE_ID,
          display_phone_number: '+1 555-078-3881',
          verified_name: 'Jaspers Market',
          quality_rating: 'GREEN',
          whatsapp_business_manager_messaging_limit: 'TIER_250',
          name_status: 'APPROVED',
          status: 'CONNECTED',
          code_verification_status: 'VERIFIED',
        });
      }),
    );
    const read = await createGraphClient({ accessToken: 'EAAJB-test' }).getPhoneNumber(PHONE_ID);
    assert.deepEqual(read, {
      displayPhoneNumber: '+1 555-078-3881',
      verifiedName: 'Jaspers Market',
      qualityRating: 'GREEN',
      messagingLimitTier: 'TIER_250',
      nameStatus: 'APPROVED',
      status: 'CONNECTED',
    });
    assert.equal(auth, 'Bearer EAAJB-test');
    const fields = seen?.searchParams.get('fields')?.split(',') ?? [];
    assert.ok(fields.includes('whatsapp_business_manager_messaging_limit'));
    assert.ok(fields.includes('quality_rating') && fields.includes('name_status') && fields.includes('status'));
    assert.ok(!fields.includes('messaging_limit_tier'), 'v24+ fails the whole request for a removed field');
  });

  it('asks v23.0 and older for messaging_limit_tier too and falls back to it', async () => {
    let fields: string[] = [];
    server.use(
      http.get(`https://graph.facebook.com/v23.0/${PHONE_ID}`, ({ request }) => {
        fields = new URL(request.url).searchParams.get('fields')?.split(',') ?? [];
        return HttpResponse.json({ quality_rating: 'NA', messaging_limit_tier: 'TIER_1K' });
      }),
    );
    const client = createGraphClient({ accessToken: 't', baseUrl: 'https://graph.facebook.com/v23.0/' });
    const read = await client.getPhoneNumber(PHONE_ID);
    assert.ok(fields.includes('messaging_limit_tier'));
    assert.equal(read.messagingLimitTier, 'TIER_1K');
    assert.equal(read.qualityRating, 'UNKNOWN');
    assert.equal(read.displayPhoneNumber, null);
  });

  it('prefers whatsapp_business_manager_messaging_limit over the deprecated field, as a string or an object', async () => {
    const bodies = [
      { whatsapp_business_manager_messaging_limit: 'TIER_2K', messaging_limit_tier: 'TIER_1K' },
      { whatsapp_business_manager_messaging_limit: { max_daily_conversations_per_business: 'TIER_100K' } },
      { whatsapp_business_manager_messaging_limit: 'UNLIMITED' },
    ];
    const tiers: (string | null)[] = [];
    for (const body of bodies) {
      server.use(http.get(`${DEFAULT_GRAPH_URL}/${PHONE_ID}`, () => HttpResponse.json(body)));
      tiers.push((await createGraphClient({ accessToken: 't' }).getPhoneNumber(PHONE_ID)).messagingLimitTier);
    }
    assert.deepEqual(tiers, ['TIER_2K', 'TIER_100K', 'TIER_UNLIMITED']);
  });

  it('maps Meta NA and unknown ratings to UNKNOWN', async () => {
    server.use(http.get(`${DEFAULT_GRAPH_URL}/${PHONE_ID}`, () => HttpResponse.json({ quality_rating: 'NA' })));
    assert.equal((await createGraphClient({ accessToken: 't' }).getPhoneNumber(PHONE_ID)).qualityRating, 'UNKNOWN');
  });

  it('throws a typed http error with Meta’s message for error statuses', async () => {
    server.use(
      http.get(`${DEFAULT_GRAPH_URL}/${PHONE_ID}`, () =>
        HttpResponse.json({ error: { message: 'Invalid OAuth access token', code: 190 } }, { status: 401 }),
      ),
    );
    await assert.rejects(
      createGraphClient({ accessToken: 'bad' }).getPhoneNumber(PHONE_ID),
      (error: unknown) =>
        error instanceof MetaGraphError && error.kind === 'http' && error.status === 401 && /Invalid OAuth/.test(error.message),
    );
  });

  it('throws a typed network error when Meta cannot be reached', async () => {
    server.use(http.get(`${DEFAULT_GRAPH_URL}/${PHONE_ID}`, () => HttpResponse.error()));
    await assert.rejects(
      createGraphClient({ accessToken: 't' }).getPhoneNumber(PHONE_ID),
      (error: unknown) => error instanceof MetaGraphError && error.kind === 'network',
    );
  });

  it('gives up after the timeout with a typed timeout error', async () => {
    server.use(
      http.get(`${DEFAULT_GRAPH_URL}/${PHONE_ID}`, async () => {
        await delay(1500);
        return HttpResponse.json({});
      }),
    );
    const started = Date.now();
    await assert.rejects(
      createGraphClient({ accessToken: 't', timeoutMs: 50 }).getPhoneNumber(PHONE_ID),
      (error: unknown) => error instanceof MetaGraphError && error.kind === 'timeout',
    );
    assert.ok(Date.now() - started < 1000);
  });

  it('rejects an answer that is not JSON as invalid_response', async () => {
    server.use(http.get(`${DEFAULT_GRAPH_URL}/${PHONE_ID}`, () => new HttpResponse('<html>', { status: 200 })));
    await assert.rejects(
      createGraphClient({ accessToken: 't' }).getPhoneNumber(PHONE_ID),
      (error: unknown) => error instanceof MetaGraphError && error.kind === 'invalid_response',
    );
  });
});
