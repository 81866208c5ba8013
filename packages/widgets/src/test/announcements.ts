/**
 * What a screen reader hears from `widget` from now on: each text its persistent live regions (the widget's,
 * and an open dialog's) are given, in order. Emptying a region to say the same words again is not heard.
 */
export function listenToAnnouncements(widget: Element): string[] {
  const heard: string[] = [];
  const observer = new MutationObserver(records => {
    const regions = new Set<Element>();
    for (const { target } of records) {
      const region = (target instanceof Element ? target : target.parentElement)?.closest('[data-announcer]');
      if (region) regions.add(region);
    }
    for (const region of regions) if (region.textContent) heard.push(region.textContent);
  });
  observer.observe(widget.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return heard;
}

/** The widget's own persistent live region, there from its first render. */
export function liveRegion(widget: Element): HTMLElement {
  return [...widget.shadowRoot!.children].find((child): child is HTMLElement => child.matches('[data-announcer]'))!;
}
