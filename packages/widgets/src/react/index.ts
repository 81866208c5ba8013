/**
 * React components for the widgets (`import { WaSession, WaBalance } from '@wa-widgets/widgets/react'`), made by
 * `@lit/react`: props that are element properties (`strings`, `fetchClientSecret`, `clientSecret`…) are set as
 * properties, others as attributes, and each widget event has a typed `on…` prop (`onBalanceLow`,
 * `onAddCreditsRequested`…). Importing this module registers every `wa-` tag. It also declares the tags as JSX
 * intrinsic elements, for React 19's own custom-element support (`<wa-balance topup onwa-balance-low={…} />`).
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { WaBalance as WaBalanceElement } from '../balance/wa-balance.js';
import { WaFrequencyCap as WaFrequencyCapElement } from '../frequency-cap/wa-frequency-cap.js';
import { WaNumber as WaNumberElement } from '../number/wa-number.js';
import { WaQuality as WaQualityElement } from '../quality/wa-quality.js';
import { WaQuota as WaQuotaElement } from '../quota/wa-quota.js';
import { WaRateCard as WaRateCardElement } from '../rate-card/wa-rate-card.js';
import { WaSession as WaSessionElement } from '../session/wa-session.js';
import { WaStatement as WaStatementElement } from '../statement/wa-statement.js';
import { WaTopup as WaTopupElement } from '../topup/wa-topup.js';
import type { WidgetEventDetails, WidgetEventName } from '../shared/api/events.js';

export type * from './jsx.js';
export type * from '../tags.js';
export type * from '../shared/api/events.js';

/** An event name typed with its event, so the `on…` prop's handler receives a `CustomEvent` with its `detail`. */
const event = <K extends WidgetEventName>(name: K) => name as EventName<CustomEvent<WidgetEventDetails[K]>>;

/** What a widget outside a `<WaSession>` reports about its own session. */
const standaloneEvents = {
  onSessionExpired: event('wa-session-expired'),
  onRequestFailed: event('wa-request-failed'),
};

const topupEvents = {
  onTopupSucceeded: event('wa-topup-succeeded'),
  onPaymentLinkCreated: event('wa-payment-link-created'),
};

export const WaSession = createComponent({
  react: React,
  tagName: 'wa-session',
  elementClass: WaSessionElement,
  displayName: 'WaSession',
  events: standaloneEvents,
});

export const WaBalance = createComponent({
  react: React,
  tagName: 'wa-balance',
  elementClass: WaBalanceElement,
  displayName: 'WaBalance',
  events: {
    ...standaloneEvents,
    ...topupEvents,
    onBalanceLow: event('wa-balance-low'),
    onThresholdChanged: event('wa-threshold-changed'),
    onAddCreditsRequested: event('wa-add-credits-requested'),
  },
});

export const WaNumber = createComponent({
  react: React,
  tagName: 'wa-number',
  elementClass: WaNumberElement,
  displayName: 'WaNumber',
  events: standaloneEvents,
});

export const WaQuality = createComponent({
  react: React,
  tagName: 'wa-quality',
  elementClass: WaQualityElement,
  displayName: 'WaQuality',
  events: { ...standaloneEvents, onQualityChanged: event('wa-quality-changed') },
});

export const WaQuota = createComponent({
  react: React,
  tagName: 'wa-quota',
  elementClass: WaQuotaElement,
  displayName: 'WaQuota',
  events: { ...standaloneEvents, onUsageNearLimit: event('wa-usage-near-limit') },
});

export const WaRateCard = createComponent({
  react: React,
  tagName: 'wa-rate-card',
  elementClass: WaRateCardElement,
  displayName: 'WaRateCard',
  events: { ...standaloneEvents, onCampaignEstimated: event('wa-campaign-estimated') },
});

export const WaStatement = createComponent({
  react: React,
  tagName: 'wa-statement',
  elementClass: WaStatementElement,
  displayName: 'WaStatement',
  events: { ...standaloneEvents, onStatementDownloaded: event('wa-statement-downloaded') },
});

export const WaFrequencyCap = createComponent({
  react: React,
  tagName: 'wa-frequency-cap',
  elementClass: WaFrequencyCapElement,
  displayName: 'WaFrequencyCap',
  events: { ...standaloneEvents, onFrequencyCapSaved: event('wa-frequency-cap-saved') },
});

export const WaTopup = createComponent({
  react: React,
  tagName: 'wa-topup',
  elementClass: WaTopupElement,
  displayName: 'WaTopup',
  events: { ...standaloneEvents, ...topupEvents },
});
