import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ensureContextRoot, localeContext } from './context.js';
import type { BillingTerms } from './billing-terms.js';
import type { MetaTerms } from './meta-terms.js';
import type { TopupTerms } from './topup-terms.js';
import { formatMoney } from './money.js';
import en from './translations/en.js';
import es from './translations/es.js';
import ptBR from './translations/pt-BR.js';
import type { Money } from './types.js';

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

registerTranslation(en, ptBR, es);

/** The registered translation that best matches `locale`: exact, then by language, then English. */
export function translationFor(locale: string): Translation {
  const code = locale.toLowerCase();
  const language = code.split('-')[0] ?? '';
  const byLanguage = [...translations.entries()].find(([key]) => key.split('-')[0] === language)?.[1];
  return translations.get(code) ?? translations.get(language) ?? byLanguage ?? en;
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
}

/**
 * Gives a widget its language: the widget's own `locale`/`strings`, else its session's, else the document's
 * `lang`, else English. Numbers, money and dates go through `Intl` in the same locale.
 *
 * ```ts
 * private readonly localize = new LocalizeController(this);
 * render() { return html`${this.localize.term('balanceLabel')} ${this.localize.money(balance)}`; }
 * ```
 */
export class LocalizeController implements ReactiveController {
  private readonly session: ContextConsumer<typeof localeContext, LocalizeHost>;

  constructor(private readonly host: LocalizeHost) {
    ensureContextRoot();
    this.session = new ContextConsumer(host, { context: localeContext, subscribe: true });
    host.addController(this);
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

  /** Writing direction of the current language. */
  dir(): 'ltr' | 'rtl' {
    return translationFor(this.locale).$dir;
  }

  /** A translated string; terms that take values (e.g. `alertBelow`) take them as arguments. */
  term<K extends TranslationKey>(key: K, ...args: TermArgs<K>): string {
    const value =
      this.host.strings?.[key] ?? this.session.value?.strings?.[key] ?? translationFor(this.locale)[key] ?? en[key];
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

  hostConnected(): void {}
}
