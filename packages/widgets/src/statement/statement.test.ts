import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../session/wa-session.js';
import type { WaSession } from '../session/session.js';
import type { StatementResponse } from '../shared/api/types.js';
import { listenToAnnouncements, liveRegion } from '../test/announcements.js';
import { apiError, balance, endpoint, gate, http, HttpResponse, statement, statementEntry, useApi } from '../test/api-mock.js';
import type { WaStatement } from './statement.js';
import { currentMonth, nextDay } from './statement-query.js';
import './wa-statement.js';

const root = (el: WaStatement) => el.shadowRoot!;
const part = (el: WaStatement, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: WaStatement, name: string) => [...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const words = (node: Element | null | undefined) => node?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
const text = (el: WaStatement, name: string) => words(part(el, name));
const field = <T extends HTMLElement>(el: WaStatement, id: string) => root(el).getElementById(id) as T;
const loaded = (el: WaStatement) =>
  waitUntil(() => part(el, 'base')?.getAttribute('aria-busy') === 'false', 'the statement never finished loading');

const usd = (amount: string) => ({ amount, currency: 'USD' });

/** `GET /v1/statement` answered by `respond`, remembering each request's URL and Authorization header. */
function statementHandler(respond: (url: URL) => Response | Promise<Response>, seen: URL[] = [], auth: string[] = []) {
  return http.get(`${endpoint}/v1/statement`, ({ request }) => {
    const url = new URL(request.url);
    seen.push(url);
    auth.push(request.headers.get('Authorization') ?? '');
    return respond(url);
  });
}

const json = (body: StatementResponse) => () => HttpResponse.json(body);

async function statementInSession(attributes: { from?: string; to?: string; locale?: string } = {}) {
  const session = await fixture<WaSession>(html`
    <wa-session endpoint=${endpoint} client-secret="ws_test" locale=${attributes.locale ?? 'en-US'}>
      <wa-statement from=${attributes.from ?? '2025-11-01'} to=${attributes.to ?? '2025-11-30'}></wa-statement>
    </wa-session>
  `);
  return { session, el: session.querySelector('wa-statement')! };
}

async function choose(el: WaStatement, id: string, value: string) {
  const control = field<HTMLInputElement | HTMLSelectElement>(el, id);
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Two pages: the first with a cursor, the second the last. */
function pagedStatement(url: URL) {
  const second = url.searchParams.get('cursor') === 'c2';
  return HttpResponse.json(
    second
      ? statement({
          entries: [statementEntry({ id: 'le_9', at: '2025-11-20T10:00:00.000Z', description: 'Older message' })],
          next_cursor: null,
          daily_totals: [{ date: '2025-11-20', credits: usd('0.00'), debits: usd('-0.0118') }],
        })
      : statement({ next_cursor: 'c2' }),
  );
}

describe('<wa-statement>', () => {
  describe('accessibility', () => {
    it('is accessible loaded, with day groups, totals and Load more', async () => {
      await useApi(statementHandler(pagedStatement));
      const { el } = await statementInSession();
      await loaded(el);
      await expect(el).to.be.accessible();
    });

    it('is accessible when empty, when failed, and with an invalid range', async () => {
      await useApi(statementHandler(json(statement({ entries: [], daily_totals: [] }))));
      const { el } = await statementInSession();
      await loaded(el);
      await expect(el).to.be.accessible();

      await useApi(statementHandler(() => apiError(503, 'unavailable')));
      await el.refresh().catch(() => {});
      await waitUntil(() => part(el, 'retry'));
      await expect(el).to.be.accessible();

      await choose(el, 'to', '2025-10-01');
      expect(text(el, 'range-error')).to.equal('The end date must be on or after the start date.');
      expect(field(el, 'to').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('keeps the loaded rows legible and accessible while they refresh', async () => {
      let response = gate();
      response.open();
      await useApi(statementHandler(async () => (await response.opened, HttpResponse.json(statement()))));
      const { el } = await statementInSession();
      await loaded(el);
      response = gate();
      const refreshing = el.refresh();
      await waitUntil(() => part(el, 'base')?.getAttribute('aria-busy') === 'true', 'the refresh never started');
      try {
        expect(parts(el, 'row')).to.have.length(3);
        expect(getComputedStyle(root(el).querySelector('.table-wrap')!).opacity).to.equal('1');
        await expect(el).to.be.accessible();
      } finally {
        response.open();
      }
      await refreshing;
    });

    it('is busy with a skeleton while loading, and the table does not move when the rows arrive', async () => {
      const response = gate();
      await useApi(statementHandler(async () => (await response.opened, HttpResponse.json(statement()))));
      const { el } = await statementInSession();
      await el.updateComplete;

      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(root(el).querySelectorAll('.skeleton-row')).to.have.length(3);
      await expect(el).to.be.accessible();
      const summaryTop = part(el, 'summary')!.getBoundingClientRect().top;
      const captionTop = root(el).querySelector('caption')!.getBoundingClientRect().top;
      const headerHeight = root(el).querySelector('thead')!.getBoundingClientRect().height;

      response.open();
      await loaded(el);
      expect(part(el, 'summary')!.getBoundingClientRect().top).to.be.closeTo(summaryTop, 0.5);
      expect(root(el).querySelector('caption')!.getBoundingClientRect().top).to.be.closeTo(captionTop, 0.5);
      expect(root(el).querySelector('thead')!.getBoundingClientRect().height).to.be.closeTo(headerHeight, 0.5);
    });
  });

  describe('rendering', () => {
    it('lets the host style each filter through ::part', async () => {
      await useApi(statementHandler(json(statement())));
      const style = document.createElement('style');
      style.textContent = 'wa-statement::part(filter-input) { letter-spacing: 2px } wa-statement::part(filter-label) { letter-spacing: 3px }';
      document.head.append(style);
      try {
        const { el } = await statementInSession();
        await loaded(el);
        const spacing = (name: string) => parts(el, name).map(node => getComputedStyle(node).letterSpacing);
        expect(spacing('filter-input')).to.deep.equal(['2px', '2px', '2px', '2px']);
        expect(spacing('filter-label')).to.deep.equal(['3px', '3px', '3px', '3px']);
        expect(['from', 'to', 'type', 'kind'].map(name => part(el, name)?.id)).to.deep.equal(['from', 'to', 'type', 'kind']);
      } finally {
        style.remove();
      }
    });

    it('says how many delivered messages had no price and were not charged, and nothing when there are none', async () => {
      const unpriced = { count: 3, newest: [{ at: '2025-11-25T10:00:00Z', message_id: 'wamid.X', category: 'authentication', market: 'IN' }] };
      await useApi(statementHandler(json(statement({ unpriced_messages: unpriced }))));
      const { el } = await statementInSession();
      await loaded(el);
      expect(text(el, 'unpriced')).to.equal('3 delivered messages had no price on your rate card and were not charged.');
      await expect(el).to.be.accessible();

      await useApi(statementHandler(json(statement())));
      const { el: plain } = await statementInSession();
      await loaded(plain);
      expect(part(plain, 'unpriced')).to.be.null;
    });

    it('asks for the current month by default, the end as the next day’s start', async () => {
      const seen: URL[] = [];
      await useApi(statementHandler(json(statement()), seen));
      const session = await fixture<WaSession>(html`
        <wa-session endpoint=${endpoint} client-secret="ws_test" locale="en-US"><wa-statement></wa-statement></wa-session>
      `);
      const el = session.querySelector('wa-statement')!;
      await loaded(el);

      const month = currentMonth();
      expect(field<HTMLInputElement>(el, 'from').value).to.equal(month.from);
      expect(field<HTMLInputElement>(el, 'to').value).to.equal(month.to);
      expect(seen[0]!.searchParams.get('from')).to.equal(month.from);
      expect(seen[0]!.searchParams.get('to')).to.equal(nextDay(month.to));
      expect(nextDay(month.to).endsWith('-01')).to.be.true;
    });

    it('shows a table with caption and column headers, grouped by day with the day’s totals', async () => {
      await useApi(statementHandler(json(statement())));
      const { el } = await statementInSession();
      await loaded(el);

      expect(words(root(el).querySelector('caption'))).to.equal('Transactions from Nov 1, 2025 to Nov 30, 2025');
      expect([...root(el).querySelectorAll('thead th')].map(words)).to.deep.equal([
        'Date',
        'Description',
        'Type',
        'Amount',
        'Balance after',
      ]);
      expect(parts(el, 'day').map(words)).to.deep.equal([
        'Tuesday, November 25, 2025 Credits +$500.00 · Debits -$0.0118',
        'Monday, November 24, 2025 Credits $0.00 · Debits -$0.0068',
      ]);
      expect(parts(el, 'day')[0]!.querySelector('th')!.getAttribute('scope')).to.equal('rowgroup');
      expect(root(el).querySelectorAll('tbody')).to.have.length(2);
    });

    it('tells credits from debits by sign and words, with message category and market', async () => {
      await useApi(statementHandler(json(statement())));
      const { el } = await statementInSession();
      await loaded(el);

      const rows = parts(el, 'row').map(row => [...row.querySelectorAll('td')].map(words));
      expect(rows).to.deep.equal([
        ['Nov 25, 2025, 2:05 PM', 'Marketing message Marketing · India', 'Debit Message', '-$0.0118', '$8,323.87'],
        ['Nov 25, 2025, 9:00 AM', 'Top-up by card', 'Credit Top-up', '+$500.00', '$8,323.8818'],
        ['Nov 24, 2025, 6:30 PM', 'Utility message Utility · Brazil', 'Debit Message', '-$0.0068', '$7,823.8818'],
      ]);
      expect(parts(el, 'row-credit')).to.have.length(1);
      expect(parts(el, 'row')[0]!.querySelector('svg[aria-hidden="true"]')).to.exist;
      expect(getComputedStyle(parts(el, 'amount')[0]!).textAlign).to.equal('end');
    });

    it('shows the opening and closing balances of the range', async () => {
      await useApi(statementHandler(json(statement())));
      const { el } = await statementInSession();
      await loaded(el);
      expect([...part(el, 'summary')!.querySelectorAll('dt, dd')].map(words)).to.deep.equal([
        'Opening balance',
        '$7,823.8886',
        'Closing balance',
        '$8,323.87',
      ]);
      expect(text(el, 'opening')).to.equal('$7,823.8886');
    });

    it('formats dates, money and words for pt-BR', async () => {
      await useApi(statementHandler(json(statement())));
      const { el } = await statementInSession({ locale: 'pt-BR' });
      await loaded(el);

      expect(words(root(el).querySelector('caption'))).to.equal('Transações de 1 de nov. de 2025 a 30 de nov. de 2025');
      expect(words(parts(el, 'row')[1]!.querySelectorAll('td')[2])).to.equal('Crédito Recarga');
      expect(text(el, 'amount')).to.equal('-US$\u00a00,0118');
      expect(words(parts(el, 'row')[0]!.querySelectorAll('td')[1])).to.equal('Marketing message Marketing · Índia');
    });

    it('says there are no transactions in the period', async () => {
      await useApi(statementHandler(json(statement({ entries: [], daily_totals: [] }))));
      const { el } = await statementInSession();
      await loaded(el);

      expect(text(el, 'empty')).to.equal('No transactions in this period');
      expect(part(el, 'table')).to.be.null;
      expect(part(el, 'load-more')).to.be.null;
    });

    it('shows an error with Retry, and Retry loads the statement', async () => {
      let fail = true;
      await useApi(statementHandler(() => (fail ? apiError(503, 'unavailable') : HttpResponse.json(statement()))));
      const { el } = await statementInSession();
      await waitUntil(() => part(el, 'retry'));
      expect(text(el, 'error')).to.equal('Couldn’t load the statement.');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');

      fail = false;
      part(el, 'retry')!.click();
      await waitUntil(() => parts(el, 'row').length === 3);
      expect(part(el, 'error')).to.be.null;
    });

    it('appends the next page with Load more, then hides the button and moves focus to the new rows', async () => {
      const seen: URL[] = [];
      await useApi(statementHandler(pagedStatement, seen));
      const { el } = await statementInSession();
      await loaded(el);
      expect(parts(el, 'row')).to.have.length(3);

      part(el, 'load-more')!.focus();
      part(el, 'load-more')!.click();
      await waitUntil(() => parts(el, 'row').length === 4, 'the next page never arrived');

      expect(seen[1]!.searchParams.get('cursor')).to.equal('c2');
      expect(seen[1]!.searchParams.get('from')).to.equal('2025-11-01');
      expect(words(parts(el, 'row')[3]!.querySelectorAll('td')[1])).to.equal('Older message Marketing · India');
      expect(parts(el, 'day').map(day => words(day.querySelector('th')))).to.deep.equal([
        'Tuesday, November 25, 2025',
        'Monday, November 24, 2025',
        'Thursday, November 20, 2025',
      ]);
      expect(part(el, 'load-more')).to.be.null;
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(parts(el, 'row')[3]);
      expect(liveRegion(el).textContent).to.equal('1 more transaction loaded. All transactions of this period are shown.');
    });

    it('keeps Load more and says so when the next page fails', async () => {
      await useApi(statementHandler(url => (url.searchParams.has('cursor') ? apiError(503, 'unavailable') : HttpResponse.json(statement({ next_cursor: 'c2' })))));
      const { el } = await statementInSession();
      await loaded(el);

      part(el, 'load-more')!.click();
      await waitUntil(() => part(el, 'load-more-error'));
      expect(text(el, 'load-more-error')).to.equal('Couldn’t load more transactions.');
      expect(part(el, 'load-more')).to.exist;
      expect(parts(el, 'row')).to.have.length(3);
    });

    it('asks again with the type, kind and dates picked', async () => {
      const seen: URL[] = [];
      await useApi(statementHandler(json(statement()), seen));
      const { el } = await statementInSession();
      await loaded(el);

      await choose(el, 'type', 'debit');
      await waitUntil(() => seen.length === 2);
      await choose(el, 'kind', 'topup');
      await waitUntil(() => seen.length === 3);
      await choose(el, 'from', '2025-10-15');
      await choose(el, 'to', '2025-10-31');
      await waitUntil(() => seen.length === 5);
      await loaded(el);

      const last = Object.fromEntries(seen.at(-1)!.searchParams);
      expect(last).to.deep.equal({ from: '2025-10-15', to: '2025-11-01', type: 'debit', kind: 'topup', limit: '50' });
      expect(seen[1]!.searchParams.get('type')).to.equal('debit');
      expect(words(root(el).querySelector('caption'))).to.equal('Transactions from Oct 15, 2025 to Oct 31, 2025');
    });

    it('does not ask while the end date is before the start date', async () => {
      const seen: URL[] = [];
      await useApi(statementHandler(json(statement()), seen));
      const { el } = await statementInSession();
      await loaded(el);

      await choose(el, 'from', '2025-12-05');
      expect(part(el, 'range-error')).to.exist;
      expect(part(el, 'table')).to.be.null;
      expect(seen).to.have.length(1);
    });

    it('reloads the first page with the same filters when a new balance is pushed', async () => {
      const seen: URL[] = [];
      let body = statement();
      await useApi(statementHandler(() => HttpResponse.json(body), seen));
      const { session, el } = await statementInSession();
      await loaded(el);
      await choose(el, 'type', 'debit');
      await waitUntil(() => seen.length === 2);
      await loaded(el);

      body = statement({ entries: [statementEntry({ id: 'le_new', description: 'Newest message' }), ...statement().entries] });
      session.client!.emit('balance', balance());
      await waitUntil(() => parts(el, 'row').length === 4, 'the statement never refreshed');

      expect(seen).to.have.length(3);
      expect(seen[2]!.searchParams.get('type')).to.equal('debit');
      expect(seen[2]!.searchParams.has('cursor')).to.be.false;
    });
  });

  describe('live reloads', () => {
    const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

    it('reloads at once for a pushed balance, then at most once every 5 seconds for the ones that follow', async () => {
      const seen: URL[] = [];
      await useApi(statementHandler(json(statement()), seen));
      const { session, el } = await statementInSession();
      await loaded(el);

      session.client!.emit('balance', balance());
      await waitUntil(() => seen.length === 2, 'the statement never reloaded');
      await loaded(el);
      // each message sent pushes a balance: the next ones, seconds apart at most, wait for the 5 s window
      for (let i = 0; i < 3; i++) {
        session.client!.emit('balance', balance());
        await pause(100);
        await loaded(el);
      }
      expect(seen).to.have.length(2);
    });

    it('keeps the pages loaded with Load more and the focus when a balance is pushed, offering the new transactions', async () => {
      const seen: URL[] = [];
      await useApi(statementHandler(pagedStatement, seen));
      const { session, el } = await statementInSession();
      await loaded(el);
      part(el, 'load-more')!.click();
      await waitUntil(() => parts(el, 'row').length === 4, 'the next page never arrived');
      await el.updateComplete;
      const focused = root(el).activeElement;
      expect(focused).to.equal(parts(el, 'row')[3]);

      session.client!.emit('balance', balance());
      await waitUntil(() => part(el, 'new-entries'), 'the new transactions were never offered');
      await pause(100);
      expect(seen).to.have.length(2);
      expect(parts(el, 'row')).to.have.length(4);
      expect(root(el).activeElement).to.equal(focused);
      expect(text(el, 'new-entries')).to.equal('New transactions Show');
      expect(liveRegion(el).textContent).to.equal('New transactions');

      part(el, 'show-new')!.click();
      await waitUntil(() => seen.length === 3, 'Show never reloaded');
      await waitUntil(() => parts(el, 'row').length === 3 && !part(el, 'new-entries'), 'the first page never came back');
      expect(seen[2]!.searchParams.has('cursor')).to.be.false;
    });

    for (const [locale, expected] of [
      ['pt-BR', 'Novas transações Mostrar'],
      ['es', 'Movimientos nuevos Mostrar'],
    ] as const) {
      it(`offers the new transactions in ${locale}`, async () => {
        await useApi(statementHandler(pagedStatement));
        const { session, el } = await statementInSession({ locale });
        await loaded(el);
        part(el, 'load-more')!.click();
        await waitUntil(() => parts(el, 'row').length === 4, 'the next page never arrived');
        session.client!.emit('balance', balance());
        await waitUntil(() => part(el, 'new-entries'), 'the new transactions were never offered');
        expect(text(el, 'new-entries')).to.equal(expected);
      });
    }
  });

  describe('download', () => {
    let created: Blob[];
    let clicked: HTMLAnchorElement[];
    let restore: () => void;

    beforeEach(() => {
      created = [];
      clicked = [];
      const createObjectURL = URL.createObjectURL;
      const click = HTMLAnchorElement.prototype.click;
      URL.createObjectURL = (blob: Blob | MediaSource) => (created.push(blob as Blob), 'blob:statement');
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push(this);
      };
      restore = () => {
        URL.createObjectURL = createObjectURL;
        HTMLAnchorElement.prototype.click = click;
      };
    });

    afterEach(() => restore());

    function csvHandler(auth: string[], seen: URL[]) {
      return statementHandler(
        url =>
          url.searchParams.get('format') === 'csv'
            ? new HttpResponse('date,type\n2025-11-25,debit\n', {
                headers: {
                  'Content-Type': 'text/csv; charset=utf-8',
                  'Content-Disposition': 'attachment; filename="statement-acc_1-2025-11-01-2025-12-01.csv"',
                },
              })
            : HttpResponse.json(statement()),
        seen,
        auth,
      );
    }

    it('fetches the CSV with the session’s Authorization header and saves it under the server’s filename', async () => {
      const auth: string[] = [];
      const seen: URL[] = [];
      await useApi(csvHandler(auth, seen));
      const { el } = await statementInSession();
      await loaded(el);
      await choose(el, 'kind', 'message');
      await loaded(el);

      const heard = listenToAnnouncements(el);
      const downloaded = oneEvent(el, 'wa-statement-downloaded');
      part(el, 'download')!.click();
      expect((await downloaded).detail).to.deep.equal({ filename: 'statement-acc_1-2025-11-01-2025-12-01.csv' });

      const csvRequest = seen.findIndex(url => url.searchParams.get('format') === 'csv');
      expect(auth[csvRequest]).to.equal('Bearer ws_test');
      expect(Object.fromEntries(seen[csvRequest]!.searchParams)).to.deep.equal({
        from: '2025-11-01',
        to: '2025-12-01',
        kind: 'message',
        format: 'csv',
      });
      expect(await created[0]!.text()).to.equal('date,type\n2025-11-25,debit\n');
      expect(clicked).to.have.length(1);
      expect(clicked[0]!.download).to.equal('statement-acc_1-2025-11-01-2025-12-01.csv');
      expect(clicked[0]!.href).to.equal('blob:statement');
      expect(clicked[0]!.isConnected).to.be.false;
      await waitUntil(() => heard.length === 2, `heard ${JSON.stringify(heard)}`);
      expect(heard).to.deep.equal(['Preparing the download…', 'Downloaded statement-acc_1-2025-11-01-2025-12-01.csv']);
    });

    it('replaces the button with an explanation when the session may not export (403)', async () => {
      await useApi(
        statementHandler(url =>
          url.searchParams.get('format') === 'csv'
            ? apiError(403, 'forbidden', 'this widget session lacks the statement:export permission')
            : HttpResponse.json(statement()),
        ),
      );
      const { el } = await statementInSession();
      await loaded(el);

      part(el, 'download')!.click();
      await waitUntil(() => part(el, 'export-forbidden'));
      expect(part(el, 'download')).to.be.null;
      expect(text(el, 'export-forbidden')).to.equal(
        'Downloading the statement isn’t enabled for this session. Ask your provider to allow exports.',
      );
      await waitUntil(() => root(el).activeElement === part(el, 'export-forbidden'));
      expect(clicked).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('keeps the button with an error when the download fails otherwise', async () => {
      await useApi(
        statementHandler(url => (url.searchParams.get('format') === 'csv' ? apiError(500, 'internal') : HttpResponse.json(statement()))),
      );
      const { el } = await statementInSession();
      await loaded(el);

      part(el, 'download')!.click();
      await waitUntil(() => part(el, 'download-error'));
      expect(text(el, 'download-error')).to.equal('Couldn’t download the statement.');
      expect(part(el, 'download')).to.exist;
    });
  });

  describe('keyboard', () => {
    it('reaches the filters, the download and Load more with Tab, and loads more with Enter', async () => {
      await useApi(statementHandler(pagedStatement));
      const { el } = await statementInSession();
      await loaded(el);

      // a date field takes one Tab per segment (month, day, year)
      const order: string[] = [];
      for (let i = 0; i < 20 && order.at(-1) !== 'load-more'; i++) {
        await sendKeys({ press: 'Tab' });
        const active = root(el).activeElement!;
        const name = active.getAttribute('part')?.split(' ').at(-1) ?? active.id;
        if (order.at(-1) !== name) order.push(name);
      }
      expect(order).to.deep.equal(['download', 'from', 'to', 'type', 'kind', 'load-more']);

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => parts(el, 'row').length === 4);
    });

    it('changes the type filter with the arrow keys', async () => {
      const seen: URL[] = [];
      await useApi(statementHandler(json(statement()), seen));
      const { el } = await statementInSession();
      await loaded(el);

      field<HTMLSelectElement>(el, 'type').focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => seen.length === 2, 'the filter never re-queried');
      expect(seen[1]!.searchParams.get('type')).to.equal('credit');
    });
  });

  describe('changing account', () => {
    it('never shows the previous account’s entries while the new account’s statement loads', async () => {
      const second = gate();
      const other = statement({
        entries: [statementEntry({ id: 'le_9', description: 'Other account message' })],
        daily_totals: [{ date: '2025-11-25', credits: usd('0.00'), debits: usd('-0.0118') }],
      });
      await useApi(
        http.get(`${endpoint}/v1/statement`, async ({ request }) => {
          if (request.headers.get('Authorization') !== 'Bearer ws_other') return HttpResponse.json(statement());
          await second.opened;
          return HttpResponse.json(other);
        }),
      );
      const { session, el } = await statementInSession();
      await loaded(el);
      expect(parts(el, 'row')).to.have.length(3);

      session.clientSecret = 'ws_other';
      await session.updateComplete;
      await el.updateComplete;
      try {
        expect(parts(el, 'row').length, 'the previous account’s entries are still shown').to.equal(0);
        expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      } finally {
        second.open();
      }
      await loaded(el);
      expect(parts(el, 'row').map(row => row.getAttribute('data-entry'))).to.deep.equal(['le_9']);
    });
  });
});
