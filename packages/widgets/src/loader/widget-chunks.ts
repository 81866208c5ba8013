import type { WidgetElement } from '../shared/ui/widget-element.js';

/** A widget class, as the registration needs it. */
export type WidgetClass = typeof WidgetElement;

/** Imports one widget's class; bundlers turn each into its own chunk. */
export type WidgetImport = () => Promise<WidgetClass>;

/**
 * Every widget's class module, imported on demand, by the tag suffix it is registered under. The class modules
 * register nothing themselves, so the loader may define them under any prefix.
 */
export const widgetImports: Readonly<Record<string, WidgetImport>> = {
  session: () => import('../session/session.js').then(m => m.WaSession),
  balance: () => import('../balance/balance.js').then(m => m.WaBalance),
  number: () => import('../number/number.js').then(m => m.WaNumber),
  quality: () => import('../quality/quality.js').then(m => m.WaQuality),
  quota: () => import('../quota/quota.js').then(m => m.WaQuota),
  'rate-card': () => import('../rate-card/rate-card.js').then(m => m.WaRateCard),
  statement: () => import('../statement/statement.js').then(m => m.WaStatement),
  'frequency-cap': () => import('../frequency-cap/frequency-cap.js').then(m => m.WaFrequencyCap),
  topup: () => import('../topup/topup.js').then(m => m.WaTopup),
};
