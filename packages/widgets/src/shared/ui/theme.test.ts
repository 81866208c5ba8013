import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../session/wa-session.js';
import '../../frequency-cap/wa-frequency-cap.js';
import '../../quota/wa-quota.js';
import '../../topup/wa-topup.js';
import { topupApi } from '../../test/topup-mock.js';
import type { WaFrequencyCap } from '../../frequency-cap/frequency-cap.js';
import { endpoint, frequencyCap, jsonHandler, quota, usage, useApi } from '../../test/api-mock.js';

type Rgba = [number, number, number, number];

const pixel = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;

/** Any computed colour (`rgb()`, `oklch()`…) as sRGB channels and alpha, as the browser paints it. */
function parseColor(value: string): Rgba {
  pixel.clearRect(0, 0, 1, 1);
  pixel.fillStyle = value;
  pixel.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = pixel.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** `top` drawn over the opaque `bottom`, as the eye sees it. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map(i => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const linear = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.2 contrast ratio of two computed colours (the first may be translucent over the second). */
function contrast(foreground: string, background: string): number {
  const bottom = parseColor(background);
  const [a, b] = [luminance(over(parseColor(foreground), bottom)), luminance(bottom)].sort((x, y) => y - x);
  return (a! + 0.05) / (b! + 0.05);
}

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const style = (el: Element) => getComputedStyle(el);

async function capIn(markup: ReturnType<typeof html>) {
  await useApi(jsonHandler('/v1/frequency-cap', frequencyCap()));
  const root = await fixture<HTMLElement>(markup);
  const el = root.localName === 'wa-frequency-cap' ? (root as WaFrequencyCap) : root.querySelector<WaFrequencyCap>('wa-frequency-cap')!;
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="summary"]'), 'the cap never loaded');
  return el;
}

/** Tabs back onto `field` from the control before it, as a keyboard user arrives. */
async function focusByKeyboard(el: WaFrequencyCap, field: HTMLElement) {
  field.focus();
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
  await sendKeys({ press: 'Tab' });
  expect(el.shadowRoot!.activeElement).to.equal(field);
  expect(field.matches(':focus-visible')).to.equal(true);
}

const surfaceOf = (el: WaFrequencyCap) => style(part(el, 'base')).backgroundColor;

describe('theming', () => {
  afterEach(async () => {
    document.documentElement.style.removeProperty('--wa-widget-color-accent');
    document.documentElement.style.removeProperty('--wa-widget-color-on-accent');
    await emulateMedia({ colorScheme: 'light' });
  });

  describe('brand tokens and themes', () => {
    it('keeps a brand accent set on :root under theme="dark"', async () => {
      document.documentElement.style.setProperty('--wa-widget-color-accent', '#7b2cbf');
      document.documentElement.style.setProperty('--wa-widget-color-on-accent', '#ffffff');
      const el = await capIn(html`<wa-session endpoint=${endpoint} client-secret="ws_test" theme="dark"><wa-frequency-cap></wa-frequency-cap></wa-session>`);
      expect(style(part(el, 'save')).backgroundColor).to.equal('rgb(123, 44, 191)');
      expect(style(part(el, 'save')).color).to.equal('rgb(255, 255, 255)');
      expect(surfaceOf(el)).to.equal('rgb(22, 27, 34)');
    });

    it('keeps brand tokens set on a wrapper or on the session itself under theme="dark"', async () => {
      const wrapped = await capIn(html`<div style="--wa-widget-color-accent: #006d5b">
        <wa-session endpoint=${endpoint} client-secret="ws_test" theme="dark"><wa-frequency-cap></wa-frequency-cap></wa-session>
      </div>`);
      expect(style(part(wrapped, 'save')).backgroundColor).to.equal('rgb(0, 109, 91)');

      const onSession = await capIn(html`<wa-session style="--wa-widget-color-surface: #2b1d0e" endpoint=${endpoint} client-secret="ws_test" theme="dark">
        <wa-frequency-cap></wa-frequency-cap>
      </wa-session>`);
      expect(surfaceOf(onSession)).to.equal('rgb(43, 29, 14)');
    });

    it('writes black or white on a brand accent, whichever reads, when the brand sets only the accent', async () => {
      for (const [accent, theme] of [['#ffd23f', 'light'], ['#6d28d9', 'dark'], ['#128c7e', 'light'], ['#0969da', 'dark']] as const) {
        const el = await capIn(html`<wa-session style="--wa-widget-color-accent: ${accent}" endpoint=${endpoint} client-secret="ws_test" theme=${theme}>
          <wa-frequency-cap></wa-frequency-cap>
        </wa-session>`);
        const save = style(part(el, 'save'));
        expect(contrast(save.color, save.backgroundColor), `text on ${accent}`).to.be.at.least(4.5);
      }
    });

    it('draws one widget light inside a dark session with theme="light"', async () => {
      const el = await capIn(html`<wa-session endpoint=${endpoint} client-secret="ws_test" theme="dark"><wa-frequency-cap theme="light"></wa-frequency-cap></wa-session>`);
      expect(surfaceOf(el)).to.equal('rgb(255, 255, 255)');
      expect(style(el).colorScheme).to.equal('light');
    });

    it('follows prefers-color-scheme with theme="auto"', async () => {
      const el = await capIn(html`<wa-session endpoint=${endpoint} client-secret="ws_test" theme="auto"><wa-frequency-cap></wa-frequency-cap></wa-session>`);
      expect(surfaceOf(el)).to.equal('rgb(255, 255, 255)');
      await emulateMedia({ colorScheme: 'dark' });
      expect(surfaceOf(el)).to.equal('rgb(22, 27, 34)');
      await emulateMedia({ colorScheme: 'light' });
      expect(surfaceOf(el)).to.equal('rgb(255, 255, 255)');
    });

    it('takes focus ring, radius, weights and spacing from their tokens', async () => {
      const el = await capIn(html`<wa-session
        style="--wa-widget-focus-ring-color: #ff00ff; --wa-widget-focus-ring-width: 4px; --wa-widget-radius: 0px; --wa-widget-font-weight-strong: 800; --wa-widget-space: 2rem"
        endpoint=${endpoint} client-secret="ws_test"><wa-frequency-cap></wa-frequency-cap></wa-session>`);
      const base = style(part(el, 'base'));
      expect(base.borderTopLeftRadius).to.equal('0px');
      expect(base.paddingTop).to.equal('32px');
      expect(style(part(el, 'summary')).fontWeight).to.equal('800');
      await focusByKeyboard(el, part(el, 'max-messages'));
      const focused = style(part(el, 'max-messages'));
      expect(focused.outlineColor).to.equal('rgb(255, 0, 255)');
      expect(focused.outlineWidth).to.equal('4px');
    });
  });

  for (const theme of ['light', 'dark'] as const) {
    describe(`default ${theme} colours meet WCAG 2.2 AA`, () => {
      let el: WaFrequencyCap;
      beforeEach(async () => {
        el = await capIn(html`<wa-session endpoint=${endpoint} client-secret="ws_test" theme=${theme}><wa-frequency-cap></wa-frequency-cap></wa-session>`);
      });

      it('text, secondary text and button text reach 4.5:1', () => {
        const surface = surfaceOf(el);
        expect(contrast(style(part(el, 'base')).color, surface)).to.be.at.least(4.5);
        expect(contrast(style(el.shadowRoot!.querySelector('.explanation')!).color, surface)).to.be.at.least(4.5);
        const save = style(part(el, 'save'));
        expect(contrast(save.color, save.backgroundColor)).to.be.at.least(4.5);
      });

      it('field borders and the focus ring reach 3:1 against the surface', async () => {
        const surface = surfaceOf(el);
        const field = part(el, 'max-messages');
        expect(contrast(style(field).borderTopColor, surface)).to.be.at.least(3);
        await focusByKeyboard(el, field);
        expect(style(field).outlineStyle).to.equal('solid');
        expect(parseFloat(style(field).outlineWidth)).to.be.at.least(2);
        expect(contrast(style(field).outlineColor, surface)).to.be.at.least(3);
      });

      it('the accent, success, warning and danger colours read as text (4.5:1)', () => {
        const surface = surfaceOf(el);
        const host = style(el);
        for (const role of ['accent', 'success', 'warning', 'danger']) {
          const probe = document.createElement('span');
          probe.style.color = `var(--_${role})`;
          el.shadowRoot!.append(probe);
          expect(contrast(style(probe).color, surface), `${role} ${style(probe).color} on ${surface}`).to.be.at.least(4.5);
          probe.remove();
        }
        expect(host.colorScheme).to.equal(theme);
      });
    });
  }

  describe('forced colours', () => {
    const forcedColors = (active: boolean) => executeServerCommand('emulate-forced-colors', { active });
    afterEach(() => forcedColors(false));

    it('keeps the chosen amount preset apart from the others', async () => {
      await useApi(...topupApi().handlers);
      const session = await fixture(html`<wa-session endpoint=${endpoint} client-secret="ws_test" live-updates="off"><wa-topup></wa-topup></wa-session>`);
      const el = session.querySelector('wa-topup')!;
      await el.updateComplete;
      part(el, 'trigger').click();
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="preset"]').length > 1, 'the presets never showed');
      const [first, chosen] = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="preset"]')];
      chosen!.querySelector('input')!.click();
      await el.updateComplete;

      await forcedColors(true);
      await waitUntil(() => matchMedia('(forced-colors: active)').matches, 'forced colours never applied');
      expect(style(chosen!).backgroundColor).not.to.equal(style(first!).backgroundColor);
      expect(style(chosen!).color).not.to.equal(style(first!).color);
      expect(style(chosen!).outlineStyle).to.equal('solid');
    });

    it('keeps the usage meter’s fill visible against its track', async () => {
      await useApi(jsonHandler('/v1/quota', quota()), jsonHandler('/v1/usage/24h', usage()));
      const session = await fixture(html`<wa-session endpoint=${endpoint} client-secret="ws_test" live-updates="off"><wa-quota></wa-quota></wa-session>`);
      const el = session.querySelector('wa-quota')!;
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="usage-button"]'), 'the limit never loaded');
      part(el, 'usage-button').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="meter-fill"]'), 'the meter never showed');

      await forcedColors(true);
      await waitUntil(() => matchMedia('(forced-colors: active)').matches, 'forced colours never applied');
      const fill = style(part(el, 'meter-fill')).backgroundColor;
      expect(fill).not.to.equal(style(part(el, 'meter')).backgroundColor);
      expect(fill).not.to.equal('rgba(0, 0, 0, 0)');
    });
  });
});
