import type pl from "nodejs-polars";
import { addLocalTime, type AddLocalTimeOptions } from "./add-local-time";
import type { CleanResult, CleanStep } from "./clean-report";
import { dropDuplicates, type DropDuplicatesOptions } from "./drop-duplicates";
import { dropImpossible, type DropImpossibleOptions } from "./drop-impossible";
import { handleMissing, type HandleMissingOptions } from "./handle-missing";
import { kCore, type KCoreOptions } from "./k-core";
import { removeHyperactiveUsers, type RemoveHyperactiveUsersOptions } from "./remove-hyperactive-users";
import { removeOutliers, type RemoveOutliersOptions } from "./remove-outliers";

/** A cleaning step as a function: frame in, {@link CleanResult} out. */
export type CleanStepFn = (df: pl.DataFrame) => CleanResult;

/**
 * A cleaning step as data: a verb of `src/clean` by name, with its options (JSON-friendly, so
 * a notebook can print the recipe it runs).
 *
 * @example
 * ```ts
 * const step: CleanStepSpec = { verb: "dropDuplicates", options: { withinSeconds: 60 } };
 * ```
 */
export type CleanStepSpec =
  | { verb: "dropImpossible"; options?: DropImpossibleOptions }
  | { verb: "dropDuplicates"; options?: DropDuplicatesOptions }
  | { verb: "handleMissing"; options: HandleMissingOptions }
  | { verb: "removeOutliers"; options: RemoveOutliersOptions }
  | { verb: "removeHyperactiveUsers"; options?: RemoveHyperactiveUsersOptions }
  | { verb: "addLocalTime"; options?: AddLocalTimeOptions }
  | { verb: "kCore"; options?: KCoreOptions };

/**
 * Runs one step spec (see {@link CleanStepSpec}).
 *
 * @example
 * ```ts
 * runCleanStep(events, { verb: "kCore", options: { kUser: 10, kItem: 10 } });
 * ```
 */
export function runCleanStep(df: pl.DataFrame, spec: CleanStepSpec): CleanResult {
  switch (spec.verb) {
    case "dropImpossible":
      return dropImpossible(df, spec.options);
    case "dropDuplicates":
      return dropDuplicates(df, spec.options);
    case "handleMissing":
      return handleMissing(df, spec.options);
    case "removeOutliers":
      return removeOutliers(df, spec.options);
    case "removeHyperactiveUsers":
      return removeHyperactiveUsers(df, spec.options);
    case "addLocalTime":
      return addLocalTime(df, spec.options);
    case "kCore":
      return kCore(df, spec.options);
    default:
      throw new Error(
        `unknown cleaning verb ${JSON.stringify((spec as { verb: unknown }).verb)}; valid: dropImpossible, dropDuplicates, handleMissing, removeOutliers, removeHyperactiveUsers, addLocalTime, kCore`,
      );
  }
}

/**
 * Runs cleaning steps in order, each on the previous step's frame, and concatenates their
 * reports (show them with `reportFrame`). Steps are functions or named specs; they can be mixed.
 *
 * @param df event frame (not mutated).
 * @param steps the steps, e.g. `defaultCleaning()`.
 * @returns the final frame and the whole report.
 * @example
 * ```ts
 * const { frame, report } = cleanPipeline(events, [
 *   { verb: "dropImpossible", options: { now: new Date("2024-01-01") } },
 *   (d) => dropDuplicates(d, { withinSeconds: 60 }),
 *   { verb: "kCore", options: { kUser: 5, kItem: 5 } },
 * ]);
 * reportFrame(report);
 * ```
 */
export function cleanPipeline(df: pl.DataFrame, steps: readonly (CleanStepFn | CleanStepSpec)[]): CleanResult {
  if (!Array.isArray(steps)) throw new Error("steps must be an array of functions or { verb, options } specs");
  let frame = df;
  const report: CleanStep[] = [];
  steps.forEach((s, i) => {
    const out = typeof s === "function" ? s(frame) : runCleanStep(frame, s);
    if (!out || !out.frame || !Array.isArray(out.report)) {
      throw new Error(`cleaning step ${i} did not return a CleanResult { frame, report }`);
    }
    frame = out.frame;
    report.push(...out.report);
  });
  return { frame, report };
}
