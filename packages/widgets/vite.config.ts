import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import ts from 'typescript';
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

/** Whitespace a template's text can lose: CSS keeps a space only where it may mean something, HTML one per run. */
const squeeze = {
  css: (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};]) ?/g, '$1')
      .replace(/, /g, ',')
      .replace(/;}/g, '}'),
  // A run of whitespace that breaks a line (indentation) renders as one space: keep one, so text reads the same.
  html: (text: string) => text.replace(/\s*\n\s*/g, ' '),
};

/**
 * Minifies the text of Lit's `css\`…\`` and `html\`…\`` templates, which the JS minifier leaves as written:
 * CSS comments go and its whitespace shrinks to what CSS needs; in HTML each indentation run becomes one space
 * (the widgets render no `<pre>` nor `white-space: pre` text). Interpolations and everything else stay as they are.
 */
export function minifyTemplateLiterals(): Plugin {
  return {
    name: 'wa-minify-template-literals',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: { start: number; end: number; text: string }[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'css')) {
          const minify = squeeze[node.tag.text];
          const template = node.template;
          // each piece of template text, between its opening (` or }) and its closing (` or ${)
          const pieces = ts.isNoSubstitutionTemplateLiteral(template)
            ? [{ literal: template, close: 1 }]
            : [{ literal: template.head, close: 2 }, ...template.templateSpans.map(span => ({ literal: span.literal, close: ts.isTemplateTail(span.literal) ? 1 : 2 }))];
          for (const { literal, close } of pieces) {
            const start = literal.getStart(file) + 1;
            const end = literal.end - close;
            const text = code.slice(start, end);
            const minified = minify(text);
            if (minified !== text) edits.push({ start, end, text: minified });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      if (edits.length === 0) return null;
      let result = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
      return { code: result, map: null };
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
  plugins: [minifyTemplateLiterals(), precompress()],
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
            // What two widgets or more share of src/shared/ (the API client, localization, base classes and styles,
            // formatting) and of @lit/task and @lit/context is one chunk, not many small ones; a module only one widget uses stays in that widget's
            // chunk. Two kinds of shared code stay out of it, so a page loads them only with what uses them: each
            // widget area's English (localization/translations/: market names, shared by the rate card and the
            // statement, get a chunk of their own), and the amount parsing of forms that load on demand.
            {
              name: 'core',
              test: /src[\\/]shared[\\/](?!localization[\\/]translations[\\/]|formatting[\\/](number-input|micros)\.)|node_modules[\\/]@lit[\\/](task|context)[\\/]/,
              minShareCount: 2,
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
