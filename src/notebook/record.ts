import { displayBundle } from "./display-bundle";

/** The MIME type of recorded results (read back by the notebook runner and the notebook tests). */
export const RECORD_MIME = "application/vnd.stbw.record+json";

/** A JSON value that can be recorded. */
export type RecordValue = number | string | boolean | null | RecordValue[] | { [key: string]: RecordValue };

/**
 * Records a key result of a notebook (cf. `store_metadata` in microsoft/recommenders): the
 * output carries the value as JSON under {@link RECORD_MIME} for the runner's index page and the
 * notebook tests, and as text for a reader.
 *
 * @example
 * ```ts
 * record("rows_after_cleaning", cleaned.height);
 * ```
 */
export function record(name: string, value: RecordValue): void {
  if (!/^[A-Za-z0-9_.@-]+$/.test(name)) throw new Error(`record name must match [A-Za-z0-9_.@-]+, got '${name}'`);
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`record '${name}': value must be finite, got ${value}`);
  displayBundle({ [RECORD_MIME]: { name, value }, "text/plain": `${name} = ${JSON.stringify(value)}` });
}
