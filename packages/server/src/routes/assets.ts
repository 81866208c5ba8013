import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import type { AppAssets } from '../deps.js';
import { errorBody } from '../middleware/errors.js';

const NOT_BUILT = 'run `npm run build` at the repository root first';
const JAVASCRIPT = 'application/javascript; charset=utf-8';
/** What the widgets build names a chunk or its map: no folder, no dot-file, nothing but its own name. */
const CHUNK_NAME = /^[\w-]+(?:\.[\w-]+)*\.js(?:\.map)?$/;
/** The folder of the chunks is named after the loader and sits beside it. */
export const WIDGET_CHUNKS_FOLDER = 'wa-widgets';
/** The widgets build writes `<file>.br` and `<file>.gz` beside each script; the first the browser accepts is sent. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** The content-codings `Accept-Encoding` allows (a `q=0` refuses one). */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [coding = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (coding && !(q && Number(q.slice(2)) === 0)) accepted.add(coding);
  }
  return accepted;
}

/**
 * The script-tag loader at `/wa-widgets.js`, its chunks at `/wa-widgets/<name>-<hash>.js`, and, in demo mode, the demo console
 * at `/`. Missing builds answer 404 with a hint instead of failing at start-up, so the API works without them.
 *
 * Host pages on any origin load these as module scripts (CORS requests), so they allow every origin and
 * cross-origin embedding. The loader is revalidated on every use (`no-cache` with an `ETag`: a new release is
 * picked up at once, and an unchanged one costs a 304); a chunk's name carries a hash of its content, so it is
 * cached for a year and never revalidated. Scripts go out brotli- or gzip-compressed as the build wrote them,
 * or compressed on the fly when the build left no such file.
 */
export function assetRoutes(assets: AppAssets): Hono {
  const app = new Hono();
  const { widgetsBundlePath, demoDir } = assets;
  const chunksDir = widgetsBundlePath && join(dirname(widgetsBundlePath), WIDGET_CHUNKS_FOLDER);

  const serveFile = async (c: Context, file: string | undefined, name: string, cacheControl: string) => {
    const content = file ? await readFile(file).catch(() => null) : null;
    if (!file || !content) return c.json(errorBody('not_found', `${name} has not been built: ${NOT_BUILT}`), 404);
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Cache-Control', cacheControl);
    c.header('Vary', 'Accept-Encoding');
    const accepted = acceptedEncodings(c.req.header('Accept-Encoding'));
    for (const { encoding, suffix } of PRECOMPRESSED) {
      const compressed = accepted.has(encoding) ? await readFile(`${file}${suffix}`).catch(() => null) : null;
      if (compressed) {
        c.header('Content-Encoding', encoding);
        return c.body(compressed, 200, { 'Content-Type': JAVASCRIPT });
      }
    }
    return c.body(content, 200, { 'Content-Type': name.endsWith('.map') ? 'application/json' : JAVASCRIPT });
  };

  app.use('/wa-widgets.js', compress(), etag());
  app.use('/wa-widgets.js.map', compress(), etag());
  app.use(`/${WIDGET_CHUNKS_FOLDER}/*`, compress());
  app.get('/wa-widgets.js', (c) => serveFile(c, widgetsBundlePath, 'wa-widgets.js', 'no-cache'));
  app.get('/wa-widgets.js.map', (c) => serveFile(c, widgetsBundlePath && `${widgetsBundlePath}.map`, 'wa-widgets.js.map', 'no-cache'));
  app.get(`/${WIDGET_CHUNKS_FOLDER}/:name`, (c) => {
    const name = c.req.param('name');
    if (!CHUNK_NAME.test(name)) return c.json(errorBody('not_found', `no widget chunk is named ${name}`), 404);
    return serveFile(c, chunksDir && join(chunksDir, name), `${WIDGET_CHUNKS_FOLDER}/${name}`, 'public, max-age=31536000, immutable');
  });

  if (demoDir && existsSync(demoDir)) {
    app.get('/*', serveStatic({ root: demoDir }));
  } else if (demoDir) {
    // Without a demoDir (production) there is no demo console, and nothing to hint at.
    app.get('/', (c) => c.json(errorBody('not_found', `the demo console has not been built: ${NOT_BUILT}`), 404));
  }
  return app;
}
