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

const themes: Record<string, Record<string, string>> = {
  nimbus: {},
  midnight: {},
  terra: {
    '--wa-widget-color-accent': '#b4441c',
    '--wa-widget-font-family': 'Georgia, "Times New Roman", serif',
    '--wa-widget-radius': '2px',
  },
};

function applyTheme(session: WaSession, name: string): void {
  document.documentElement.dataset.theme = name;
  for (const property of ['--wa-widget-color-accent', '--wa-widget-font-family', '--wa-widget-radius']) {
    session.style.removeProperty(property);
  }
  for (const [property, value] of Object.entries(themes[name] ?? {})) session.style.setProperty(property, value);
  if (name === 'midnight') session.setAttribute('theme', 'dark');
  else session.removeAttribute('theme');
}

defineWidgets();
const session = document.querySelector<WaSession>('#session')!;
session.endpoint = window.location.origin;
session.fetchClientSecret = mintClientSecret;
session.clientSecret = await mintClientSecret();

const themePicker = document.querySelector<HTMLSelectElement>('#theme-picker')!;
themePicker.addEventListener('change', () => applyTheme(session, themePicker.value));
const localePicker = document.querySelector<HTMLSelectElement>('#locale-picker')!;
localePicker.addEventListener('change', () => {
  session.locale = localePicker.value;
  document.documentElement.lang = localePicker.value;
});
