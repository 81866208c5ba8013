/** How a text reached the person: on the clipboard, or selected in its field for them to copy. */
export type CopyOutcome = 'copied' | 'selected';

/**
 * Copies `text` with the async Clipboard API; where it is missing or refused (insecure page, permissions
 * policy of the host's iframe), selects the whole `field` so the person can copy it with the keyboard.
 */
export async function copyText(text: string, field: HTMLInputElement | null | undefined): Promise<CopyOutcome> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    field?.focus();
    field?.select();
    return 'selected';
  }
}

/** Whether the platform has a share sheet (`navigator.share`), e.g. on phones. */
export function canShare(): boolean {
  return typeof navigator.share === 'function';
}
