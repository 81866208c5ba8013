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
