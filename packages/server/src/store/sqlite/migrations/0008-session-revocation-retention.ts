/**
 * Widget-session revocation (a host's logout), and the indexes that let the pruner delete expired
 * sessions and long-delivered host events by index range instead of scanning their tables.
 */
export const sql = /* sql */ `
ALTER TABLE widget_sessions ADD COLUMN revoked_at INTEGER;
CREATE INDEX widget_sessions_by_expiry ON widget_sessions (expires_at);
CREATE INDEX host_events_delivered ON host_events (delivered_at) WHERE delivered_at IS NOT NULL;
`;
