/**
 * The script-tag entry, `<script type="module" src="https://wa.example.com/wa-widgets.js">`: a small loader
 * that registers each widget under its `wa-` tag the first time the tag appears on the page, importing that
 * widget's chunk (served beside this file, found relative to it) only then. Lit and the shared code are chunks
 * of their own, loaded once whatever the number of widgets.
 */
import { defineOnFirstUse } from './define-on-first-use.js';

export { defineOnFirstUse, type DefineOnFirstUseOptions } from './define-on-first-use.js';
export type * from '../tags.js';

defineOnFirstUse();
