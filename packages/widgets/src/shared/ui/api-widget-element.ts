import { property } from 'lit/decorators.js';
import { LiveAnnouncer } from './live-announcer.js';
import type { Translation } from '../localization/localize.js';
import { WidgetElement } from './widget-element.js';

/** `heading-level` as a level from 1 to 6; anything else is the default, 2. */
function headingLevelFrom(value: string | null): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2;
}

/**
 * A widget that reads the widget API. Inside a `<wa-session>` it needs none of these settings: the session
 * gives it the API client, the locale and the theme. Alone on a page it takes `endpoint` and `client-secret`.
 */
export abstract class ApiWidgetElement extends WidgetElement {
  /** Base URL of the server, when used without a session. */
  @property() endpoint = '';

  /** The widget session's `client_secret`, when used without a session. */
  @property({ attribute: 'client-secret' }) clientSecret = '';

  /** Overrides the session's locale. */
  @property() locale = '';

  /** `dark`, `light`, or `auto` (follows `prefers-color-scheme`); empty takes the surroundings' theme. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | '' = '';

  /** Overrides of the translated strings. */
  @property({ type: Object }) strings: Partial<Translation> = {};

  /** Level of the card's title heading (`aria-level`), to fit the page's outline; 2 by default. */
  @property({ attribute: 'heading-level', converter: { fromAttribute: headingLevelFrom } }) headingLevel = 2;

  /** The widget's persistent live region; templates mark what it reads with `data-announce`. */
  protected readonly announcer = new LiveAnnouncer(this);
}
