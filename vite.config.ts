import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const demoPage = (path: string) => fileURLToPath(new URL(`demo/${path}`, import.meta.url));

/**
 * Builds the demo reseller console (demo/) into demo/dist, which the server serves at `/`, with the pages that
 * show the widgets in React (`/frameworks/react.html`) and Vue (`/frameworks/vue.html`).
 * The widgets package builds itself (packages/widgets/vite.config.ts) before this runs.
 */
export default defineConfig({
  root: 'demo',
  base: '/',
  resolve: {
    // Vue's full build: the Vue page's template is compiled in the browser, with `isCustomElement`.
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
  },
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        console: demoPage('index.html'),
        react: demoPage('frameworks/react.html'),
        vue: demoPage('frameworks/vue.html'),
      },
    },
  },
});
