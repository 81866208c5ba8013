import type { Money, StatementDailyTotal, StatementEntry, StatementKind } from '../shared/api/types.js';

/** What the statement shows: a range of whole days (`to` included, as people pick it) and the filters. */
export interface StatementFilters {
  /** `YYYY-MM-DD`, inclusive; empty: from the beginning. */
  from: string;
  /** `YYYY-MM-DD`, inclusive; empty: up to now. */
  to: string;
  type: '' | 'credit' | 'debit';
  kind: '' | StatementKind;
}

/** The kinds of entries, in the filter's order. */
export const STATEMENT_KINDS: readonly StatementKind[] = ['message', 'topup', 'payment_link', 'adjustment'];

const pad = (value: number) => String(value).padStart(2, '0');

/** The current calendar month of `now` (local): its first and last day. */
export function currentMonth(now = new Date()): { from: string; to: string } {
  const year = now.getFullYear();
  const month = now.getMonth();
  const last = new Date(year, month + 1, 0).getDate();
  return { from: `${year}-${pad(month + 1)}-01`, to: `${year}-${pad(month + 1)}-${pad(last)}` };
}

/** The day after a `YYYY-MM-DD` date: the exclusive end the API takes for an inclusive last day. */
export function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** Whether the picked range is usable: an end before the start is not. */
export function isValidRange({ from, to }: StatementFilters): boolean {
  return !from || !to || from <= to;
}

/** The query string of `GET /v1/statement` for the filters: `from` inclusive, `to` the next day's start. */
export function statementQuery(filters: StatementFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', nextDay(filters.to));
  if (filters.type) params.set('type', filters.type);
  if (filters.kind) params.set('kind', filters.kind);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** The UTC day (`YYYY-MM-DD`) of an entry, the day its daily total counts it in. */
export function dayOf(entry: StatementEntry): string {
  return new Date(entry.at).toISOString().slice(0, 10);
}

/** One day of the statement: its entries (newest first) and its totals when the server sent them. */
export interface StatementDay {
  date: string;
  entries: StatementEntry[];
  totals: StatementDailyTotal | undefined;
}

/** Groups entries (newest first) by UTC day, keeping their order. */
export function groupByDay(entries: StatementEntry[], totals: Map<string, StatementDailyTotal>): StatementDay[] {
  const days: StatementDay[] = [];
  for (const entry of entries) {
    const date = dayOf(entry);
    let day = days.at(-1);
    if (day?.date !== date) {
      day = { date, entries: [], totals: totals.get(date) };
      days.push(day);
    }
    day.entries.push(entry);
  }
  return days;
}

/** Money with its sign always shown (`+$500.00`, `-$0.0118`, `$0.00`), exact: the decimal string goes to Intl as is. */
export function formatSignedMoney(money: Money, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    maximumFractionDigits: 6,
    signDisplay: 'exceptZero',
  }).format(money.amount as Intl.StringNumericLiteral);
}

/** Hands a file to the browser as a download, through a temporary Blob URL and `<a download>`. */
export function saveFile(blob: Blob, filename: string, parent: Node & ParentNode): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  parent.append(link);
  link.click();
  link.remove();
  // revoked later: some browsers read the URL after click() returns
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
