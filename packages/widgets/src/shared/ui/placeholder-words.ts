import { html } from 'lit';

/**
 * Placeholder words for a loading skeleton: a pulsing bar (`.skeleton-text`, or `.skeleton` with `boxClass` for a
 * control) sized by the real words it stands for, so it wraps and measures like them and nothing moves when the
 * data arrives. The words themselves are `visibility: hidden` (`.placeholder-words`), not merely transparent: they
 * are not text to see, to read aloud (the skeleton sits under `aria-hidden`) or to contrast-check. Transparent text
 * flattened onto a pulsing bar reads to axe as white on grey.
 */
export const placeholderWords = (words: string, boxClass?: string) =>
  html`<span class=${boxClass ? `skeleton ${boxClass}` : 'skeleton-text'}><span class="placeholder-words">${words}</span></span>`;
