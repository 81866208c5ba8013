// Compiled by the demo's typecheck only (nothing imports it): the widgets' React types accept what they should
// and refuse what they should. Each `@ts-expect-error` fails the typecheck if its line stops being an error.
import { WaBalance, WaQuality } from '@wa-widgets/widgets/react';

export const typed = [
  <WaQuality onQualityChanged={(event) => event.detail.rating satisfies 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN'} />,
  <WaBalance topup strings={{ balanceLabel: 'Credit' }} onBalanceLow={(event) => event.detail.balance.amount} />,
  <wa-balance client-secret="ws_…" topup onwa-balance-low={(event) => event.detail.threshold?.amount} />,
  <wa-session endpoint="https://wa.example.com" live-updates="off" fetchClientSecret={async () => 'ws_…'} />,
  // @ts-expect-error the event's detail has no such field
  <WaQuality onQualityChanged={(event) => event.detail.ratingX} />,
  // @ts-expect-error `strings` is an object of terms
  <wa-number strings={42} />,
  // @ts-expect-error the event's detail has no such field
  <wa-quality onwa-quality-changed={(event) => event.detail.nope} />,
  // @ts-expect-error `topup` is a boolean
  <WaBalance topup="yes" />,
];

const tagged: HTMLElementTagNameMap['wa-topup']['noTrigger'] = true;
export { tagged };
