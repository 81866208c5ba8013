import { sql as initial } from './0001-initial.js';
import { sql as hostEvents } from './0005-host-events.js';

/** A schema change, applied once, in `version` order. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, oldest first. Append new ones; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 5, name: 'host-events', sql: hostEvents },
];
