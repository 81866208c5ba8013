/** Meta's SCREAMING_SNAKE codes as words, for codes no translation knows yet: `PENDING_REVIEW` → `Pending review`. */
export function humanizeCode(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
