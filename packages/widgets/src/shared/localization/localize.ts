import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ensureContextRoot, localeContext } from '../api/context.js';
import type { BillingTerms } from './billing-terms.js';
import type { MetaTerms } from './meta-terms.js';
import type { TopupTerms } from './topup-terms.js';
import { formatMoney } from '../formatting/money.js';
import { commonEnglish } from './translations/en-common.js';
import type { Money } from '../api/types.js';

/** Every string of the widgets. A widget adds its terms here and in each file of `translations/`. */
export interface Translation extends MetaTerms, BillingTerms, TopupTerms {
  $code: string;
  $name: string;
  $dir: 'ltr' | 'rtl';

  balanceLabel: string;
  alertBelow: (amount: string) => string;
  noThreshold: string;
  lowBalance: string;
  loading: string;
  retry: string;
  loadFailed: string;
  sessionExpired: string;
  staleNote: (time: string) => string;
}

export type TranslationKey = Exclude<keyof Translation, `$${string}`>;
type TermArgs<K extends TranslationKey> = Translation[K] extends (...args: infer A) => string ? A : [];

const translations = new Map<string, Translation>();

/** Adds or replaces languages, e.g. `registerTranslation({ $code: 'fr', ... })`. */
export function registerTranslation(...added: Translation[]): void {
  for (const translation of added) translations.set(translation.$code.toLowerCase(), translation);
}

/**
 * The languages shipped beside English, each loaded (a chunk of its own in the bundle) the first time a widget
 * shows it, so an English page never downloads them.
 */
const shipped: Record<string, () => Promise<{ default: Translation }>> = {
  es: () => import('./translations/es.js'),
  'pt-br': () => import('./translations/pt-BR.js'),
  hi: () => import('./translations/hi.js'),
  id: () => import('./translations/id.js'),
  ar: () => import('./translations/ar.js'),
};

/** The best match of `locale` among `codes` (lower case): exact, then the language, then another of its regions. */
function bestMatch(locale: string, codes: Iterable<string>): string | undefined {
  const code = locale.toLowerCase();
  const language = code.split('-')[0] ?? '';
  const all = [...codes];
  return all.find(key => key === code) ?? all.find(key => key === language) ?? all.find(key => key.split('-')[0] === language);
}

/**
 * The registered translation that best matches `locale` (exact, then by language), if any: English is no
 * registered translation but each widget's own fallback, so no widget loads the others' English.
 */
export function registeredTranslation(locale: string): Translation | undefined {
  const match = bestMatch(locale, translations.keys());
  return match ? translations.get(match) : undefined;
}

const loading = new Map<string, Promise<void>>();
const failed = new Set<string>();

/**
 * Loads the shipped translation that best matches `locale`, once; resolves at once when it is there already (or
 * a host registered its own under that code). A language that fails to load leaves English in place.
 */
export function loadTranslation(locale: string): Promise<void> {
  const code = bestMatch(locale, Object.keys(shipped));
  if (!code || translations.has(code) || failed.has(code)) return Promise.resolve();
  let pending = loading.get(code);
  if (!pending) {
    pending = shipped[code]!().then(
      module => {
        if (!translations.has(code)) registerTranslation(module.default);
      },
      error => {
        failed.add(code);
        console.warn(`wa-widgets: couldn’t load the “${code}” strings; showing English.`, error);
      },
    );
    loading.set(code, pending);
  }
  return pending;
}

/** Whether {@link loadTranslation} has nothing (more) to do for `locale`. */
function isSettled(locale: string): boolean {
  const code = bestMatch(locale, Object.keys(shipped));
  return !code || translations.has(code) || failed.has(code);
}

const canonical = new Map<string, string>();

/**
 * A locale `Intl` accepts: `_` becomes `-` (`en_US` → `en-US`), then the canonical BCP 47 form; anything
 * `Intl` would throw on (`!!`, `e`) becomes `en`, so one bad `lang` attribute cannot break every widget.
 */
export function normalizeLocale(locale: string): string {
  let result = canonical.get(locale);
  if (result === undefined) {
    try {
      result = Intl.getCanonicalLocales(locale.trim().replaceAll('_', '-'))[0] ?? 'en';
    } catch {
      result = 'en';
    }
    canonical.set(locale, result);
  }
  return result;
}

/** What a host element may set for itself, over what its session provides. */
export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  locale?: string;
  strings?: Partial<Translation>;
  /** Lets each update wait for `prerequisite` (see `WidgetElement`). */
  addRenderPrerequisite?(prerequisite: () => Promise<unknown> | undefined): void;
}

/** The connected controllers, told when the page's `<html lang>` changes. */
const connected = new Set<LocalizeController>();
let documentLangObserver: MutationObserver | undefined;

