import { defineConfig } from 'vite';

/**
 * The script-tag build, into dist/script/: `wa-widgets.js` is the small loader (src/loader/), and
 * `wa-widgets/` beside it holds one chunk per widget, Lit's, and the shared code's, each named with a hash of its
 * content so the server can let browsers cache them for good. Chunks import each other by relative URL, so the
 * loader works from whatever origin and path serves the two side by side.
 * tsc writes the per-file ESM and .d.ts of the npm package into dist/ first, so this build must not empty it.
 */
export default defineConfig({
  build: {
    outDir: 'dist/script',
    emptyOutDir: true,
    target: 'es2022',
    minify: 'oxc',
    sourcemap: true,
    lib: {
      entry: 'src/loader/wa-widgets-loader.ts',
      formats: ['es'],
      fileName: () => 'wa-widgets.js',
    },
    rolldownOptions: {
      output: {
        // For an ES library Vite keeps whitespace so bundlers can re-minify; these files go straight to a browser.
        minify: true,
        chunkFileNames: 'wa-widgets/[name]-[hash].js',
        codeSplitting: {
          groups: [
            // Lit on its own: every widget needs it, and it changes less often than our code, so it stays cached.
            { name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/](?!directives[\\/])/, priority: 2 },
            // What two widgets or more share (the API client, localization, base styles) is one chunk, not many
            // small ones; a module only one widget uses stays in that widget's chunk.
            { name: 'core', minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
});
