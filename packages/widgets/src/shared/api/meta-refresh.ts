/** What `?refresh=1` on `/v1/quality` and `/v1/quota` answers about Meta. */
export interface MetaReadAnswer {
  stale: boolean;
  refresh_failed?: boolean;
}

/**
 * Whether an explicit `?refresh=1` read of Meta failed. The server answers `stale: true` whenever that read
 * fails, whatever the cache's age; a server that also sends `refresh_failed` is taken at its word.
 */
export function metaReadFailed(answer: MetaReadAnswer): boolean {
  return answer.refresh_failed ?? answer.stale;
}
