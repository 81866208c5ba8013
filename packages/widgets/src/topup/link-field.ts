import { html, nothing } from 'lit';
import type { LocalizeController } from '../shared/localization/localize.js';
import type { PaymentLink } from '../shared/api/types.js';
import { canShare, copyText } from './copy.js';

/**
 * A payment link in a read-only field, with Copy (the Clipboard API, else the field selected for the person to
 * copy) and Share where the platform has a share sheet. `announce` says what Copy did. A link whose address the
 * server can no longer show (`url: null`) gets a note saying so instead: there is nothing to copy or share.
 */
export function linkField(
  localize: LocalizeController,
  link: PaymentLink,
  id: string,
  { focus = false, announce }: { focus?: boolean; announce: (message: string) => unknown },
) {
  const { url } = link;
  if (url === null) return html`<p part="link-unavailable" class="muted link-unavailable">${localize.term('linkUrlUnavailable')}</p>`;
  const amount = localize.money(link.amount);
  const copy = async (event: Event) => {
    const field = (event.currentTarget as HTMLElement).closest('.link-field')?.querySelector('input');
    const outcome = await copyText(url, field);
    announce(localize.term(outcome === 'copied' ? 'linkCopied' : 'linkSelected'));
  };
  const share = async () => {
    try {
      await navigator.share({ title: localize.term('shareTitle', amount), text: link.note ?? '', url });
    } catch {
      // the person closed the share sheet
    }
  };
  return html`<div class="link-field">
    <input id=${id} part="link-url" readonly .value=${url} aria-label=${localize.term('linkFieldLabel', amount)}
      @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
    <button part="copy" class="secondary" type="button" ?data-focus=${focus} aria-label=${localize.term('copyLinkLabel', amount)}
      @click=${copy}>${localize.term('copy')}</button>
    ${canShare() ? html`<button part="share" class="secondary" type="button" @click=${share}>${localize.term('share')}</button>` : nothing}
  </div>`;
}
