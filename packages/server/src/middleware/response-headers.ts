import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';

/**
 * Sets a header of the response to come, before the handler runs; a header of the same name set by
 * the handler (`c.header`, or headers passed to `c.json`/`c.body`) wins.
 *
 * On @hono/node-server the header goes straight onto Node's response (`c.env.outgoing`), where
 * `writeHead` merges it under the handler's headers. Through `c.header` it would turn Hono's plain
 * `{content-type}` response headers into a Fetch `Headers` object, and that path alone cost as
 * much as a plain JSON route (measured: a widget read spent more time on its headers than on its
 * session, account and runway queries together). Elsewhere (`app.request` in tests, other
 * runtimes) it is `c.header`, with the same result on the wire.
 */
export function setResponseHeader(c: Context, name: string, value: string): void {
  const outgoing = nodeResponse(c);
  if (outgoing) outgoing.setHeader(name, value);
  else c.header(name, value);
}

/** Appends to a list-valued header (`Vary`) of the response to come, as {@link setResponseHeader} sets one. */
export function appendResponseHeader(c: Context, name: string, value: string): void {
  const outgoing = nodeResponse(c);
  if (outgoing) outgoing.appendHeader(name, value);
  else c.header(name, value, { append: true });
}

function nodeResponse(c: Context): ServerResponse | undefined {
  const env: unknown = c.env;
  const outgoing = env && typeof env === 'object' && 'outgoing' in env ? env.outgoing : undefined;
  // An HTTP/2 response or one already started cannot take headers this way.
  return outgoing && typeof outgoing === 'object' && 'setHeader' in outgoing && 'appendHeader' in outgoing && !(outgoing as ServerResponse).headersSent
    ? (outgoing as ServerResponse)
    : undefined;
}
