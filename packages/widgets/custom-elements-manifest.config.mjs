import { posix } from 'node:path';

/**
 * Where a module path of the analyzed sources is published: `src/balance/balance.ts`, `/src/…`, or a specifier
 * relative to the module that wrote it (`./balance/balance.js` in src/index.ts) all become `dist/balance/balance.js`.
 */
function publishedPath(path, from) {
  const resolved = path.startsWith('.') ? posix.join(posix.dirname(from), path) : path.replace(/^\//, '');
  return resolved.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}

/** Rewrites every `module` (and the module's own `path`) below `node` to its published file. */
function publishPaths(node, from) {
  if (Array.isArray(node)) return node.forEach(item => publishPaths(item, from));
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'module' && typeof value === 'string' && !node.package) node[key] = publishedPath(value, from);
    else publishPaths(value, from);
  }
}

/**
 * custom-elements.json from the classes' JSDoc. Our tags are registered by `Class.define('wa-…')` in the
 * wa-*.ts modules, which the analyzer cannot see, so a plugin records those definitions and drops what is
 * not public API (private members, the anonymous subclass `define` registers under other prefixes).
 */
function widgetsPlugin() {
  return {
    name: 'wa-widgets',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const elements = new Map();
      for (const mod of manifest.modules) {
        mod.declarations = (mod.declarations ?? []).filter(d => !d.name.startsWith('anonymous_'));
        mod.exports = (mod.exports ?? []).filter(e => !e.declaration?.name?.startsWith('anonymous_'));
        for (const declaration of mod.declarations) {
          if (declaration.members) {
            declaration.members = declaration.members.filter(m => m.privacy !== 'private' && m.privacy !== 'protected');
          }
          if (declaration.tagName) elements.set(declaration.tagName, { name: declaration.name, module: mod.path });
        }
      }
      for (const [tagName, declaration] of elements) {
        const definer = manifest.modules.find(mod => mod.path === declaration.module.replace(/[^/]+\.ts$/, `${tagName}.ts`));
        definer?.exports?.push({ kind: 'custom-element-definition', name: tagName, declaration: { ...declaration } });
      }
      // Tools read the manifest beside the published package, which holds dist/, not src/.
      for (const mod of manifest.modules) {
        const from = mod.path;
        publishPaths(mod.declarations, from);
        publishPaths(mod.exports, from);
        mod.path = publishedPath(from, from);
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test/**'],
  outdir: '.',
  litelement: true,
  plugins: [widgetsPlugin()],
};
