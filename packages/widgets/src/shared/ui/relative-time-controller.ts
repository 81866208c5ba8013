import type { ReactiveController, ReactiveControllerHost } from 'lit';

const hosts = new Set<ReactiveControllerHost>();
let timer: ReturnType<typeof setInterval> | undefined;

/**
 * Keeps relative times ("3 minutes ago") current: every connected host re-renders on one timer shared by the
 * whole page, which runs only while some host is connected.
 */
export class RelativeTimeController implements ReactiveController {
  /** How often relative times are redrawn; short enough for "seconds ago" not to mislead. */
  static intervalMs = 10_000;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    timer ??= setInterval(() => {
      for (const host of hosts) host.requestUpdate();
    }, RelativeTimeController.intervalMs);
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (hosts.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  }
}
