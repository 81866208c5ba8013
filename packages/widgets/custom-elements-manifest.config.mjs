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
        definer?.exports?.push({ kind: 'custom-element-definition', name: tagName, declaration });
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
