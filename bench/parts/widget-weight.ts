/**
 * Widget weight: gzip (level 9) and brotli (quality 11) of the script-tag entry, of every chunk
 * beside it, and of Lit alone (bundled and minified here) as the floor. Measures whatever the
 * widgets build left in packages/widgets/dist: `script/wa-widgets.js` and its `script/wa-widgets/`
 * chunks when the build splits, the single `wa-widgets.js` otherwise. A replacement module only has
 * to export a {@link BenchPart} the same way (see parts/index.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { BenchPart, BenchRow } from './part.js';

const DIST = fileURLToPath(new URL('../../packages/widgets/dist/', import.meta.url));

/** Sizes of one file, in bytes. */
export interface Weight {
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

/** The compressed sizes of `content`. */
export function weigh(content: Uint8Array): Weight {
  return {
    raw: content.byteLength,
    gzip: gzipSync(content, { level: 9 }).byteLength,
    brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

/** The script-tag entry and its chunks as built, or null when the widgets are not built. */
export function builtScripts(): { entry: string; chunks: string[] } | null {
  const split = join(DIST, 'script', 'wa-widgets.js');
  if (existsSync(split)) {
    const chunkDir = join(DIST, 'script', 'wa-widgets');
    const chunks = existsSync(chunkDir) ? readdirSync(chunkDir).filter((f) => f.endsWith('.js')).map((f) => join(chunkDir, f)) : [];
    return { entry: split, chunks };
  }
  const single = join(DIST, 'wa-widgets.js');
  return existsSync(single) ? { entry: single, chunks: [] } : null;
}

export function widgetWeightPart(): BenchPart {
  return {
    name: 'widget-weight',
    title: 'Widget weight (script tag)',
    timeoutSeconds: 60,
    async run() {
      const scripts = builtScripts();
      if (!scripts) throw new Error('packages/widgets is not built: npm run build -w @wa-widgets/widgets');
      const lit = await build({ stdin: { contents: "export * from 'lit';", resolveDir: DIST, loader: 'js' }, bundle: true, minify: true, format: 'esm', write: false, target: 'es2022' });
      const floor = weigh(lit.outputFiles[0]!.contents);
      const entry = weigh(readFileSync(scripts.entry));
      const chunks = Object.fromEntries(scripts.chunks.map((file) => [file.slice(file.lastIndexOf('/') + 1), weigh(readFileSync(file))]));
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      const show = (w: Weight) => `${kb(w.gzip)} gzip, ${kb(w.brotli)} brotli (${kb(w.raw)} raw)`;
      const rows: BenchRow[] = [
        { metric: 'script-tag entry (wa-widgets.js)', value: show(entry), reference: `Lit alone: ${show(floor)}` },
        ...Object.entries(chunks).map(([name, w]) => ({ metric: `chunk ${name}`, value: show(w) })),
        { metric: 'Lit alone, minified (the floor)', value: show(floor) },
      ];
      return { rows, data: { entry, chunks, lit: floor, layout: scripts.chunks.length > 0 ? 'loader + chunks' : 'single bundle' } };
    },
  };
}
