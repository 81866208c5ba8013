/**
 * The terms of `<wa-topup>` and of `<wa-balance>`'s "Add credits" button. Part of {@link Translation}.
 * Terms taking `amount` receive it already formatted as money in the widget's locale.
 */
export interface TopupTerms {
  topupTrigger: string;
  topupTitle: string;
  topupClose: string;
  topupAmountLegend: string;
  topupCustomLabel: string;
  topupRange: (min: string, max: string) => string;
  topupOptionsFailed: string;

  amountRequired: string;
  /** `example` is 49.90 written the locale's way. */
  amountNotANumber: (example: string) => string;
  amountTooManyDecimals: (digits: number) => string;
  amountBelowMin: (min: string) => string;
  amountAboveMax: (max: string) => string;
  amountNotAStep: (step: string) => string;

  payNow: string;
  payStarting: string;
  payStartFailed: string;
  topupForbidden: string;
  payWaiting: (amount: string) => string;
  payPopupBlocked: (amount: string) => string;
  payContinue: string;
  payBack: string;
  paySucceeded: (amount: string) => string;
  payFailed: (amount: string) => string;
  payExpired: (amount: string) => string;
  tryAgain: string;
  done: string;

  linkHeading: string;
  linkExplainer: string;
  linkNote: string;
  linkExpiry: string;
  linkExpiryOption: (hours: number) => string;
  createLink: string;
  linkCreating: string;
  linkCreateFailed: string;
  linksForbidden: string;
  linkReady: (amount: string) => string;
  linkFieldLabel: (amount: string) => string;
  linkExpires: (date: string) => string;
  /** An open link whose URL the server can no longer show (`url: null`). */
  linkUrlUnavailable: string;
  copy: string;
  copyLinkLabel: (amount: string) => string;
  linkCopied: string;
  linkSelected: string;
  share: string;
  shareTitle: (amount: string) => string;

  openLinksHeading: string;
  openLinksEmpty: string;
  openLinksFailed: string;
  cancelLink: string;
  cancelLinkLabel: (amount: string) => string;
  cancelLinkConfirm: (amount: string) => string;
  cancelLinkYes: string;
  cancelLinkNo: string;
  linkCancelled: string;
  linkAlreadyPaid: string;
  cancelFailed: string;
}
