import { LitElement } from 'lit';
import type { WidgetEventDetails, WidgetEventName } from './events.js';
import { VERSION } from './version.js';

/** The base of every widget: typed events and a registration that tolerates being done twice. */
export class WidgetElement extends LitElement {
  /** The package version that defined this class; two bundles of the same version may both register. */
  static readonly widgetsVersion = VERSION;

  /**
   * Registers the element under `name`. A second registration of the same class, or of the same version from
   * another bundle, is a no-op; a conflicting one keeps the first and warns. The same class may be registered
   * under several names (e.g. `wa-balance` and `acme-balance`).
   */
  static define(name: string): void {
    const existing = customElements.get(name) as (CustomElementConstructor & { widgetsVersion?: string }) | undefined;
    if (existing) {
      const same = existing === this || existing.prototype instanceof this || existing.widgetsVersion === VERSION;
      if (!same) console.warn(`<${name}> is already defined by another element or version; keeping the first.`);
      return;
    }
    try {
      customElements.define(name, this);
    } catch {
      // A constructor can be registered only once per registry; other names get a trivial subclass.
      customElements.define(name, class extends this {});
    }
  }

  /** Dispatches a bubbling, composed `CustomEvent` whose name and detail are checked against the event map. */
  emit<K extends WidgetEventName>(name: K, detail: WidgetEventDetails[K], options?: EventInit): CustomEvent<WidgetEventDetails[K]> {
    const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable: false, ...options, detail });
    this.dispatchEvent(event);
    return event;
  }
}
