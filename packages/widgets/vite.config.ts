import { defineConfig } from 'vite';

/**
 * The script-tag bundle: one minified, self-contained ESM file (Lit included) that registers every widget.
 * tsc writes the per-file ESM and .d.ts into dist/ first, so this build must not empty it.
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: 'oxc',
    sourcemap: true,
    lib: {
      entry: 'src/wa-widgets.ts',
      formats: ['es'],
      fileName: () => 'wa-widgets.js',
    },
    // For an ES library Vite keeps whitespace so bundlers can re-minify; this file goes straight to a browser.
    rolldownOptions: { output: { minify: true } },
  },
});
