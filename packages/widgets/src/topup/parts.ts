/**
 * Every `::part` of `<wa-topup>`'s dialog. `<wa-balance>` exports each of them from its built-in dialog as
 * `topup-<part>`, so a host styles the embedded dialog as it styles a standalone one.
 */
export const TOPUP_DIALOG_PARTS = [
  'dialog',
  'title',
  'close',
  'amounts',
  'preset',
  'custom-amount',
  'amount-error',
  'pay',
  'create-link',
  'link-note',
  'link-expiry',
  'forbidden',
  'status',
  'continue',
  'link-url',
  'link-unavailable',
  'copy',
  'share',
  'open-links',
  'open-link',
  'open-links-heading',
  'cancel-link',
  'confirm-cancel',
  'keep-link',
  'back',
  'done',
  'try-again',
  'empty',
  'error',
  'retry',
] as const;

/** The `exportparts` value that renames each dialog part `<prefix><part>`. */
export function exportDialogParts(prefix: string): string {
  return TOPUP_DIALOG_PARTS.map(part => `${part}: ${prefix}${part}`).join(', ');
}
