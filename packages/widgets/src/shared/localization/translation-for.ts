import { registeredTranslation, type Translation } from './localize.js';
import en from './translations/en.js';

/**
 * The translation a page in `locale` gets, whole: the registered one that best matches (exact, then by language),
 * else English. For hosts; the widgets look up only their own terms, and load only their own English.
 */
export function translationFor(locale: string): Translation {
  return registeredTranslation(locale) ?? en;
}
