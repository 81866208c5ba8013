/**
 * The script-tag entry: `<script type="module" src="/wa-widgets.js">` registers every widget under its
 * default `wa-` tag. Built into one self-contained, minified file.
 */
import { defineWidgets } from './index.js';

export * from './index.js';

defineWidgets();
