/** The words for each plural category a language uses; `other` is always required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

/**
 * Picks the form for `count` by the language's plural rules (`Intl.PluralRules`), so a translation writes each
 * whole phrase per category (Arabic has six: zero, one, two, few, many, other) instead of gluing an "s" on.
 *
 * ```ts
 * plural('en', count, { one: `${formatted} market`, other: `${formatted} markets` })
 * ```
 */
export function plural(locale: string, count: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return forms[rule.select(count)] ?? forms.other;
}
