import { createServer, type Server } from 'node:http';

/** A page served from an origin of its own: what a partner's console is to the widgets' server. */
export interface HostPage {
  url: string;
  /** What `/` answers from now on. */
  setPage(html: string, headers?: Record<string, string>): void;
  stop(): Promise<void>;
}

/**
 * Serves one HTML page at `/` on a free port of 127.0.0.1. The widgets' server listens on another port, so the
 * page and the widgets are of two different origins.
 */
export async function startHostPage(): Promise<HostPage> {
  let page = { html: '<!doctype html><title>host</title>', headers: {} as Record<string, string> };
  const server: Server = createServer((request, response) => {
    if (request.url !== '/') return response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...page.headers }).end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the host page has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    setPage: (html, headers = {}) => (page = { html, headers }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The policy of a careful partner: scripts and API calls from the widgets' origin only, no inline code, no eval. */
export function strictPolicy(widgetsOrigin: string): string {
  return [
    "default-src 'none'",
    `script-src ${widgetsOrigin}`,
    `connect-src ${widgetsOrigin}`,
    "style-src 'none'",
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The partner's page: the loader from the widgets' origin and the tags inside a session; no inline script. */
export function partnerPage(widgetsOrigin: string, clientSecret: string, tags: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Partner console</title>
    <script type="module" src="${widgetsOrigin}/wa-widgets.js"></script>
  </head>
  <body>
    <h1>Partner console</h1>
    <wa-session endpoint="${widgetsOrigin}" client-secret="${clientSecret}" locale="en-US">${tags}</wa-session>
  </body>
</html>`;
}