function watchDocumentLang(): void {
  if (documentLangObserver || typeof MutationObserver === 'undefined') return;
  documentLangObserver = new MutationObserver(() => {
    for (const controller of connected) controller.documentLangChanged();
  });
  documentLangObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/**
 * Gives a widget its language: the widget's own `locale`/`strings`, else its session's, else the nearest `lang`
 * (following later changes of `<html lang>`), else English. A language other than English loads on first use,
 * and a `WidgetElement` host's update waits for it (other hosts keep the language they showed until it is
 * there). Numbers, money and dates go through `Intl` in the same locale. Each top-level element the widget
 * renders gets `lang` and `dir`.
 *
 * ```ts
 * private readonly localize = new LocalizeController(this, balanceEnglish);
 * render() { return html`${this.localize.term('balanceLabel')} ${this.localize.money(balance)}`; }
 * ```
 */
export class LocalizeController implements ReactiveController {
  private readonly session: ContextConsumer<typeof localeContext, LocalizeHost>;
  /** The translation shown: the locale's own once loaded, else English. */
  private current: Partial<Translation> & Pick<Translation, '$code' | '$dir'> = commonEnglish;
  private shownLocale = '';
  /** The English of this widget's terms, shown where the current language has none. */
  private readonly english: Partial<Translation>;

  /**
   * @param english - The English of the terms the widget shows beyond the common ones (loading, retry…), e.g.
   *  `qualityEnglish` from `translations/en-meta.ts`: each widget brings its own, so none loads another's words.
   */
  constructor(
    private readonly host: LocalizeHost,
    ...english: Partial<Translation>[]
  ) {
    this.english = Object.assign({}, commonEnglish, ...english);
    ensureContextRoot();
    this.session = new ContextConsumer(host, { context: localeContext, subscribe: true });
    host.addController(this);
    host.addRenderPrerequisite?.(() => {
      const locale = this.locale;
      return isSettled(locale) ? undefined : loadTranslation(locale);
    });
  }

  /** Adds the English of a part of the widget loaded later (its dialog, its editor), which brings its own words. */
  addEnglish(...english: Partial<Translation>[]): void {
    Object.assign(this.english, ...english);
  }

  /** The resolved BCP 47 locale, normalised by {@link normalizeLocale}. */
  get locale(): string {
    return normalizeLocale(
      this.host.locale ||
      this.session.value?.locale ||
      this.host.closest<HTMLElement>('[lang]')?.lang ||
      document.documentElement.lang ||
      'en',
    );
  }

  /**
   * The language of the widget's words: the locale, or the translation's own code when the locale has none
   * (a `fr` page shows English words, and says so to screen readers).
   */
  get lang(): string {
    const locale = this.locale;
    const sameLanguage = this.current.$code.split('-')[0]!.toLowerCase() === locale.split('-')[0]!.toLowerCase();
    return sameLanguage ? locale : this.current.$code;
  }

  /** Writing direction of the current language. */
  dir(): 'ltr' | 'rtl' {
    return this.current.$dir;
  }

  /** A translated string; terms that take values (e.g. `alertBelow`) take them as arguments. */
  term<K extends TranslationKey>(key: K, ...args: TermArgs<K>): string {
    const value = this.host.strings?.[key] ?? this.session.value?.strings?.[key] ?? this.current[key] ?? this.english[key];
    return typeof value === 'function' ? (value as (...a: unknown[]) => string)(...args) : String(value);
  }

  money(money: Money): string {
    return formatMoney(money, this.locale);
  }

  date(date: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return new Intl.DateTimeFormat(this.locale, options).format(new Date(date));
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.locale, options).format(value);
  }

  hostConnected(): void {
    connected.add(this);
    watchDocumentLang();
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  hostUpdate(): void {
    this.prepare();
  }

  hostUpdated(): void {
    const lang = this.lang;
    const dir = this.dir();
    for (const child of this.host.shadowRoot?.children ?? []) {
      // an embedded widget (the balance's dialog) gives its own content its language
      if (!(child instanceof HTMLElement) || child.localName.includes('-')) continue;
      if (child.lang !== lang) child.lang = lang;
      if (child.dir !== dir) child.dir = dir;
    }
  }

  /** Called when `<html lang>` changed: re-render if that changes this widget's language. */
  documentLangChanged(): void {
    if (this.locale !== this.shownLocale) this.host.requestUpdate();
  }

  /** Shows the locale's translation once loaded; a host without render prerequisites renders again then. */
  private prepare(): void {
    const locale = this.locale;
    this.shownLocale = locale;
    if (isSettled(locale)) this.current = registeredTranslation(locale) ?? commonEnglish;
    else void loadTranslation(locale).then(() => this.host.requestUpdate());
  }
}
