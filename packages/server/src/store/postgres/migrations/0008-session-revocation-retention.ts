/** Widget-session revocation and the pruner's indexes (dialect of sqlite/0008). */
export const sql = /* sql */ `
ALTER TABLE widget_sessions ADD COLUMN revoked_at bigint;
CREATE INDEX widget_sessions_by_expiry ON widget_sessions (expires_at);
CREATE INDEX host_events_delivered ON host_events (delivered_at) WHERE delivered_at IS NOT NULL;
`;
