import type { AddLocalTimeOptions } from "./add-local-time";
import type { CleanStepSpec } from "./clean-pipeline";

/** Options of {@link defaultCleaning}. */
export interface DefaultCleaningOptions {
  /** "Now" for the future-timestamp check. Default: the current time (pass a Date to reproduce). */
  now?: Date | null;
  /** Near-duplicate window (same user and item), seconds. Default `60`; `null` turns it off. */
  nearDuplicateSeconds?: number | null;
  /** Remove hyperactive users (z-score > 3 on log event counts). Default `true`. */
  removeHyperactive?: boolean;
  /** k-core thresholds. Default `5` and `5`; set both to 1 to skip the filter's effect. */
  kUser?: number;
  kItem?: number;
  /** Add `ts_local` at the end with these options (e.g. `{ from: "offset" }`). Default `null`: not added. */
  localTime?: AddLocalTimeOptions | null;
}

const defaults = {
  nearDuplicateSeconds: 60 as number | null,
  removeHyperactive: true,
  kUser: 5,
  kItem: 5,
  localTime: null as AddLocalTimeOptions | null,
};

/**
 * A sensible cleaning recipe for check-in data, as step specs for `cleanPipeline` (print it in
 * the notebook: the protocol is data). In order:
 * 1. `dropImpossible` (bad coordinates, null island, timestamps in the future);
 * 2. `dropDuplicates` (exact, then the same user and venue within 60 s);
 * 3. `removeHyperactiveUsers` (z-score > 3 on ln(events per user));
 * 4. `kCore` (users and venues with ≥ 5 events, iterated);
 * 5. optionally `addLocalTime`.
 *
 * @param options see {@link DefaultCleaningOptions}.
 * @returns the step list.
 * @example
 * ```ts
 * const steps = defaultCleaning({ now: new Date("2024-01-01T00:00:00Z"), kUser: 10, kItem: 10 });
 * const { frame, report } = cleanPipeline(checkins, steps);
 * ```
 */
export function defaultCleaning(options: DefaultCleaningOptions = {}): CleanStepSpec[] {
  const near = options.nearDuplicateSeconds === undefined ? defaults.nearDuplicateSeconds : options.nearDuplicateSeconds;
  const steps: CleanStepSpec[] = [
    { verb: "dropImpossible", options: options.now === undefined ? { dropNullIsland: true } : { dropNullIsland: true, now: options.now } },
    { verb: "dropDuplicates", options: { withinSeconds: near } },
  ];
  if (options.removeHyperactive ?? defaults.removeHyperactive) {
    steps.push({ verb: "removeHyperactiveUsers", options: { method: "zscore", threshold: 3, logCounts: true } });
  }
  steps.push({ verb: "kCore", options: { kUser: options.kUser ?? defaults.kUser, kItem: options.kItem ?? defaults.kItem } });
  const localTime = options.localTime ?? defaults.localTime;
  if (localTime) steps.push({ verb: "addLocalTime", options: localTime });
  return steps;
}
