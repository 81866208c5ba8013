import type { Metric, MetricObjectWithValues, MetricValue, Registry } from 'prom-client';

/** Counts and latency buckets of one method of one route. */
interface RouteStats {
  readonly statuses: Map<number, number>;
  /** Requests per latency bucket (not cumulative); the last one is `+Inf`. */
  readonly buckets: Float64Array;
  sum: number;
  count: number;
}

/**
 * Request count by (method, route, status) and latency histogram by (method, route), kept in plain
 * maps and arrays and turned into Prometheus series only when scraped. prom-client's own Counter
 * and Histogram hash and validate their labels on every observation (a few µs per request); here
 * an observation is two map lookups and three additions.
 */
export class RequestStats {
  readonly #bounds: readonly number[];
  readonly #routes = new Map<string, Map<string, RouteStats>>();

  constructor(bounds: readonly number[]) {
    this.#bounds = bounds;
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    let methods = this.#routes.get(route);
    if (!methods) this.#routes.set(route, (methods = new Map()));
    let stats = methods.get(method);
    if (!stats) methods.set(method, (stats = { statuses: new Map(), buckets: new Float64Array(this.#bounds.length + 1), sum: 0, count: 0 }));
    stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
    stats.sum += seconds;
    stats.count += 1;
    let bucket = 0;
    while (bucket < this.#bounds.length && seconds > (this.#bounds[bucket] as number)) bucket += 1;
    (stats.buckets[bucket] as number) += 1;
  }

  /** Registers the counter `countName` and the histogram `latencyName` in `registry`. */
  register(registry: Registry, countName: string, countHelp: string, latencyName: string, latencyHelp: string): void {
    registry.registerMetric(this.#metric(countName, countHelp, 'counter', () => this.#countValues()));
    registry.registerMetric(this.#metric(latencyName, latencyHelp, 'histogram', () => this.#latencyValues(latencyName)));
  }

  #metric(name: string, help: string, type: 'counter' | 'histogram', values: () => MetricValue<string>[]): Metric {
    const metric = {
      name,
      help,
      type,
      aggregator: 'sum',
      get: async (): Promise<MetricObjectWithValues<MetricValue<string>>> => ({ name, help, type, aggregator: 'sum', values: values() }) as never,
      reset: () => this.#routes.clear(),
    };
    return metric as unknown as Metric;
  }

  #countValues(): MetricValue<string>[] {
    const values: MetricValue<string>[] = [];
    for (const [route, methods] of this.#routes) {
      for (const [method, stats] of methods) {
        for (const [status, count] of stats.statuses) values.push({ labels: { method, route, status: String(status) }, value: count });
      }
    }
    return values;
  }

  #latencyValues(name: string): MetricValue<string>[] {
    const values: MetricValue<string>[] = [];
    for (const [route, methods] of this.#routes) {
      for (const [method, stats] of methods) {
        let cumulative = 0;
        stats.buckets.forEach((count, index) => {
          cumulative += count;
          const le = index < this.#bounds.length ? String(this.#bounds[index]) : '+Inf';
          values.push({ metricName: `${name}_bucket`, labels: { le, method, route }, value: cumulative } as MetricValue<string>);
        });
        values.push({ metricName: `${name}_sum`, labels: { method, route }, value: stats.sum } as MetricValue<string>);
        values.push({ metricName: `${name}_count`, labels: { method, route }, value: stats.count } as MetricValue<string>);
      }
    }
    return values;
  }
}
