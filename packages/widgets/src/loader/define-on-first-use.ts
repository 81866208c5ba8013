import { widgetImports, type WidgetImport } from './widget-chunks.js';

export interface DefineOnFirstUseOptions {
  /** Tags are `<prefix>-session`, `<prefix>-balance`…; `wa` by default. */
  prefix?: string;
  /** Which widgets may be loaded, by tag suffix; every widget by default. */
  widgets?: Readonly<Record<string, WidgetImport>>;
}

/**
 * Registers each widget the first time its tag is in the document (already there, or added later), importing its
 * code only then, so a page pays for the widgets it shows. Elements inside other elements' shadow roots are not
 * watched (a widget that shows another one, like `<wa-balance topup>`, loads it itself). Returns a function that
 * stops watching.
 *
 * Calling it again (a second loader on the page, or the same one twice) is harmless: a widget already defined
 * is not imported again, and `WidgetElement.define` tolerates a second registration of the same version.
 */
export function defineOnFirstUse({ prefix = 'wa', widgets = widgetImports }: DefineOnFirstUseOptions = {}): () => void {
  const waiting = new Map(Object.entries(widgets).map(([suffix, load]) => [`${prefix}-${suffix}`, load]));
  let stopped = false;
  const observer = new MutationObserver(records => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  });

  function scan(root: ParentNode & Node): void {
    if (waiting.size === 0) return;
    if (root instanceof Element) load(root.localName);
    if (root.firstElementChild) for (const element of root.querySelectorAll([...waiting.keys()].join())) load(element.localName);
  }

  function load(tag: string): void {
    const importWidget = waiting.get(tag);
    if (!importWidget) return;
    waiting.delete(tag);
    if (waiting.size === 0) observer.disconnect();
    if (customElements.get(tag)) return;
    importWidget().then(
      widget => widget.define(tag),
      (error: unknown) => {
        // A chunk that failed (offline, a deploy in between) is tried again when its tag next appears.
        console.error(`<${tag}> could not be loaded`, error);
        if (waiting.size === 0 && !stopped) observer.observe(document, { childList: true, subtree: true });
        waiting.set(tag, importWidget);
      },
    );
  }

  observer.observe(document, { childList: true, subtree: true });
  scan(document);
  return () => {
    stopped = true;
    observer.disconnect();
  };
}
