import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

// What npm would publish of @wa-widgets/widgets, once `npm run build` has run (the e2e suite builds first).
const packageDir = fileURLToPath(new URL('../../packages/widgets/', import.meta.url));
const read = (path: string) => JSON.parse(readFileSync(`${packageDir}${path}`, 'utf8')) as unknown;

interface PackageJson {
  files: string[];
  customElements: string;
  exports: Record<string, string | { types: string; default: string }>;
}
interface Manifest {
  modules: { path: string; exports?: { kind: string; name: string; declaration: { module?: string } }[] }[];
}

const pkg = read('package.json') as PackageJson;
const manifest = read(pkg.customElements) as Manifest;
const published = (path: string) => pkg.files.some((entry) => path === entry || path.startsWith(`${entry}/`));

/** Every `module` and `path` string anywhere in the manifest, with where it was found. */
function modulePaths(node: unknown, where = '', found: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((item, index) => modulePaths(item, `${where}[${index}]`, found));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if ((key === 'module' || key === 'path') && typeof value === 'string' && !('package' in record)) found.push([value, `${where}.${key}`]);
      else modulePaths(value, `${where}.${key}`, found);
    }
  }
  return found;
}

describe('the published @wa-widgets/widgets package', () => {
  test('custom-elements.json names only published files that exist', () => {
    const paths = modulePaths(manifest.modules);
    assert.ok(paths.length > 50);
    for (const [path, where] of paths) {
      assert.ok(published(path), `${where}: ${path} is not in the published files (${pkg.files.join(', ')})`);
      assert.ok(existsSync(`${packageDir}${path}`), `${where}: ${path} does not exist`);
    }
  });

  test('custom-elements.json defines every tag in the module that its package entry points at', () => {
    const entries = new Set(Object.values(pkg.exports).map((target) => (typeof target === 'string' ? target : target.default).replace(/^\.\//, '')));
    const definitions = manifest.modules.flatMap((mod) =>
      (mod.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition').map((entry) => ({ tag: entry.name, module: mod.path })),
    );
    const tags = definitions.map((definition) => definition.tag).sort();
    assert.deepEqual(tags, ['wa-balance', 'wa-frequency-cap', 'wa-number', 'wa-quality', 'wa-quota', 'wa-rate-card', 'wa-session', 'wa-statement', 'wa-topup']);
    for (const { tag, module } of definitions) assert.ok(entries.has(module), `<${tag}> is defined in ${module}, which no package entry exports`);
  });

  test('every package entry and its types exist, the script-tag loader and its chunks included', () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      for (const file of typeof target === 'string' ? [target] : [target.types, target.default]) {
        assert.ok(existsSync(`${packageDir}${file}`), `${entry}: ${file} does not exist`);
      }
    }
    assert.ok(existsSync(`${packageDir}dist/script/wa-widgets.js`));
    assert.ok(existsSync(`${packageDir}dist/script/wa-widgets`));
  });
});
