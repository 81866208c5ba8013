import { WaBalance } from './balance/balance.js';
import { WaFrequencyCap } from './frequency-cap/frequency-cap.js';
import { WaNumber } from './number/number.js';
import { WaQuality } from './quality/quality.js';
import { WaQuota } from './quota/quota.js';
import { WaRateCard } from './rate-card/rate-card.js';
import { WaSession } from './session/session.js';
import { WaStatement } from './statement/statement.js';
import { WaTopup } from './topup/topup.js';

export { WaBalance } from './balance/balance.js';
export { WaFrequencyCap } from './frequency-cap/frequency-cap.js';
export { WaNumber } from './number/number.js';
export { MESSAGING_POLICY_URL, WaQuality } from './quality/quality.js';
export { WaQuota } from './quota/quota.js';
export { WaRateCard } from './rate-card/rate-card.js';
export { WaSession } from './session/session.js';
export { WaStatement } from './statement/statement.js';
export { LINK_EXPIRY_HOURS, WaTopup } from './topup/topup.js';
export { ApiClient, ApiError, type ApiClientEventDetail, type ApiClientOptions } from './shared/api/api-client.js';
export type { Download, DownloadOptions } from './shared/api/api-client.js';
export { ApiClientController, type ApiClientHost } from './shared/api/api-client-controller.js';
export { apiClientContext, localeContext, type LocaleContextValue } from './shared/api/context.js';
export type * from './shared/api/events.js';
export {
  LocalizeController,
  loadTranslation,
  registerTranslation,
  registeredTranslation,
  type LocalizeHost,
  type Translation,
  type TranslationKey,
} from './shared/localization/localize.js';
export { translationFor } from './shared/localization/translation-for.js';
export type { BillingTerms } from './shared/localization/billing-terms.js';
export type { MetaTerms } from './shared/localization/meta-terms.js';
export type { TopupTerms } from './shared/localization/topup-terms.js';
export { fromMicros, multiplyMoney, parseWholeNumber, toMicros } from './shared/formatting/micros.js';
export { formatMoney, isMoney } from './shared/formatting/money.js';
export { plural, type PluralForms } from './shared/localization/plural.js';
export { compactCount, tierSize, tierWords, type TierSize } from './shared/formatting/tiers.js';
export { darkTokens, widgetBaseStyles } from './shared/ui/theme.styles.js';
export type * from './shared/api/types.js';
export type * from './tags.js';
export { VERSION } from './shared/ui/version.js';
export { WidgetElement } from './shared/ui/widget-element.js';

/** Every widget class by the tag suffix it is registered under. The session comes first so it provides early. */
const widgets = {
  session: WaSession,
  balance: WaBalance,
  number: WaNumber,
  quality: WaQuality,
  quota: WaQuota,
  'rate-card': WaRateCard,
  statement: WaStatement,
  'frequency-cap': WaFrequencyCap,
  topup: WaTopup,
} as const;

/**
 * Registers every widget as `<prefix>-session`, `<prefix>-balance`… Calling it again with the same prefix
 * is a no-op, so several scripts of one page may each call it.
 */
export function defineWidgets({ prefix = 'wa' }: { prefix?: string } = {}): void {
  for (const [suffix, widget] of Object.entries(widgets)) widget.define(`${prefix}-${suffix}`);
}
