import { svg, type SVGTemplateResult } from 'lit';
import type { QualityRating } from '../api/types.js';

/** A distinct shape per rating, so the rating never depends on colour alone (the words are always beside it). */
const paths: Record<QualityRating, SVGTemplateResult> = {
  GREEN: svg`<path d="M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0m3.3 4.8L6.9 9.2 4.7 7a.9.9 0 1 0-1.3 1.3l2.9 2.8a.9.9 0 0 0 1.2 0l5-5a.9.9 0 1 0-1.2-1.3"/>`,
  YELLOW: svg`<path d="M8.9 1.5a1 1 0 0 0-1.8 0L.6 13.5A1 1 0 0 0 1.5 15h13a1 1 0 0 0 .9-1.5zM8 5a.9.9 0 0 1 .9.9l-.2 3.9a.7.7 0 0 1-1.4 0l-.2-3.9A.9.9 0 0 1 8 5m0 6.3a1 1 0 1 1 0 2 1 1 0 0 1 0-2"/>`,
  RED: svg`<path d="M5 0h6l5 5v6l-5 5H5l-5-5V5zm.7 4.4a.9.9 0 0 0-1.3 1.3L6.7 8l-2.3 2.3a.9.9 0 1 0 1.3 1.3L8 9.3l2.3 2.3a.9.9 0 0 0 1.3-1.3L9.3 8l2.3-2.3a.9.9 0 0 0-1.3-1.3L8 6.7z"/>`,
  UNKNOWN: svg`<path d="M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0m0 1.6a6.4 6.4 0 1 0 0 12.8A6.4 6.4 0 0 0 8 1.6m0 9.2a1 1 0 1 1 0 2 1 1 0 0 1 0-2m0-7.3c1.6 0 2.8 1.1 2.8 2.5 0 1.1-.7 1.7-1.3 2.1-.5.3-.7.5-.7.9v.2H7.2v-.3c0-1 .6-1.5 1.1-1.9.5-.3.8-.6.8-1 0-.5-.5-.9-1.1-.9s-1.1.4-1.2 1H5.2c.1-1.5 1.3-2.6 2.8-2.6"/>`,
};

/** The decorative icon of a rating; screen readers get the rating's words instead. */
export function qualityIcon(rating: QualityRating) {
  return svg`<svg class="quality-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${paths[rating] ?? paths.UNKNOWN}</svg>`;
}
