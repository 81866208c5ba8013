import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long typing must pause before an element marked `data-announce-after-pause` is announced. */
export const ANNOUNCE_PAUSE_MS = 1000;

export interface LiveAnnouncerHost extends ReactiveControllerHost, HTMLElement {}

/**
 * Reads out what a widget shows as it changes, through one live region that stays in the widget's shadow root
 * for its whole life: a `role="status"` element inserted already holding its text is often not read, while a
 * change to the text of a region already there is.
 *
 * A template marks what should be read with `data-announce="<key>"` (instead of `role="status"`): each time the
 * element appears, or its text changes, the text is announced. With `data-announce-after-pause` it is announced
 * once its text has stopped changing for {@link ANNOUNCE_PAUSE_MS} (a total that follows typing); with
 * `data-announce-changes-only` its first text is not read, only later changes (a count shown with the data).
 * Buttons inside a marked element are not read with it. While a modal `<dialog>` of the widget is open, everything
 * outside it is inert (hidden from screen readers), so the dialog gets a region of its own, added empty when it
 * opens.
 */
export class LiveAnnouncer implements ReactiveController {
  private region: HTMLElement | undefined;
  private readonly dialogRegions = new WeakMap<HTMLDialogElement, HTMLElement>();
  /** The last text seen of each marked element that is on screen. */
  private readonly seen = new Map<string, string>();
  private readonly pauses = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly host: LiveAnnouncerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.host.shadowRoot;
    if (!root || this.region?.parentNode === root) return;
    this.region ??= liveRegion();
    // Before Lit's own content, outside the part Lit clears when it re-renders.
    root.prepend(this.region);
  }

  hostDisconnected(): void {
    for (const timer of this.pauses.values()) clearTimeout(timer);
    this.pauses.clear();
  }

  hostUpdated(): void {
    const root = this.host.shadowRoot;
    if (!root) return;
    const dialog = root.querySelector<HTMLDialogElement>('dialog[open]');
    if (dialog && !this.dialogRegions.get(dialog)?.isConnected) {
      const region = liveRegion();
      this.dialogRegions.set(dialog, region);
      dialog.prepend(region);
    }
    const present = new Set<string>();
    const now: string[] = [];
    for (const element of root.querySelectorAll<HTMLElement>('[data-announce]')) {
      const key = element.dataset.announce!;
      const text = spokenText(element);
      present.add(key);
      const before = this.seen.get(key);
      if (before === text) continue;
      this.seen.set(key, text);
      if (!text || (before === undefined && element.hasAttribute('data-announce-changes-only'))) continue;
      if (element.hasAttribute('data-announce-after-pause')) this.afterPause(key, text);
      else now.push(text);
    }
    for (const key of [...this.seen.keys()]) {
      if (!present.has(key)) {
        this.seen.delete(key);
        clearTimeout(this.pauses.get(key));
        this.pauses.delete(key);
      }
    }
    if (now.length) this.announce(now.join(' '));
  }

  /** Reads `text` out now; the same words twice in a row are read twice. */
  announce(text: string): void {
    const dialog = this.host.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]');
    const region = (dialog && this.dialogRegions.get(dialog)) || this.region;
    if (!region) return;
    if (region.textContent === text) {
      region.textContent = '';
      setTimeout(() => (region.textContent = text), 100);
    } else {
      region.textContent = text;
    }
  }

  private afterPause(key: string, text: string): void {
    clearTimeout(this.pauses.get(key));
    this.pauses.set(
      key,
      setTimeout(() => {
        this.pauses.delete(key);
        this.announce(text);
      }, ANNOUNCE_PAUSE_MS),
    );
  }
}

/** The words of `element` without those of its buttons, on one line. */
function spokenText(element: HTMLElement): string {
  const words: string[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('button')) words.push(node.textContent ?? '');
  }
  return words.join(' ').replace(/\s+/g, ' ').trim();
}

/** An empty polite live region, hidden like `.visually-hidden` by the widgets' base styles (`[data-announcer]`). */
function liveRegion(): HTMLElement {
  const region = document.createElement('div');
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  region.dataset.announcer = '';
  return region;
}
