import { expect } from '@open-wc/testing';
import { apiError, balance, balanceHandler, endpoint, http, HttpResponse, useApi } from '../../test/api-mock.js';
import { ApiClient, ApiError, filenameOf } from './api-client.js';

describe('ApiClient', () => {
  it('shares one request between identical GETs in flight', async () => {
    const seen: string[] = [];
    await useApi(balanceHandler(balance(), seen));
    const client = new ApiClient({ endpoint, clientSecret: 'ws_test' });

    const [first, second] = await Promise.all([client.get('/v1/balance'), client.get('/v1/balance')]);
    expect(first).to.deep.equal(second);
    expect(seen).to.have.length(1);
    await client.get('/v1/balance');
    expect(seen).to.have.length(2);
  });

  it('lets one caller stop waiting without cancelling the shared request', async () => {
    await useApi(balanceHandler());
    const client = new ApiClient({ endpoint, clientSecret: 'ws_test' });
    const controller = new AbortController();

    const abandoned = client.get('/v1/balance', { signal: controller.signal });
    const kept = client.get('/v1/balance');
    controller.abort();

    const [abandonedResult, keptResult] = await Promise.allSettled([abandoned, kept]);
    expect(abandonedResult.status).to.equal('rejected');
    expect(keptResult).to.deep.equal({ status: 'fulfilled', value: balance() });
  });

  it('renews an expired secret once for concurrent requests', async () => {
    await useApi(
      http.get(`${endpoint}/v1/:resource`, ({ request }) =>
        request.headers.get('Authorization') === 'Bearer ws_new'
          ? HttpResponse.json({ ok: true })
          : apiError(401, 'session_expired'),
      ),
    );
    let renewals = 0;
    const client = new ApiClient({
      endpoint,
      clientSecret: 'ws_old',
      fetchClientSecret: async () => (renewals++, 'ws_new'),
    });

    await Promise.all([client.get('/v1/balance'), client.get('/v1/account')]);
    expect(renewals).to.equal(1);
    expect(client.clientSecret).to.equal('ws_new');
  });

  it('reports a failed renewal as session_expired, once', async () => {
    await useApi(http.get(`${endpoint}/v1/:resource`, () => apiError(401, 'session_expired')));
    const client = new ApiClient({
      endpoint,
      clientSecret: 'ws_old',
      fetchClientSecret: () => Promise.reject(new Error('logged out')),
    });
    const events: Event[] = [];
    client.addEventListener('wa-session-expired', event => events.push(event));

    const results = await Promise.allSettled([client.get('/v1/balance'), client.get('/v1/account')]);
    for (const result of results) {
      expect(result.status).to.equal('rejected');
      expect((result as PromiseRejectedResult).reason).to.be.instanceOf(ApiError).and.include({ code: 'session_expired' });
    }
    expect(events).to.have.length(1);
  });

  it('recovers from a fetchClientSecret that throws synchronously, and renews on the next expiry', async () => {
    await useApi(
      http.get(`${endpoint}/v1/:resource`, ({ request }) =>
        request.headers.get('Authorization') === 'Bearer ws_new' ? HttpResponse.json({ ok: true }) : apiError(401, 'session_expired'),
      ),
    );
    let calls = 0;
    const client = new ApiClient({
      endpoint,
      clientSecret: 'ws_old',
      fetchClientSecret: () => {
        calls++;
        if (calls === 1) throw new Error('not ready');
        return Promise.resolve('ws_new');
      },
    });

    const first = await client.get('/v1/balance').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(first).to.be.instanceOf(ApiError).and.include({ code: 'session_expired' });
    expect(await client.get('/v1/balance')).to.deep.equal({ ok: true });
    expect(calls).to.equal(2);
    expect(client.clientSecret).to.equal('ws_new');
  });

  it('sends a fresh GET of its own instead of joining one in flight, and later GETs share the fresh one', async () => {
    const seen: string[] = [];
    let answered = 0;
    await useApi(
      http.get(`${endpoint}/v1/payment-links`, async () => {
        seen.push('GET');
        const version = seen.length;
        await new Promise(resolve => setTimeout(resolve, 20));
        answered++;
        return HttpResponse.json({ version });
      }),
    );
    const client = new ApiClient({ endpoint, clientSecret: 'ws_test' });

    const stale = client.get<{ version: number }>('/v1/payment-links');
    const fresh = client.get<{ version: number }>('/v1/payment-links', { fresh: true });
    const joined = client.get<{ version: number }>('/v1/payment-links');
    expect((await stale).version).to.equal(1);
    expect((await fresh).version).to.equal(2);
    expect((await joined).version).to.equal(2);
    expect(seen).to.have.length(2);
    expect(answered).to.equal(2);
  });

  it('sends JSON bodies with the secret and reads the contract’s errors', async () => {
    let received: unknown;
    await useApi(
      http.put(`${endpoint}/v1/alerts/low-balance`, async ({ request }) => {
        received = await request.json();
        return apiError(400, 'invalid_money', 'amount must be a decimal string');
      }),
    );
    const client = new ApiClient({ endpoint: `${endpoint}/`, clientSecret: 'ws_test' });
    const failed = new Promise<CustomEvent>(resolve =>
      client.addEventListener('wa-request-failed', event => resolve(event as CustomEvent), { once: true }),
    );

    const error = await client.send('PUT', '/v1/alerts/low-balance', { threshold: null }).catch(e => e as ApiError);
    expect(received).to.deep.equal({ threshold: null });
    expect(error).to.include({ code: 'invalid_money', status: 400, request: 'PUT /v1/alerts/low-balance' });
    expect((await failed).detail.error).to.equal(error);
  });

  it('turns a network failure into a network_error', async () => {
    await useApi(http.get(`${endpoint}/v1/balance`, () => HttpResponse.error()));
    const client = new ApiClient({ endpoint, clientSecret: 'ws_test' });
    const error = await client.get('/v1/balance').catch(e => e as ApiError);
    expect(error).to.be.instanceOf(ApiError).and.include({ code: 'network_error', status: 0 });
  });

  it('calls the listeners of pushed updates until they stop listening', () => {
    const client = new ApiClient({ clientSecret: 'ws_test' });
    const heard: string[] = [];
    const stop = client.on('balance', update => heard.push(update.balance.amount));

    client.emit('balance', balance());
    stop();
    client.emit('balance', balance());
    expect(heard).to.deep.equal(['8323.87']);
  });

  it('resolves API paths against an endpoint with a base path, or the page’s origin', () => {
    expect(new ApiClient({ endpoint: 'https://x.test/wa', clientSecret: 's' }).url('/v1/balance')).to.equal(
      'https://x.test/wa/v1/balance',
    );
    expect(new ApiClient({ clientSecret: 's' }).url('/v1/balance')).to.equal(`${location.origin}/v1/balance`);
  });
  describe('download', () => {
    it('downloads a file with the Authorization header and the server’s filename', async () => {
      const seen: Array<{ authorization: string | null; accept: string | null }> = [];
      await useApi(
        http.get(`${endpoint}/v1/statement`, ({ request }) => {
          seen.push({ authorization: request.headers.get('Authorization'), accept: request.headers.get('Accept') });
          return new HttpResponse('date,type\n', {
            headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="statement-acc_1.csv"' },
          });
        }),
      );
      const client = new ApiClient({ endpoint, clientSecret: 'ws_test' });

      const file = await client.download('/v1/statement?format=csv', { accept: 'text/csv' });
      expect(file.filename).to.equal('statement-acc_1.csv');
      expect(await file.blob.text()).to.equal('date,type\n');
      expect(seen).to.deep.equal([{ authorization: 'Bearer ws_test', accept: 'text/csv' }]);
    });

    it('uses the fallback name without Content-Disposition, and rejects with the API error', async () => {
      let forbid = false;
      await useApi(
        http.get(`${endpoint}/v1/file`, () => (forbid ? apiError(403, 'forbidden') : new HttpResponse('x'))),
      );
      const client = new ApiClient({ endpoint, clientSecret: 'ws_test' });
      expect((await client.download('/v1/file', { fallbackName: 'file.csv' })).filename).to.equal('file.csv');

      forbid = true;
      const error = await client.download('/v1/file').catch(e => e as ApiError);
      expect(error).to.be.instanceOf(ApiError).and.include({ code: 'forbidden', status: 403, request: 'GET /v1/file' });
    });

    it('reads plain, quoted and RFC 5987 filenames', () => {
      expect(filenameOf('attachment; filename="a b.csv"')).to.equal('a b.csv');
      expect(filenameOf('attachment; filename=plain.csv')).to.equal('plain.csv');
      expect(filenameOf(`attachment; filename="x.csv"; filename*=UTF-8''extrato%20%C3%A9.csv`)).to.equal('extrato é.csv');
      expect(filenameOf('attachment')).to.be.undefined;
      expect(filenameOf(null)).to.be.undefined;
    });
  });
});
