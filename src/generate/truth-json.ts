import type { GroundTruth } from "./truth";

/**
 * The ground truth as the committed `ground-truth.json` text: JSON indented by two spaces,
 * with a final newline. Deterministic for a given truth object.
 *
 * @param truth a ground truth from `generateEvents`.
 * @returns the JSON text.
 * @example
 * ```ts
 * writeFileSync("ground-truth.json", formatTruthJson(generateEvents().truth));
 * ```
 */
export function formatTruthJson(truth: GroundTruth): string {
  return `${JSON.stringify(truth, null, 2)}\n`;
}
