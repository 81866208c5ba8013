/** The shape of one part of `npm run bench`: run it, get figures for results.json and README rows. */

/** One row of the README's benchmark table. */
export interface BenchRow {
  /** What was measured. */
  readonly metric: string;
  /** The figure, as it reads in the table. */
  readonly value: string;
  /** Its reference in the same run, or the target it is held to. */
  readonly reference?: string;
}

/** What a part hands back: its rows and any figures worth keeping in results.json. */
export interface PartResult {
  readonly rows: readonly BenchRow[];
  readonly data: Record<string, unknown>;
}

/** One part of the benchmark. Parts are independent; each is bounded by `timeoutSeconds`. */
export interface BenchPart {
  readonly name: string;
  readonly title: string;
  readonly timeoutSeconds: number;
  run(): Promise<PartResult>;
}
