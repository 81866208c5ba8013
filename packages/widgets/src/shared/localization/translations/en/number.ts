import { humanizeCode } from '../../codes.js';
import type { MetaTerms } from '../../meta-terms.js';

const statuses: Record<string, string> = {
  CONNECTED: 'Connected',
  PENDING: 'Pending',
  FLAGGED: 'Flagged',
  RESTRICTED: 'Restricted',
  DISCONNECTED: 'Disconnected',
  LINKED: 'Linked',
  UNVERIFIED: 'Unverified',
  MIGRATED: 'Migrated',
  BANNED: 'Banned',
  DELETED: 'Deleted',
};
const nameStatuses: Record<string, string> = {
  APPROVED: 'Display name approved',
  AVAILABLE_WITHOUT_REVIEW: 'Display name available without review',
  DECLINED: 'Display name declined',
  EXPIRED: 'Display name expired',
  PENDING_REVIEW: 'Display name in review',
  NONE: 'No display name submitted',
};

/** English of `<wa-number>`. */
export const numberEnglish = {
  numberLabel: 'WhatsApp number',
  numberStatus: status => statuses[status] ?? humanizeCode(status),
  nameStatus: status => nameStatuses[status] ?? `Display name: ${humanizeCode(status).toLowerCase()}`,
  noNumber: 'No WhatsApp number is connected yet.',
  numberLoadFailed: 'Couldn’t load the number.',
} satisfies Partial<MetaTerms>;
