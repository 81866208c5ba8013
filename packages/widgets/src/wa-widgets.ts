/**
 * The register-all entry of the npm package (`import '@wa-widgets/widgets/wa-widgets.js'`): registers every
 * widget under its default `wa-` tag at once. The script tag served at `/wa-widgets.js` is another file, the
 * loader of src/loader/, which registers each widget only when its tag appears.
 */
import { defineWidgets } from './index.js';

export * from './index.js';

defineWidgets();
