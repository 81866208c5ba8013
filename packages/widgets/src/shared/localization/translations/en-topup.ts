import type { TopupTerms } from '../topup-terms.js';
import { plural } from '../plural.js';
import { topupTriggerEnglish } from './en/topup-trigger.js';

const expiries: Record<number, string> = { 24: '24 hours', 72: '3 days', 168: '7 days' };

export const topupEnglish: TopupTerms = {
  ...topupTriggerEnglish,
  topupTitle: 'Add credits',
  topupClose: 'Close',
  topupAmountLegend: 'Amount',
  topupCustomLabel: 'Other amount',
  topupRange: (min, max) => `From ${min} to ${max}`,
  topupOptionsFailed: 'Couldn’t load the amounts.',

  amountRequired: 'Choose an amount or enter one.',
  amountNotANumber: example => `Enter the amount in numbers, like ${example}.`,
  amountTooManyDecimals: digits =>
    digits === 0
      ? 'Enter a whole amount, without decimals.'
      : plural('en', digits, { one: `Use at most ${digits} decimal place.`, other: `Use at most ${digits} decimal places.` }),
  amountBelowMin: min => `The minimum is ${min}.`,
  amountAboveMax: max => `The maximum is ${max}.`,
  amountNotAStep: step => `Enter a multiple of ${step}.`,

  payNow: 'Pay now',
  payStarting: 'Opening payment…',
  payStartFailed: 'Couldn’t start the payment. Try again.',
  topupForbidden: 'Your access doesn’t allow adding credits. Ask an administrator of your account.',
  payWaiting: amount => `Complete the payment of ${amount} in the payment window. This updates by itself once it’s paid.`,
  payPopupBlocked: amount => `Your browser blocked the payment window. Continue to pay ${amount} in this tab.`,
  payContinue: 'Continue to payment',
  payBack: 'Choose another amount',
  paySucceeded: amount => `${amount} added to your balance`,
  payFailed: amount => `The payment of ${amount} didn’t go through. Nothing was charged.`,
  payExpired: amount => `The payment of ${amount} expired before it was completed.`,
  tryAgain: 'Try again',
  done: 'Done',

  linkHeading: 'Or send a payment link',
  linkExplainer: 'Anyone with the link can pay this amount, without signing in.',
  linkNote: 'Note (optional)',
  linkExpiry: 'Link expires after',
  linkExpiryOption: hours => expiries[hours] ?? `${hours} hours`,
  createLink: 'Create payment link',
  linkCreating: 'Creating link…',
  linkCreateFailed: 'Couldn’t create the link. Try again.',
  linksForbidden: 'Your access doesn’t allow payment links. Ask an administrator of your account.',
  linkReady: amount => `Payment link for ${amount} created`,
  linkFieldLabel: amount => `Payment link for ${amount}`,
  linkExpires: date => `Expires ${date}`,
  linkUrlUnavailable: 'This link’s address can’t be shown again; the payer’s copy still works',
  copy: 'Copy',
  copyLinkLabel: amount => `Copy payment link for ${amount}`,
  linkCopied: 'Link copied',
  linkSelected: 'Link selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  share: 'Share',
  shareTitle: amount => `Payment link for ${amount}`,

  openLinksHeading: 'Open payment links',
  openLinksEmpty: 'No open payment links.',
  openLinksFailed: 'Couldn’t load the payment links.',
  cancelLink: 'Cancel link',
  cancelLinkLabel: amount => `Cancel link for ${amount}`,
  cancelLinkConfirm: amount => `Cancel the link for ${amount}? Anyone who has it won’t be able to pay anymore.`,
  cancelLinkYes: 'Yes, cancel link',
  cancelLinkNo: 'Keep link',
  linkCancelled: 'Link cancelled',
  linkAlreadyPaid: 'This link was already paid, so it can’t be cancelled.',
  cancelFailed: 'Couldn’t cancel the link. Try again.',
};

export default topupEnglish;
