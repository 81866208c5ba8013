import { WaBalance } from './balance/balance.js';
import { WaSession } from './session/session.js';

export { WaBalance } from './balance/balance.js';
export { WaSession } from './session/session.js';
export { ApiClient, ApiError, type ApiClientEventDetail, type ApiClientOptions } from './shared/api-client.js';
export { ApiClientController, type ApiClientHost } from './shared/api-client-controller.js';
export { apiClientContext, localeContext, type LocaleContextValue } from './shared/context.js';
export type * from './shared/events.js';
export {
  LocalizeController,
  registerTranslation,
  translationFor,
  type LocalizeHost,
  type Translation,
  type TranslationKey,
} from './shared/localize.js';
export { formatMoney, isMoney } from './shared/money.js';
export { darkTokens, widgetBaseStyles } from './shared/theme.styles.js';
export type * from './shared/types.js';
export { VERSION } from './shared/version.js';
export { WidgetElement } from './shared/widget-element.js';

/** Every widget class by the tag suffix it is registered under. The session comes first so it provides early. */
const widgets = { session: WaSession, balance: WaBalance } as const;

/**
 * Registers every widget as `<prefix>-session`, `<prefix>-balance`… Calling it again with the same prefix
 * is a no-op, so several scripts of one page may each call it.
 */
export function defineWidgets({ prefix = 'wa' }: { prefix?: string } = {}): void {
  for (const [suffix, widget] of Object.entries(widgets)) widget.define(`${prefix}-${suffix}`);
}
