import { defineConfig } from 'vite';

/**
 * Builds the demo reseller console (demo/) into demo/dist, which the server serves at `/`.
 * The widgets package builds itself (packages/widgets/vite.config.ts) before this runs.
 */
export default defineConfig({
  root: 'demo',
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
