import { expect, waitUntil } from '@open-wc/testing';
import { WidgetElement } from '../shared/ui/widget-element.js';
import { defineOnFirstUse } from './define-on-first-use.js';
import type { WidgetClass, WidgetImport } from './widget-chunks.js';

/** Stand-ins for the widgets' chunks: each counts its imports, and resolves when the test lets it (or fails). */
function fakeChunks(suffixes: string[]) {
  const imports: Record<string, number> = {};
  const widgets: Record<string, WidgetImport> = {};
  let failNext = false;
  for (const suffix of suffixes) {
    imports[suffix] = 0;
    widgets[suffix] = async () => {
      imports[suffix]!++;
      if (failNext) {
        failNext = false;
        throw new TypeError('Failed to fetch dynamically imported module');
      }
      return class extends WidgetElement {} as WidgetClass;
    };
  }
  return { imports, widgets, failNextImport: () => (failNext = true) };
}

let prefix = 0;
/** A prefix of its own per test: a tag, once defined, stays defined for the page. */
const nextPrefix = () => `lazy${++prefix}`;

describe('defineOnFirstUse', () => {
  const stops: (() => void)[] = [];
  const mounted: Element[] = [];
  afterEach(() => {
    stops.splice(0).forEach(stop => stop());
    mounted.splice(0).forEach(element => element.remove());
  });
  const watch = (options: Parameters<typeof defineOnFirstUse>[0]) => stops.push(defineOnFirstUse(options));
  /** Puts markup in the document (open-wc's `fixture` waits for an animation frame, which a background tab never gets). */
  const mount = (markup: string) => {
    const host = document.createElement('div');
    host.innerHTML = markup;
    mounted.push(document.body.appendChild(host));
    return host;
  };

  it('defines the tags already in the document, importing only theirs', async () => {
    const p = nextPrefix();
    const chunks = fakeChunks(['balance', 'quality', 'statement']);
    mount(`<${p}-balance></${p}-balance><section><${p}-quality></${p}-quality></section>`);
    watch({ prefix: p, widgets: chunks.widgets });

    await waitUntil(() => customElements.get(`${p}-balance`) && customElements.get(`${p}-quality`));
    expect(chunks.imports).to.deep.equal({ balance: 1, quality: 1, statement: 0 });
    expect(customElements.get(`${p}-statement`)).to.be.undefined;
  });

  it('defines a tag added later, even deep inside added content, once however often it appears', async () => {
    const p = nextPrefix();
    const chunks = fakeChunks(['balance', 'quota']);
    const host = mount('');
    watch({ prefix: p, widgets: chunks.widgets });
    expect(chunks.imports).to.deep.equal({ balance: 0, quota: 0 });

    host.innerHTML = `<article><p><${p}-quota></${p}-quota></p></article><${p}-quota></${p}-quota>`;
    host.append(document.createElement(`${p}-quota`));
    await waitUntil(() => customElements.get(`${p}-quota`));
    expect(host.querySelector(`${p}-quota`)).to.be.instanceOf(customElements.get(`${p}-quota`)!);
    expect(chunks.imports).to.deep.equal({ balance: 0, quota: 1 });
  });

  it('is harmless when called twice, and leaves alone a tag the page defined itself', async () => {
    const p = nextPrefix();
    const chunks = fakeChunks(['balance', 'topup']);
    const own = class extends HTMLElement {};
    customElements.define(`${p}-topup`, own);
    mount(`<${p}-balance></${p}-balance><${p}-topup></${p}-topup>`);
    watch({ prefix: p, widgets: chunks.widgets });
    watch({ prefix: p, widgets: chunks.widgets });

    await waitUntil(() => customElements.get(`${p}-balance`));
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(chunks.imports.topup).to.equal(0);
    expect(customElements.get(`${p}-topup`)).to.equal(own);
    expect(chunks.imports.balance).to.be.at.most(2);
  });

  it('tries a chunk that failed to load again when its tag next appears', async () => {
    const p = nextPrefix();
    const chunks = fakeChunks(['balance']);
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      chunks.failNextImport();
      const host = mount(`<${p}-balance></${p}-balance>`);
      watch({ prefix: p, widgets: chunks.widgets });
      await waitUntil(() => errors.length === 1);
      expect(customElements.get(`${p}-balance`)).to.be.undefined;

      host.append(document.createElement(`${p}-balance`));
      await waitUntil(() => customElements.get(`${p}-balance`));
      expect(chunks.imports.balance).to.equal(2);
    } finally {
      console.error = consoleError;
    }
  });
});
