import { LitElement } from 'lit';
import type { WidgetEventDetails, WidgetEventName } from '../api/events.js';
import { VERSION } from './version.js';

/** The base of every widget: typed events and a registration that tolerates being done twice. */
export class WidgetElement extends LitElement {
  /** The package version that defined this class; two bundles of the same version may both register. */
  static readonly widgetsVersion = VERSION;

  private readonly renderPrerequisites: Array<() => Promise<unknown> | undefined> = [];

  /**
   * Adds work every update waits for when `prerequisite` returns a promise: a language's strings still loading,
   * so the widget renders in that language at once instead of flashing English. `updateComplete` includes it.
   */
  addRenderPrerequisite(prerequisite: () => Promise<unknown> | undefined): void {
    this.renderPrerequisites.push(prerequisite);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.renderPrerequisites.map(prerequisite => prerequisite()).filter(work => work !== undefined);
    if (pending.length === 0) return super.scheduleUpdate();
    return Promise.allSettled(pending).then(() => super.scheduleUpdate());
  }

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
