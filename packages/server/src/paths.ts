import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root: this file sits in packages/server/src (tsx) or packages/server/dist (built). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Default locations of the database and of the built front-end files. */
export const DEFAULT_PATHS = {
  database: resolve(REPO_ROOT, 'data/wa.db'),
  widgetsBundle: resolve(REPO_ROOT, 'packages/widgets/dist/script/wa-widgets.js'),
  demoDir: resolve(REPO_ROOT, 'demo/dist'),
} as const;
