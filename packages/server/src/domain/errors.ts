/**
 * What went wrong, independent of any transport. The HTTP layer maps each kind to a status code.
 * - `invalid`: the caller sent a value the domain refuses (bad amount, wrong currency…)
 * - `unauthenticated`: no valid credentials
 * - `forbidden`: valid credentials without the needed permission
 * - `not_found`: an id that does not exist (or is not visible to the caller)
 * - `conflict`: the request contradicts the current state (duplicate, insufficient balance…)
 */
export type DomainErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'unavailable';

/** An expected failure with a stable snake_case `code` and a human-readable message. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
