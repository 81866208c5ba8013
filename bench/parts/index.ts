/**
 * The parts of `npm run bench`, in the order they run. Each is a module exporting a factory of a
 * {@link BenchPart}; swap one by changing its import here (e.g. a richer widget-weight module).
 */
import type { BenchPart } from './part.js';
import { runwayPart } from './runway.js';
import { serverPart } from './server.js';
import { statementPart } from './statement.js';
import { usagePart } from './usage.js';
import { widgetSpeedPart } from './widget-speed.js';
import { widgetWeightPart } from './widget-weight.js';

export const PARTS: readonly (() => BenchPart)[] = [serverPart, runwayPart, statementPart, usagePart, widgetWeightPart, widgetSpeedPart];
