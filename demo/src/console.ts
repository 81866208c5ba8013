import { defineWidgets } from '@wa-widgets/widgets';
import type { WaSession } from '@wa-widgets/widgets';

/**
 * The demo console's only "backend" call: in a real host, the host's server mints the widget session with
 * its secret key and hands the page a client secret. The demo server does that for its seeded account.
 */
async function mintClientSecret(): Promise<string> {
  const response = await fetch('/demo/session', { method: 'POST' });
  if (!response.ok) throw new Error(`Could not start a widget session (${response.status})`);
  const body = (await response.json()) as { client_secret: string };
  return body.client_secret;
}

/**
 * Brands are `--wa-widget-*` tokens in the console's stylesheet (`:root[data-brand=…]`, with dark variants under
 * `[data-mode=dark]`); the mode is the session's `theme`. Brand tokens on `:root` survive the dark theme.
 */
function applyLook(session: WaSession, brand: string, mode: string): void {
  document.documentElement.dataset.brand = brand;
  document.documentElement.dataset.mode = mode;
  session.setAttribute('theme', mode);
}

defineWidgets();
const session = document.querySelector<WaSession>('#session')!;
session.endpoint = window.location.origin;
session.fetchClientSecret = mintClientSecret;
session.clientSecret = await mintClientSecret();

const brandPicker = document.querySelector<HTMLSelectElement>('#brand-picker')!;
const modePicker = document.querySelector<HTMLSelectElement>('#mode-picker')!;
const applyPickedLook = () => applyLook(session, brandPicker.value, modePicker.value);
brandPicker.addEventListener('change', applyPickedLook);
modePicker.addEventListener('change', applyPickedLook);
applyPickedLook();
const localePicker = document.querySelector<HTMLSelectElement>('#locale-picker')!;
localePicker.addEventListener('change', () => {
  session.locale = localePicker.value;
  document.documentElement.lang = localePicker.value;
  document.documentElement.dir = localePicker.value === 'ar' ? 'rtl' : 'ltr';
});
