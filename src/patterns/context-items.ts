/**
 * Context tokens (when, where, what kind of event) for each event, to mine rules such as
 * {day:weekend, time:evening, region:Riverside} ⇒ {cat:Bar}; and the split of mined rules into
 * those that predict behaviour and those that only relate contexts.
 */
import pl from "nodejs-polars";
import { floatColumn } from "../clean/frame-access";
import { COL } from "../schema";
import { DataError } from "../util/data-error";
import { geohashEncode } from "../spatial/geohash";
import { isContextToken, ST_PREFIX } from "./st-tokens";

/** A kind of context token (prefix in parentheses; see `ST_PREFIX`). */
export type ContextKind = "time" | "day" | "hour" | "cell" | "region" | "cluster" | "category" | "event";

/**
 * The context kinds, for validation messages.
 * @example
 * ```ts
 * CONTEXT_KINDS.includes("cell"); // true
 * ```
 */
export const CONTEXT_KINDS: readonly ContextKind[] = ["time", "day", "hour", "cell", "region", "cluster", "category", "event"];

/** Options of {@link addContextTokens}. */
export interface AddContextTokensOptions {
  /**
   * Tokens to add, in this order. Default `["time", "day", "cell"]`.
   * - `"time"`: `time:<part_of_day>` (from `addTimeFeatures`);
   * - `"day"`: `day:weekend` or `day:weekday` (from `is_weekend`);
   * - `"hour"`: `hour:<0–23>`;
   * - `"cell"`: `cell:<geohash>` of lat/lon at `geohashPrecision`;
   * - `"region"` / `"cluster"`: `region:<value>` / `cluster:<value>` of a column (a district, a
   *   spatial cluster id);
   * - `"category"`: `cat:<category>` (a behaviour token, see `tokenKind`);
   * - `"event"`: `event:<event type>`.
   */
  tokens?: ContextKind[];
  /** Geohash characters of `"cell"`, an integer in [1, 12]. Default `5` (about 4.9 km × 4.9 km). */
  geohashPrecision?: number;
  /** Name of the List(String) column written. Default `"context"`. */
  output?: string;
  /** Source columns. Default `part_of_day`, `is_weekend`, `hour`, `COL.lat`, `COL.lon`, `region`, `cluster`, `COL.category`, `COL.event`. */
  cols?: Partial<typeof defaults.cols>;
}

const defaults = {
  tokens: ["time", "day", "cell"] as ContextKind[],
  geohashPrecision: 5,
  output: "context",
  cols: {
    partOfDay: "part_of_day",
    isWeekend: "is_weekend",
    hour: "hour",
    lat: COL.lat as string,
    lon: COL.lon as string,
    region: "region",
    cluster: "cluster",
    category: COL.category as string,
    event: COL.event as string,
  },
};

const HINT: Record<string, string> = {
  time: " (add it with addTimeFeatures)",
  day: " (add it with addTimeFeatures)",
  hour: " (add it with addTimeFeatures)",
  region: " (join a POI → region table, or rename your column via cols.region)",
  cluster: " (join spatial cluster ids, or rename via cols.cluster)",
};

/**
 * Adds a List(String) column of context tokens to each event. A null value adds no token for
 * that kind (the row keeps its other tokens); no row is dropped.
 *
 * @param df event frame with the columns the chosen kinds read.
 * @param options see {@link AddContextTokensOptions}.
 * @returns the frame with `output` (List(String)) added or replaced.
 * @throws DataError when a needed column is missing; Error on an unknown kind or a bad precision
 *   or coordinates outside their range.
 * @example
 * ```ts
 * const df = addContextTokens(addTimeFeatures(events), { tokens: ["time", "day", "region"] });
 * // context: ["time:evening", "day:weekend", "region:Riverside"]
 * buildBaskets(df, { by: "event", itemAs: "category", context: "context" });
 * ```
 */
