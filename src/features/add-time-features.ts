import pl from "nodejs-polars";
import { requireDatetime } from "../clean/frame-access";

/**
 * One part-of-day bin: it starts at hour `from` and runs to the next bin's `from` (or 24).
 *
 * @example
 * ```ts
 * const halves: DayPart[] = [{ from: 0, label: "am" }, { from: 12, label: "pm" }];
 * ```
 */
export interface DayPart {
  /** First hour of the bin, an integer in [0, 23]. */
  from: number;
  /** Label written in `part_of_day`. */
  label: string;
}

/**
 * Default part-of-day bins: night 0–5, morning 6–11, afternoon 12–16, evening 17–21, night 22–23
 * (hours inclusive).
 *
 * @example
 * ```ts
 * addTimeFeatures(df, { dayParts: [...DEFAULT_DAY_PARTS.slice(0, 4), { from: 21, label: "late" }] });
 * ```
 */
export const DEFAULT_DAY_PARTS: readonly DayPart[] = [
  { from: 0, label: "night" },
  { from: 6, label: "morning" },
  { from: 12, label: "afternoon" },
  { from: 17, label: "evening" },
  { from: 22, label: "night" },
];

/** Options of {@link addTimeFeatures}. */
export interface AddTimeFeaturesOptions {
  /**
   * Datetime column the features are read from: `"ts_local"` (local wall time, from
   * `addLocalTime`) or `"ts"` (UTC). Default `"ts_local"`; the verb throws when it is absent
   * rather than silently using UTC.
   */
  column?: string;
  /** Part-of-day bins, `from` strictly increasing and starting at 0. Default {@link DEFAULT_DAY_PARTS}. */
  dayParts?: readonly DayPart[];
  /** ISO weekdays counted as weekend. Default `[6, 7]` (Saturday, Sunday). */
  weekendDays?: readonly number[];
}

const defaults = {
  column: "ts_local",
  dayParts: DEFAULT_DAY_PARTS,
  weekendDays: [6, 7] as readonly number[],
};

/**
 * Adds calendar features of a Datetime column:
 * - `hour` (Int32, 0–23);
 * - `weekday` (Int32, **ISO 8601: 1 = Monday … 7 = Sunday**);
 * - `is_weekend` (Boolean, weekday in `weekendDays`);
 * - `part_of_day` (String, from `dayParts`; default night 0–5, morning 6–11, afternoon 12–16,
 *   evening 17–21, night 22–23).
 *
 * A null timestamp gives null features.
 *
 * @param df frame with the Datetime column.
 * @param options see {@link AddTimeFeaturesOptions}.
 * @returns the frame with the four columns added (replaced if present).
 * @example
 * ```ts
 * addTimeFeatures(addLocalTime(checkins).frame);        // from ts_local
 * addTimeFeatures(ratings, { column: "ts" });            // UTC, e.g. MovieLens
 * addTimeFeatures(df, { dayParts: [{ from: 0, label: "am" }, { from: 12, label: "pm" }] });
 * ```
 */
export function addTimeFeatures(df: pl.DataFrame, options: AddTimeFeaturesOptions = {}): pl.DataFrame {
  const column = options.column ?? defaults.column;
  const parts = options.dayParts ?? defaults.dayParts;
  const weekend = options.weekendDays ?? defaults.weekendDays;
  if (!df.columns.includes(column) && column === "ts_local") {
    throw new Error(`addTimeFeatures: column 'ts_local' is absent; add it with addLocalTime, or pass { column: "ts" } for UTC`);
  }
  requireDatetime(df, column, "addTimeFeatures");
  validateParts(parts);
  for (const d of weekend) if (!(Number.isInteger(d) && d >= 1 && d <= 7)) throw new Error(`weekendDays must be ISO weekdays 1..7, got ${d}`);
  const hour = pl.col(column).date.hour().cast(pl.Int32);
  const weekday = pl.col(column).date.weekday().cast(pl.Int32);
  return df.withColumns(
    hour.alias("hour"),
    weekday.alias("weekday"),
    weekend.reduce((acc, d) => acc.or(weekday.eq(d)), weekday.eq(-1)).alias("is_weekend"),
    partOfDay(hour, parts).alias("part_of_day"),
  );
}

function validateParts(parts: readonly DayPart[]): void {
  if (parts.length === 0 || parts[0].from !== 0) throw new Error("dayParts must start with a bin at from = 0");
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!(Number.isInteger(p.from) && p.from >= 0 && p.from <= 23)) throw new Error(`dayParts[${i}].from must be an integer in [0, 23], got ${p.from}`);
    if (i > 0 && !(p.from > parts[i - 1].from)) throw new Error(`dayParts must have strictly increasing 'from', see dayParts[${i}]`);
  }
}

function partOfDay(hour: pl.Expr, parts: readonly DayPart[]): pl.Expr {
  const label = (s: string) => pl.lit(s);
  if (parts.length === 1) return pl.when(hour.isNotNull()).then(label(parts[0].label)).otherwise(pl.lit(null).cast(pl.String));
  let chain = pl.when(hour.isNull()).then(pl.lit(null).cast(pl.String)).when(hour.lt(parts[1].from)).then(label(parts[0].label));
  for (let i = 1; i < parts.length - 1; i++) chain = chain.when(hour.lt(parts[i + 1].from)).then(label(parts[i].label));
  return chain.otherwise(label(parts[parts.length - 1].label));
}
