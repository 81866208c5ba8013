import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppAssets } from '../deps.js';
import { errorBody } from '../middleware/errors.js';

const NOT_BUILT = 'run `npm run build` at the repository root first';

/**
 * The script-tag bundle at `/wa-widgets.js` and, in demo mode, the demo console at `/`. Missing builds answer
 * 404 with a hint instead of failing at start-up, so the API works without them.
 */
export function assetRoutes(assets: AppAssets): Hono {
  const app = new Hono();
  const { widgetsBundlePath, demoDir } = assets;

  const bundles = [
    { route: '/wa-widgets.js', file: widgetsBundlePath, type: 'application/javascript; charset=utf-8' },
    { route: '/wa-widgets.js.map', file: widgetsBundlePath && `${widgetsBundlePath}.map`, type: 'application/json' },
  ];
  for (const { route, file, type } of bundles) {
    app.get(route, async (c) => {
      const content = file ? await readFile(file).catch(() => null) : null;
      if (!content) return c.json(errorBody('not_found', `${route.slice(1)} has not been built: ${NOT_BUILT}`), 404);
      // Host pages on other origins load the bundle as a module script, which is a CORS request.
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
      c.header('Cache-Control', 'no-cache');
      return c.body(content, 200, { 'Content-Type': type });
    });
  }

  if (demoDir && existsSync(demoDir)) {
    app.get('/*', serveStatic({ root: demoDir }));
  } else if (demoDir) {
    // Without a demoDir (production) there is no demo console, and nothing to hint at.
    app.get('/', (c) => c.json(errorBody('not_found', `the demo console has not been built: ${NOT_BUILT}`), 404));
  }
  return app;
}
