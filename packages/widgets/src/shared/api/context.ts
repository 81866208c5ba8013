import { ContextRoot, createContext } from '@lit/context';
import type { ApiClient } from './api-client.js';
import type { Translation } from '../localization/localize.js';

/** The API client a `<wa-session>` provides to the widgets inside it. */
export const apiClientContext = createContext<ApiClient | undefined>('wa-widgets/api-client');

/** The locale and string overrides a `<wa-session>` provides to the widgets inside it. */
export interface LocaleContextValue {
  /** BCP 47 locale, e.g. `pt-BR`; empty to use the document's language. */
  locale: string;
  /** Overrides of the translated strings. */
  strings: Partial<Translation>;
}

export const localeContext = createContext<LocaleContextValue>('wa-widgets/locale');

const rootFlag = Symbol.for('wa-widgets.context-root');

/**
 * Lets a widget that upgrades before its `<wa-session>` still receive the session's contexts: unanswered
 * requests are kept at the document and replayed when a provider appears. Attached once per page.
 */
export function ensureContextRoot(): void {
  const flags = globalThis as unknown as Record<symbol, boolean>;
  if (flags[rootFlag] || typeof document === 'undefined') return;
  flags[rootFlag] = true;
  new ContextRoot().attach(document.documentElement);
}
