import { COL } from "../schema";
import type { AddLocalTimeOptions } from "./add-local-time";
import type { CleanStepSpec } from "./clean-pipeline";
import type { DropImpossibleOptions } from "./drop-impossible";
import type { MissingStrategy } from "./handle-missing";
import type { ActivityMeasure } from "./remove-hyperactive-users";

/** Options of {@link defaultCleaning}. */
export interface DefaultCleaningOptions {
  /** "Now" for the future-timestamp check. Default: the current time (pass a Date to reproduce). */
  now?: Date | null;
  /**
   * The collection period: events before `start` or after `end` (both inclusive) are dropped
   * as `ts_before_start` / `ts_after_end` (e.g. `datasetWindow("sample")`). Default `null`: no
   * window, only the future check.
   */
  window?: { start: Date; end: Date } | null;
  /**
   * Columns whose missing values are filled from the item's other rows (`handleMissing`
   * `"from_item"`), after the impossible rows are gone (so swapped or scaled coordinates never
   * vote) and before duplicates are looked for (so a copy that only lost a field is recognised
   * as the duplicate it is). Columns the frame lacks are skipped. Default
   * `["lat", "lon", "category"]`; `null` or `[]` turns the step off.
   */
  fillFromItem?: string[] | null;
  /** Near-duplicate window (same user and item), seconds. Default `60`; `null` turns it off. */
  nearDuplicateSeconds?: number | null;
  /** Remove hyperactive users (z-score > 3 on the log of `hyperactiveMeasure`). Default `true`. */
  removeHyperactive?: boolean;
  /**
   * What makes a user hyperactive (see `ActivityMeasure`). Default `"events_per_active_day"`:
   * bots post many events on few days, while real heavy users are heavy because they come back
   * on many days; on total events a z-score removes those loyal users too.
   */
  hyperactiveMeasure?: ActivityMeasure;
  /** k-core thresholds. Default `5` and `5`; set both to 1 to skip the filter's effect. */
  kUser?: number;
  kItem?: number;
  /** Add `ts_local` at the end with these options (e.g. `{ from: "offset" }`). Default `null`: not added. */
  localTime?: AddLocalTimeOptions | null;
}

const defaults = {
  window: null as { start: Date; end: Date } | null,
  fillFromItem: [COL.lat, COL.lon, COL.category] as string[] | null,
  nearDuplicateSeconds: 60 as number | null,
  removeHyperactive: true,
  hyperactiveMeasure: "events_per_active_day" as ActivityMeasure,
  kUser: 5,
  kItem: 5,
  localTime: null as AddLocalTimeOptions | null,
};

/**
 * A sensible cleaning recipe for check-in data, as step specs for `cleanPipeline` (print it in
 * the notebook: the protocol is data). In order:
 * 1. `dropImpossible` (bad coordinates, null island, timestamps outside `window`, in the future);
 * 2. `handleMissing` `"from_item"` on lat, lon, category (skipped for absent columns);
 * 3. `dropDuplicates` (exact, then the same user and venue within 60 s);
 * 4. `removeHyperactiveUsers` (z-score > 3 on ln(events per active day));
 * 5. `kCore` (users and venues with ≥ 5 events, iterated);
 * 6. optionally `addLocalTime`.
 *
 * Every step skips the checks whose columns the frame lacks (MovieLens has no coordinates,
 * Gowalla no category), so one recipe runs on every registry dataset.
 *
 * @param options see {@link DefaultCleaningOptions}.
 * @returns the step list.
 * @example
 * ```ts
 * const steps = defaultCleaning({ now: new Date("2024-01-01T00:00:00Z"), window: datasetWindow("sample"), kUser: 10, kItem: 10 });
 * const { frame, report } = cleanPipeline(checkins, steps);
 * ```
 */
export function defaultCleaning(options: DefaultCleaningOptions = {}): CleanStepSpec[] {
  const near = options.nearDuplicateSeconds === undefined ? defaults.nearDuplicateSeconds : options.nearDuplicateSeconds;
  const window = options.window === undefined ? defaults.window : options.window;
  const fill = options.fillFromItem === undefined ? defaults.fillFromItem : options.fillFromItem;
  const impossible: DropImpossibleOptions = { dropNullIsland: true };
  if (window) {
    if (!(window.start instanceof Date && window.end instanceof Date && window.start.getTime() <= window.end.getTime())) {
      throw new Error("window must be { start: Date, end: Date } with start <= end (or null)");
    }
    impossible.start = window.start;
    impossible.end = window.end;
  }
  if (options.now !== undefined) impossible.now = options.now;
  const steps: CleanStepSpec[] = [{ verb: "dropImpossible", options: impossible }];
  if (fill && fill.length > 0) {
    const strategies: Record<string, MissingStrategy> = {};
    for (const c of fill) strategies[c] = "from_item";
    steps.push({ verb: "handleMissing", options: { strategies, skipAbsent: true } });
  }
  steps.push({ verb: "dropDuplicates", options: { withinSeconds: near } });
  if (options.removeHyperactive ?? defaults.removeHyperactive) {
    const measure = options.hyperactiveMeasure ?? defaults.hyperactiveMeasure;
    steps.push({ verb: "removeHyperactiveUsers", options: { method: "zscore", threshold: 3, logCounts: true, measure } });
  }
  steps.push({ verb: "kCore", options: { kUser: options.kUser ?? defaults.kUser, kItem: options.kItem ?? defaults.kItem } });
  const localTime = options.localTime ?? defaults.localTime;
  if (localTime) steps.push({ verb: "addLocalTime", options: localTime });
  return steps;
}
