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
    // One self-contained file until the server serves chunks beside it: languages are `import()`ed lazily by the
    // npm entries, and inlined here.
    rolldownOptions: { output: { minify: true, codeSplitting: false } },
  },
});
