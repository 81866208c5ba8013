/**
 * Whether a `checkout_url` from the server may be opened: only `https:`, or `http:` when the page itself is
 * served over http (the demo on http://localhost). Anything else — `javascript:`, `data:`, a relative or
 * malformed URL — could run script in the page or mislead the payer, so it is refused.
 */
export function isSafeCheckoutUrl(url: string, pageProtocol: string = globalThis.location?.protocol ?? 'https:'): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && pageProtocol === 'http:');
}

/**
 * Opens the checkout in a popup window and returns it, or `null` when the browser blocked it. The window is
 * opened blank, disowned (`opener = null`) while it is still ours, then sent to the checkout: the payment
 * pages never get a `window.opener` to reach the host page through, whatever headers they send, and the
 * window stays one a script opened, so the return page may close it after the payment.
 */
export function openCheckoutWindow(url: string): Window | null {
  const popup = window.open('', '_blank', 'popup,width=480,height=720');
  if (!popup) return null;
  popup.opener = null;
  popup.location.replace(url);
  return popup;
}
