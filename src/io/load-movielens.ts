import { existsSync, statSync } from "fs";
import { join } from "path";
import pl from "nodejs-polars";
import { COL, EVENT } from "../schema";
import { DataError } from "../util/data-error";
import type { LoadReport } from "./load-report";
import { joinOnItem } from "./join-on-item";
import { MOVIE_COLS, readMovies100k, readMoviesCsv, readMoviesDat } from "./movielens-movies";
import { LINE, readRaw, requireColumns } from "./read-raw";
import { validateEvents } from "./validate-events";

/** MovieLens releases: 100K (`u.data` + `u.item`), 1M and 10M (`ratings.dat` + `movies.dat`), latest (`ratings.csv` + `movies.csv`). */
export type MovieLensVariant = "100k" | "1m" | "10m" | "latest";

/** Options of {@link loadMovieLens}. */
export interface LoadMovieLensOptions {
  /** Which release layout the folder holds (default `"100k"`). */
  variant?: MovieLensVariant;
  /** `LoadReport.source` (default `"movielens-<variant>"`). */
  source?: string;
}

const defaults = { variant: "100k" as MovieLensVariant };

const KEY = "__movie_key";

/** Reads the ratings file of a release as raw String columns user, item, rating, ts (+ `__line`). */
function readRatings(dir: string, variant: MovieLensVariant): { file: string; raw: pl.DataFrame } {
  if (variant === "100k") {
    const file = join(dir, "u.data");
    return { file, raw: readRaw(file, { sep: "\t", names: ["user", "item", "rating", "ts"] }) };
  }
  if (variant === "1m" || variant === "10m") {
    // "1::1193::5::978300760" split on ":" gives 7 fields, the even ones empty
    const file = join(dir, "ratings.dat");
    const raw = readRaw(file, {
      sep: ":",
      sepLabel: '"::"',
      expected: "4 columns (user, item, rating, ts)",
      names: ["user", "_a", "item", "_b", "rating", "_c", "ts"],
    });
    return { file, raw: raw.select(LINE, "user", "item", "rating", "ts") };
  }
  if (variant === "latest") {
    const file = join(dir, "ratings.csv");
    const raw = readRaw(file, { sep: ",", hasHeader: true, quote: true });
    requireColumns(raw, ["userId", "movieId", "rating", "timestamp"], { file, sep: "," });
    return { file, raw: raw.select(LINE, "userId", "movieId", "rating", "timestamp").rename({ userId: "user", movieId: "item", timestamp: "ts" }) };
  }
  throw new Error(`variant must be one of "100k", "1m", "10m", "latest", got ${JSON.stringify(variant)}`);
}

function readMovies(dir: string, variant: MovieLensVariant): { file: string; movies: pl.DataFrame } {
  if (variant === "100k") return { file: join(dir, "u.item"), movies: readMovies100k(dir) };
  if (variant === "latest") {
    const file = join(dir, "movies.csv");
    return { file, movies: readMoviesCsv(file) };
  }
  const file = join(dir, "movies.dat");
  return { file, movies: readMoviesDat(file) };
}

/**
 * Loads a MovieLens release folder: the ratings joined with movie titles and genres.
 *
 * - `100k`: `u.data` (tab: user item rating unix-seconds) + `u.item` (`|`, latin-1; the 19 genre
 *   flags become the genre names joined by `|` in `u.genre` order).
 * - `1m` / `10m`: `ratings.dat` + `movies.dat` (`::`-separated).
 * - `latest`: `ratings.csv` + `movies.csv` (headers, quoted titles).
 *
 * @param dir - release folder (e.g. `ml-100k/`).
 * @param options - variant; see {@link LoadMovieLensOptions}.
 * @returns `frame` with columns user, item, ts, event (`"rating"`), rating (Float64),
 *   category (genres joined by `|`, null when none), text (title, null for a movie missing
 *   from the movie file); and its `report`.
 * @throws DataError naming the folder or file when missing, empty or in the wrong format.
 * @example
 * ```ts
 * const { frame, report } = loadMovieLens(`${DATA_DIR}/movielens_100k`, { variant: "100k" });
 * frame.height; // 100000
 * ```
 */
export function loadMovieLens(dir: string, options: LoadMovieLensOptions = {}): { frame: pl.DataFrame; report: LoadReport } {
  const o = { ...defaults, ...options };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DataError(`MovieLens ${o.variant} folder not found`, { file: dir });
  const ratings = readRatings(dir, o.variant);
  const movies = readMovies(dir, o.variant);
  const raw = joinOnItem(ratings.raw, movies.movies.rename({ [MOVIE_COLS.id]: KEY }).lazy(), KEY);
  const { frame, report } = validateEvents(
    raw,
    [
      { column: COL.user, from: "user" },
      { column: COL.item, from: "item" },
      { column: COL.ts, from: "ts", ts: "unix_s" },
      { column: COL.event, constant: EVENT.rating },
      { column: COL.rating, from: "rating" },
      { column: COL.category, from: MOVIE_COLS.genres },
      { column: COL.text, from: MOVIE_COLS.title },
    ],
    {
      source: o.source ?? `movielens-${o.variant}`,
      file: ratings.file,
      files: [ratings.file, movies.file],
      notes: ["timestamps are unix seconds (UTC)"],
      exampleColumns: ["user", "item", "rating", "ts"],
    },
  );
  const untitled = frame.getColumn(COL.text).nullCount();
  if (untitled > 0) report.notes.push(`${untitled.toLocaleString("en-US")} ratings are of movies missing from ${movies.file}`);
  return { frame, report };
}
