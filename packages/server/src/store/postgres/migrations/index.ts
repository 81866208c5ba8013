import type { Migration } from '../../sqlite/migrations/index.js';
import { sql as initial } from './0001-initial.js';
import { sql as metaBilling } from './0002-meta-billing.js';
import { sql as phoneStatus } from './0003-phone-status.js';
import { sql as statementFrequencyCap } from './0004-statement-frequency-cap.js';
import { sql as hostEvents } from './0005-host-events.js';
import { sql as payments } from './0006-payments.js';
import { sql as instanceCoordination } from './0011-instance-coordination.js';

/**
 * The PostgreSQL dialect of every SQLite migration, same versions and names: a database of either
 * engine at version N has the same tables, constraints and guards. Append new ones in step with sqlite/.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'meta-billing', sql: metaBilling },
  { version: 3, name: 'phone-status', sql: phoneStatus },
  { version: 4, name: 'statement-frequency-cap', sql: statementFrequencyCap },
  { version: 5, name: 'host-events', sql: hostEvents },
  { version: 6, name: 'payments', sql: payments },
  // 7–9 are taken by work in flight on other branches; 10 keeps clear of them.
  { version: 11, name: 'instance-coordination', sql: instanceCoordination },
];
