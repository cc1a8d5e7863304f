/**
 * Assembles a {@link RuleModel} from mined rule frames and the training events the catalogue
 * is read from.
 */
import type pl from "nodejs-polars";
import { DEFAULT_DAY_PARTS, type DayPart } from "../features/add-time-features";
import { COL } from "../schema";
import { ruleCatalog, type RuleCatalogCols } from "./rule-catalog";
import type { RuleModel } from "./rule-model";
import { parseContextRules, parseSequenceRules } from "./rule-parse";

/**
 * The rule frames a model fires (either may be absent or empty).
 * @example
 * ```ts
 * const frames: RuleFrames = { association: associationRules(itemsets), sequential: sequentialRules(events) };
 * ```
 */
export interface RuleFrames {
  /** Association rules (`associationRules` output): only those predicting one `cat:` token are used. */
  association?: pl.DataFrame | null;
  /** Sequential rules (`sequentialRules` output, optionally with a `max_gap_min` column). */
  sequential?: pl.DataFrame | null;
}

/**
 * Options of {@link buildRuleModel}.
 * @example
 * ```ts
 * buildRuleModel(train, frames, { maxGapMinutes: 120, dayParts: DEFAULT_DAY_PARTS, cols: { region: "district" } });
 * ```
 */
export interface BuildRuleModelOptions {
  /** Δt of sequential rules whose frame has no `max_gap_min` column, minutes > 0. Default `120` (`sequentialRules`' default). */
  maxGapMinutes?: number;
  /** Part-of-day bins of the `time:` tokens (must match how the rules were mined). Default `DEFAULT_DAY_PARTS`. */
  dayParts?: readonly DayPart[];
  /** ISO weekdays of `day:weekend`. Default `[6, 7]`. */
  weekendDays?: readonly number[];
  /** Geohash characters of `cell:` tokens, in [1, 12]. Default `5`. */
  geohashPrecision?: number;
  /** Recent visits kept per user before its last event, minutes ≥ 0. Default: the largest Δt of the rules, at least 120. */
  historyMinutes?: number;
  /**
   * Column names. Default `COL.user`, `COL.item`, `COL.category`, `"region"`, and `time`:
   * `"ts_local"` when the frame has it, else `COL.ts` (UTC; recorded in `meta.timeColumn`).
   */
  cols?: Partial<RuleCatalogCols>;
}

const defaults = {
  maxGapMinutes: 120,
  weekendDays: [6, 7] as readonly number[],
  geohashPrecision: 5,
  minHistoryMinutes: 120,
  cols: { user: COL.user as string, item: COL.item as string, category: COL.category as string, region: "region" },
};

/**
 * Builds a rule model from rule frames and training events: parses the rules (counting those
 * that cannot predict a category), reads the catalogue (items per category and region, visit
 * counts, user histories) and records the token settings.
 *
 * @param train training events (user, item, category, a local Datetime, optional region).
 * @param rules the association and / or sequential rule frames; none at all gives a model that
 *   always falls back to popularity.
 * @param options see {@link BuildRuleModelOptions}.
 * @returns the {@link RuleModel}; `meta.skippedRules` counts rules left out by reason.
 * @throws DataError on missing columns or malformed rules; Error on bad options or tokens.
 * @example
 * ```ts
 * const model = buildRuleModel(train, { association: rules, sequential: sequentialRules(train, { maxGapMinutes: 120 }) });
 * recommendWithRules(model, [{ user: "u1", time: new Date("2024-06-01T19:00:00Z"), region: "Riverside" }], { k: 5 });
 * ```
 */
export function buildRuleModel(train: pl.DataFrame, rules: RuleFrames = {}, options: BuildRuleModelOptions = {}): RuleModel {
  const dayParts = [...(options.dayParts ?? DEFAULT_DAY_PARTS)].map((p) => ({ from: p.from, label: p.label }));
  checkDayParts(dayParts);
  const weekendDays = [...(options.weekendDays ?? defaults.weekendDays)];
  for (const d of weekendDays) if (!(Number.isInteger(d) && d >= 1 && d <= 7)) throw new Error(`weekendDays must be ISO weekdays 1..7, got ${d}`);
  const geohashPrecision = options.geohashPrecision ?? defaults.geohashPrecision;
  if (!(Number.isInteger(geohashPrecision) && geohashPrecision >= 1 && geohashPrecision <= 12)) {
    throw new Error(`geohashPrecision must be an integer in [1, 12], got ${geohashPrecision}`);
  }
  const time = options.cols?.time ?? (train.columns.includes("ts_local") ? "ts_local" : COL.ts);
  const cols: RuleCatalogCols = { ...defaults.cols, ...options.cols, time };
  const ctx = rules.association ? parseContextRules(rules.association) : { rules: [], skipped: { notCategoryConsequent: 0, undefinedMetric: 0 } };
  const seq = rules.sequential ? parseSequenceRules(rules.sequential, options.maxGapMinutes ?? defaults.maxGapMinutes) : { rules: [], skipped: { notCategoryConsequent: 0, undefinedMetric: 0 } };
  let maxGap = defaults.minHistoryMinutes;
  for (const r of seq.rules) if (r.maxGapMin > maxGap) maxGap = r.maxGapMin;
  const historyMinutes = options.historyMinutes ?? maxGap;
  const named = [...ctx.rules.map((r) => r.category), ...seq.rules.flatMap((r) => [r.category, r.antecedent])];
  const catalog = ruleCatalog(train, cols, historyMinutes, named);
  return {
    ...catalog,
    meta: {
      ...catalog.meta,
      timeColumn: time,
      historyMinutes,
      contextRules: ctx.rules.length,
      sequenceRules: seq.rules.length,
      skippedRules: {
        association: { ...ctx.skipped },
        sequential: { ...seq.skipped },
      },
    },
    contextRules: ctx.rules,
    sequenceRules: seq.rules,
    dayParts,
    weekendDays,
    geohashPrecision,
  };
}

function checkDayParts(parts: readonly DayPart[]): void {
  if (parts.length === 0 || parts[0].from !== 0) throw new Error("dayParts must start with a bin at from = 0");
  parts.forEach((p, i) => {
    if (!(Number.isInteger(p.from) && p.from >= 0 && p.from <= 23)) throw new Error(`dayParts[${i}].from must be an integer in [0, 23], got ${p.from}`);
    if (i > 0 && !(p.from > parts[i - 1].from)) throw new Error(`dayParts must have strictly increasing 'from', see dayParts[${i}]`);
  });
}
