/** When the outbox stops retrying an event and marks it failed: 3 days after it was created. */
export const HOST_EVENT_GIVE_UP_MS = 3 * 86_400_000;
