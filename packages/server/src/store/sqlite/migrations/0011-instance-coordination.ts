/**
 * What instances sharing the database agree on: the event-stream slots of widget sessions (leases
 * renewed by the open stream) and the last Graph API read of each account, with the one in flight.
 */
export const sql = /* sql */ `
CREATE TABLE event_stream_slots (
  id          TEXT PRIMARY KEY,
  session_id  TEXT NOT NULL,
  expires_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX event_stream_slots_by_session ON event_stream_slots (session_id, expires_at);

CREATE TABLE graph_reads (
  account_id       TEXT PRIMARY KEY,
  attempted_at     INTEGER NOT NULL,
  in_flight_until  INTEGER NOT NULL
) STRICT;
`;
