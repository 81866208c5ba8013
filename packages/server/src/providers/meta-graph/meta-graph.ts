import type { Rating } from '../../domain/quality/tiers.js';

/** What Meta's Graph API says about one business phone number. */
export interface PhoneNumberRead {
  readonly displayPhoneNumber: string | null;
  readonly verifiedName: string | null;
  readonly qualityRating: Rating;
  /** The portfolio's messaging limit tier (`TIER_2K`…); null when Meta did not say. */
  readonly messagingLimitTier: string | null;
  readonly nameStatus: string | null;
  readonly status: string | null;
}

/** Meta's Graph API, as far as this server reads it. */
export interface MetaGraph {
  /**
   * Reads a phone number node.
   * @throws MetaGraphError when Meta cannot be reached, times out or answers an error
   */
  getPhoneNumber(phoneNumberId: string, options?: { signal?: AbortSignal }): Promise<PhoneNumberRead>;
}

/** Why a Graph read failed. */
export type MetaGraphErrorKind = 'network' | 'timeout' | 'http' | 'invalid_response';

/** A failed Graph API call; `status` is Meta's HTTP status for `http` errors. */
export class MetaGraphError extends Error {
  override readonly name = 'MetaGraphError';

  constructor(
    readonly kind: MetaGraphErrorKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