export function addContextTokens(df: pl.DataFrame, options: AddContextTokensOptions = {}): pl.DataFrame {
  const kinds = options.tokens ?? defaults.tokens;
  const precision = options.geohashPrecision ?? defaults.geohashPrecision;
  const output = options.output ?? defaults.output;
  const cols = { ...defaults.cols, ...options.cols };
  if (!Array.isArray(kinds) || kinds.length === 0) throw new Error(`addContextTokens: tokens must be a non-empty list of ${CONTEXT_KINDS.join(", ")}`);
  for (const k of kinds) {
    if (!CONTEXT_KINDS.includes(k)) throw new Error(`addContextTokens: unknown token kind ${JSON.stringify(k)}; valid: ${CONTEXT_KINDS.join(", ")}`);
  }
  if (!(Number.isInteger(precision) && precision >= 1 && precision <= 12)) {
    throw new Error(`addContextTokens: geohashPrecision must be an integer in [1, 12], got ${precision}`);
  }
  const need = (kind: string, c: string): void => {
    if (!df.columns.includes(c)) {
      throw new DataError(`addContextTokens: token kind "${kind}" needs column '${c}'${HINT[kind] ?? ""}`, { column: c });
    }
  };
  const prefixed = (kind: ContextKind, prefix: string, c: string): pl.Expr => {
    need(kind, c);
    return pl.lit(prefix).add(pl.col(c).cast(pl.String)); // null stays null
  };
  const CELL = "__st_cell__";
  let frame = df;
  const parts: pl.Expr[] = [];
  for (const kind of kinds) {
    if (kind === "time") parts.push(prefixed(kind, ST_PREFIX.time, cols.partOfDay));
    else if (kind === "hour") parts.push(prefixed(kind, ST_PREFIX.hour, cols.hour));
    else if (kind === "region") parts.push(prefixed(kind, ST_PREFIX.region, cols.region));
    else if (kind === "cluster") parts.push(prefixed(kind, ST_PREFIX.cluster, cols.cluster));
    else if (kind === "category") parts.push(prefixed(kind, ST_PREFIX.category, cols.category));
    else if (kind === "event") parts.push(prefixed(kind, ST_PREFIX.event, cols.event));
    else if (kind === "day") {
      need(kind, cols.isWeekend);
      const w = pl.col(cols.isWeekend).cast(pl.Bool);
      parts.push(pl.when(w.isNull()).then(pl.lit(null).cast(pl.String)).when(w).then(pl.lit(`${ST_PREFIX.day}weekend`)).otherwise(pl.lit(`${ST_PREFIX.day}weekday`)));
    } else {
      need(kind, cols.lat);
      need(kind, cols.lon);
      frame = frame.withColumns(geohashSeries(CELL, floatColumn(df, cols.lat), floatColumn(df, cols.lon), precision));
      parts.push(pl.lit(ST_PREFIX.cell).add(pl.col(CELL)));
    }
  }
  const element = pl.element();
  const list = pl.concatList(parts).lst.eval(element.filter(element.isNotNull()));
  const out = frame.withColumns(list.alias(output));
  return out.columns.includes(CELL) ? out.drop(CELL) : out;
}

/** Geohash of each row (null where a coordinate is missing). */
function geohashSeries(name: string, lat: Float64Array, lon: Float64Array, precision: number): pl.Series {
  const out: (string | null)[] = new Array(lat.length);
  for (let i = 0; i < lat.length; i++) out[i] = Number.isNaN(lat[i]) || Number.isNaN(lon[i]) ? null : geohashEncode(lat[i], lon[i], precision);
  return pl.Series(name, out, pl.Utf8);
}

/** Options of {@link classifyRules}. */
export interface ClassifyRulesOptions {
  /** Predicate telling context tokens apart. Default {@link isContextToken}. */
  isContext?: (token: string) => boolean;
}

/**
 * Labels each association rule by what its sides hold:
 * - `consequent_kind`: `"context"` when every consequent token is a context token (the rule
 *   only relates situations, e.g. {cell:wtw3v} ⇒ {region:Riverside}), else `"behaviour"` (it
 *   predicts an item or category: {time:evening, day:weekend} ⇒ {cat:Bar});
 * - `antecedent_kind`: `"context"`, `"behaviour"` or `"mixed"`.
 *
 * @param rules a frame with List(String) columns `antecedents` and `consequents` (the output of
 *   `associationRules`).
 * @param options see {@link ClassifyRulesOptions}.
 * @returns the rules with `antecedent_kind` and `consequent_kind` (String) added.
 * @throws DataError when either column is missing.
 * @example
 * ```ts
 * const rules = classifyRules(associationRules(fpGrowth(baskets, { minSupport: 0.01 })));
 * rules.filter(pl.col("consequent_kind").eq(pl.lit("behaviour")).and(pl.col("antecedent_kind").eq(pl.lit("context"))));
 * ```
 */
export function classifyRules(rules: pl.DataFrame, options: ClassifyRulesOptions = {}): pl.DataFrame {
  const isContext = options.isContext ?? isContextToken;
  for (const c of ["antecedents", "consequents"]) {
    if (!rules.columns.includes(c)) throw new DataError(`classifyRules needs column '${c}' (frame has: ${rules.columns.join(", ")})`, { column: c });
  }
  const kind = (tokens: string[] | null): "context" | "behaviour" | "mixed" => {
    const list = tokens ?? [];
    const ctx = list.filter((t) => isContext(t)).length;
    return ctx === list.length ? "context" : ctx === 0 ? "behaviour" : "mixed";
  };
  const ante = (rules.getColumn("antecedents").toArray() as unknown as (string[] | null)[]).map(kind);
  const cons = (rules.getColumn("consequents").toArray() as unknown as (string[] | null)[]).map((t) => (kind(t) === "context" ? "context" : "behaviour"));
  return rules.withColumns(pl.Series("antecedent_kind", ante, pl.Utf8), pl.Series("consequent_kind", cons, pl.Utf8));
}
