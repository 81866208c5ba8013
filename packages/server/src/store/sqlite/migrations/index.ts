import { sql as initial } from './0001-initial.js';
import { sql as metaBilling } from './0002-meta-billing.js';
import { sql as phoneStatus } from './0003-phone-status.js';
import { sql as statementFrequencyCap } from './0004-statement-frequency-cap.js';
import { sql as hostEvents } from './0005-host-events.js';
import { sql as payments } from './0006-payments.js';
import { sql as paymentsHardening } from './0007-payments-hardening.js';
import { sql as sessionRevocationRetention } from './0008-session-revocation-retention.js';
import { sql as dailyDebits } from './0009-daily-spend.js';
import { sql as rateLimits } from './0010-rate-limits.js';
import { sql as instanceCoordination } from './0011-instance-coordination.js';
import { sql as usageRollup } from './0012-usage-rollup.js';
import { sql as dropRunwayWindowIndex } from './0013-drop-runway-window-index.js';
import { sql as metaWebhookInbox } from './0014-meta-webhook-inbox.js';

/** A schema change, applied once, in `version` order. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, oldest first. Append new ones; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'meta-billing', sql: metaBilling },
  { version: 3, name: 'phone-status', sql: phoneStatus },
  { version: 4, name: 'statement-frequency-cap', sql: statementFrequencyCap },
  { version: 5, name: 'host-events', sql: hostEvents },
  { version: 6, name: 'payments', sql: payments },
  { version: 7, name: 'payments-hardening', sql: paymentsHardening },
  { version: 8, name: 'session-revocation-retention', sql: sessionRevocationRetention },
  { version: 9, name: 'daily-spend', sql: dailyDebits },
  { version: 10, name: 'rate-limits', sql: rateLimits },
  { version: 11, name: 'instance-coordination', sql: instanceCoordination },
  { version: 12, name: 'usage-rollup', sql: usageRollup },
  { version: 13, name: 'drop-runway-window-index', sql: dropRunwayWindowIndex },
  { version: 14, name: 'meta-webhook-inbox', sql: metaWebhookInbox },
];
