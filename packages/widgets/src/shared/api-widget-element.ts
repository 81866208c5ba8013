import { property } from 'lit/decorators.js';
import type { Translation } from './localize.js';
import { WidgetElement } from './widget-element.js';

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
}
