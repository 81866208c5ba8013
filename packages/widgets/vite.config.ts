import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every script: compressed once at build time, at
 * settings too slow for each request, and served as they are to browsers that accept them.
 */
function precompress(): Plugin {
  return {
    name: 'wa-precompress',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle).filter(file => file.endsWith('.js'))) {
        const file = join(options.dir ?? 'dist/script', name);
        const content = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/**
 * The script-tag build, into dist/script/: `wa-widgets.js` is the small loader (src/loader/), and
 * `wa-widgets/` beside it holds one chunk per widget, Lit's, and the shared code's, each named with a hash of its
 * content so the server can let browsers cache them for good. Chunks import each other by relative URL, so the
 * loader works from whatever origin and path serves the two side by side.
 * tsc writes the per-file ESM and .d.ts of the npm package into dist/ first, so this build must not empty it.
 */
export default defineConfig({
  plugins: [precompress()],
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
            // What two widgets or more share of the shared rooms (the API client, localization, base styles) is one
            // chunk, not many small ones; a module only one widget uses stays in that widget's chunk. Each widget
            // area's English (translations/en/) stays out of it: pieces two widgets share (market names, for the
            // rate card and the statement) get a chunk of their own, loaded only by those widgets.
            { name: 'core', test: /src[\\/]shared[\\/](?!translations[\\/])/, minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
});
