/** Event-stream slots and Graph read claims shared by instances (dialect of sqlite/0010). */
export const sql = /* sql */ `
CREATE TABLE event_stream_slots (
  id          text PRIMARY KEY,
  session_id  text NOT NULL,
  expires_at  bigint NOT NULL
);
CREATE INDEX event_stream_slots_by_session ON event_stream_slots (session_id, expires_at);

CREATE TABLE graph_reads (
  account_id       text PRIMARY KEY,
  attempted_at     bigint NOT NULL,
  in_flight_until  bigint NOT NULL
);
`;
