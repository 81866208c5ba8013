import type { Context } from 'hono';

/**
 * The address of the client that sent the request. Behind `trustedProxies` reverse proxies (each
 * appending to `X-Forwarded-For`), it is the entry that many places from the right: entries further
 * left were written by the client and prove nothing. With no trusted proxy, the socket's peer.
 */
export function clientAddress(c: Context, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const forwarded = c.req.header('X-Forwarded-For');
    if (forwarded) {
      const hops = forwarded.split(',');
      const entry = hops[Math.max(0, hops.length - trustedProxies)]?.trim();
      if (entry) return entry.slice(0, 64);
    }
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
