import pl from "nodejs-polars";
import { COL } from "../schema";
import { DataError } from "../util/data-error";
import { readCoordinates, type CoordinateColumns } from "./coordinates";
import { boundingBox, gridCellIds, makeGrid, type BoundingBox } from "./grid-cells";

/**
 * Options of {@link homeLocations}.
 *
 * @example
 * ```ts
 * homeLocations(df, { nightHours: { from: 20, to: 8 }, minNightEvents: 5, cellSizeM: 300 });
 * ```
 */
export interface HomeLocationsOptions {
  /** Grid cell side for the modal cell, metres. Default 500. */
  cellSizeM?: number;
  /** Night hours `[from, 24) ∪ [0, to)` in local time. Default `{ from: 22, to: 6 }` (22:00–05:59). */
  nightHours?: { from: number; to: number };
  /** A user with fewer night events than this falls back to all events. Default 3. */
  minNightEvents?: number;
  /** Local hour column (0–23), e.g. from `addTimeFeatures`; when absent, the hour is read from `ts_local`. Default `"hour"`. */
  hourColumn?: string;
  /** User column. Default `COL.user`. */
  userColumn?: string;
  /** Grid area. Default: the bounding box of all rows (one grid for all users). */
  box?: BoundingBox;
  /** Coordinate columns. Default `lat`, `lon`. */
  cols?: CoordinateColumns;
}

const defaults = { cellSizeM: 500, nightHours: { from: 22, to: 6 }, minNightEvents: 3, hourColumn: "hour", userColumn: COL.user as string };

function hourExpr(df: pl.DataFrame, hourColumn: string, caller: string): pl.Expr {
  if (df.columns.includes(hourColumn)) return pl.col(hourColumn).cast(pl.Int32);
  if (df.columns.includes("ts_local")) return pl.col("ts_local").date.hour().cast(pl.Int32);
  throw new DataError(`${caller} needs the local hour: column '${hourColumn}' or 'ts_local' (add them with addLocalTime and addTimeFeatures)`, { column: hourColumn });
}

/**
 * Estimates each user's home: the grid cell ({@link makeGrid}, one grid for all users) where the
 * user has the most **night-time** events (local hour in `nightHours`, default 22:00–05:59),
 * or the most events of any hour when the user has fewer than `minNightEvents` night events.
 * The home point is the mean position of the user's events in that cell (more precise than the
 * cell centre when the events sit at a few venues). Ties between cells go to the lower cell id.
 *
 * Check-in data only sees people at venues, so this finds the *place a user frequents at night*,
 * which is near home only when night check-ins are; measure it against known homes before
 * relying on it (on the embedded sample see test/spatial/home-location.test.ts).
 *
 * @param df events with user, coordinates and the local hour (`hour` or `ts_local`)
 * @param options see {@link HomeLocationsOptions}
 * @returns one row per user, sorted by user: the user column, `home_lat`, `home_lon` (degrees),
 *   `home_cell` (Int32), `home_events` (events in the cell, UInt32), `basis` (`"night"` or
 *   `"all"`), `n_events`, `n_night` (UInt32)
 * @throws DataError for null/NaN coordinates (naming the row), a missing hour or user, null hours
 * @example
 * ```ts
 * const homes = homeLocations(addTimeFeatures(events), { cellSizeM: 300 });
 * ```
 */
export function homeLocations(df: pl.DataFrame, options: HomeLocationsOptions = {}): pl.DataFrame {
  const caller = "homeLocations";
  const o = {
    cellSizeM: options.cellSizeM ?? defaults.cellSizeM,
    night: options.nightHours ?? defaults.nightHours,
    minNight: options.minNightEvents ?? defaults.minNightEvents,
    user: options.userColumn ?? defaults.userColumn,
    hour: options.hourColumn ?? defaults.hourColumn,
  };
  for (const h of [o.night.from, o.night.to]) if (!(Number.isInteger(h) && h >= 0 && h <= 24)) throw new Error(`${caller}: nightHours bounds must be integers in [0, 24], got ${h}`);
  if (!(Number.isInteger(o.minNight) && o.minNight >= 0)) throw new Error(`${caller}: minNightEvents must be an integer >= 0, got ${o.minNight}`);
  if (!df.columns.includes(o.user)) throw new DataError(`${caller} needs column '${o.user}' (frame has: ${df.columns.join(", ")})`, { column: o.user });
  const hour = hourExpr(df, o.hour, caller);
  const { lat, lon } = readCoordinates(df, options.cols ?? {}, caller);
  const grid = makeGrid(options.box ?? boundingBox(lat, lon), o.cellSizeM);
  const cells = gridCellIds(grid, lat, lon);
  if (cells.some((c) => c < 0)) throw new DataError(`${caller}: some rows fall outside the box; filter them first`, { column: options.cols?.lat ?? COL.lat });

  const night = o.night.from <= o.night.to ? hour.gtEq(o.night.from).and(hour.lt(o.night.to)) : hour.gtEq(o.night.from).or(hour.lt(o.night.to));
  const rows = df
    .select(pl.col(o.user).cast(pl.String).alias(o.user), night.alias("__night"))
    .withColumns(pl.Series("__lat", lat), pl.Series("__lon", lon), pl.Series("__cell", cells, pl.Int32));
  const nulls = rows.getColumn("__night").nullCount();
  if (nulls > 0) throw new DataError(`${caller}: ${nulls} row(s) have no local hour; drop them first`, { column: o.hour });
  const perUser = rows.groupBy(o.user).agg(pl.len().alias("n_events"), pl.col("__night").cast(pl.UInt32).sum().alias("n_night"));
  const withBasis = rows
    .join(perUser, { on: o.user })
    .withColumns(pl.when(pl.col("n_night").gtEq(o.minNight).and(pl.col("n_night").gt(0))).then(pl.lit("night")).otherwise(pl.lit("all")).alias("basis"))
    .filter(pl.col("basis").eq(pl.lit("all")).or(pl.col("__night")));
  return withBasis
    .groupBy([o.user, "__cell"])
    .agg(
      pl.len().alias("home_events"),
      pl.col("__lat").mean().alias("home_lat"),
      pl.col("__lon").mean().alias("home_lon"),
      pl.col("basis").first(),
      pl.col("n_events").first(),
      pl.col("n_night").first(),
    )
    .withColumns(pl.col("home_events").cast(pl.Int64).mul(-1).alias("__rank"))
    .sort([o.user, "__rank", "__cell"])
    .unique({ subset: o.user, keep: "first", maintainOrder: true })
    .select(
      o.user,
      "home_lat",
      "home_lon",
      pl.col("__cell").alias("home_cell"),
      pl.col("home_events").cast(pl.UInt32),
      "basis",
      pl.col("n_events").cast(pl.UInt32),
      pl.col("n_night").cast(pl.UInt32),
    );
}
