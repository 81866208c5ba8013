import type { WebComponentProps } from '@lit/react';
import type { WidgetEventName } from '../shared/api/events.js';
import type { WidgetTagNameMap } from '../tags.js';

/** Attributes spelled with a hyphen, which have a camel-case property of the same meaning. */
interface HyphenatedAttributes {
  'client-secret'?: string;
  'live-updates'?: 'on' | 'off';
  'page-size'?: number | string;
  'read-only'?: boolean;
  'disable-topup'?: boolean;
  'disable-payment-links'?: boolean;
  'no-trigger'?: boolean;
  'poll-interval'?: number | string;
}

/** React 19 adds a listener for `on<event name>` props of custom elements; widget events bubble, so any tag may hear them. */
type WidgetEventProps = { [K in WidgetEventName as `on${K}`]?: (event: HTMLElementEventMap[K]) => void };

/** The props of a widget used by its tag in JSX: HTML attributes, the element's properties, its events. */
export type WidgetJsxProps<E extends HTMLElement> = WebComponentProps<E> & HyphenatedAttributes & WidgetEventProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends WidgetIntrinsicElements {}
  }
}

/** Every widget tag as a JSX intrinsic element. */
export type WidgetIntrinsicElements = { [Tag in keyof WidgetTagNameMap]: WidgetJsxProps<WidgetTagNameMap[Tag]> };
