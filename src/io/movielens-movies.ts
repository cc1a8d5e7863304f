/**
 * Readers of MovieLens movie metadata (title, genres) in the three release formats. Each
 * returns a small String table keyed by movie id, joined to the ratings by `loadMovieLens`.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import pl from "nodejs-polars";
import { N, selectN } from "./native-expr";
import { readRaw, requireColumns } from "./read-raw";
import { replaceSeparator } from "./text-bytes";

/**
 * Column names of the tables returned here.
 * @example
 * ```ts
 * readMovies100k("ml-100k").getColumn(MOVIE_COLS.title);
 * ```
 */
export const MOVIE_COLS = { id: "movie_id", title: "movie_title", genres: "movie_genres" } as const;

/**
 * The 19 genres of MovieLens 100K, in `u.genre` order (used when `u.genre` is absent).
 * @example
 * ```ts
 * ML100K_GENRES[5]; // "Comedy"
 * ```
 */
export const ML100K_GENRES: readonly string[] = [
  "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy",
  "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
];

/**
 * Genre names of MovieLens 100K from `u.genre` (`name|index` lines), ordered by index;
 * {@link ML100K_GENRES} when the file is absent.
 * @example
 * ```ts
 * readGenres100k("ml-100k")[1]; // "Action"
 * ```
 */
export function readGenres100k(dir: string): string[] {
  const file = join(dir, "u.genre");
  if (!existsSync(file)) return [...ML100K_GENRES];
  const pairs = new TextDecoder("latin1")
    .decode(readFileSync(file))
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split("|"))
    .map(([name, idx]) => ({ name, idx: Number(idx) }));
  return pairs.sort((a, b) => a.idx - b.idx).map((p) => p.name);
}

/**
 * MovieLens 100K `u.item`: `|`-separated, latin-1, `id|title|release|video release|url|19 genre flags`.
 * Genres become the names of the flagged genres joined by `|`, in `u.genre` order.
 *
 * @param dir - folder holding `u.item` (and `u.genre`).
 * @returns `movie_id`, `movie_title`, `movie_genres` (String; genres "" when no flag is set).
 * @example
 * ```ts
 * readMovies100k("ml-100k").row(0); // ["1", "Toy Story (1995)", "Animation|Children's|Comedy"]
 * ```
 */
export function readMovies100k(dir: string): pl.DataFrame {
  const genres = readGenres100k(dir);
  const flags = genres.map((_, i) => `g${i}`);
  const file = join(dir, "u.item");
  const raw = readRaw(file, { sep: "|", encoding: "latin1", names: ["id", "title", "release", "video", "url", ...flags] });
  const named = flags.map((f, i) => N.when(N.eq(N.strip(N.col(f)), N.lit("1")), N.lit(genres[i]), N.lit(null)));
  return selectN(raw.lazy(), [
    N.alias(N.strip(N.col("id")), MOVIE_COLS.id),
    N.alias(N.col("title"), MOVIE_COLS.title),
    N.alias(N.concatStr(named, "|"), MOVIE_COLS.genres),
  ]).collectSync();
}

/**
 * MovieLens 1M / 10M `movies.dat`: `id::title::genre|genre…` (UTF-8 or latin-1).
 * @example
 * ```ts
 * readMoviesDat("ml-1m/movies.dat").row(0); // ["1", "Toy Story (1995)", "Animation|Children's|Comedy"]
 * ```
 */
export function readMoviesDat(file: string): pl.DataFrame {
  const raw = readRaw(file, {
    sep: "\t",
    sepLabel: '"::"',
    transform: (b) => replaceSeparator(b, "::", "\t"),
    names: ["id", "title", "genres"],
  });
  return selectN(raw.lazy(), [
    N.alias(N.strip(N.col("id")), MOVIE_COLS.id),
    N.alias(N.col("title"), MOVIE_COLS.title),
    N.alias(N.col("genres"), MOVIE_COLS.genres),
  ]).collectSync();
}

/** How MovieLens "latest" writes an empty genre list (read as null). */
const NO_GENRES = "(no genres listed)";

/**
 * MovieLens "latest" `movies.csv`: header `movieId,title,genres`, titles may be quoted and contain commas;
 * `(no genres listed)` becomes an empty genre list.
 * @example
 * ```ts
 * readMoviesCsv("ml-latest-small/movies.csv").row(0); // ["1", "Toy Story (1995)", "Adventure|Animation|…"]
 * ```
 */
export function readMoviesCsv(file: string): pl.DataFrame {
  const raw = readRaw(file, { sep: ",", hasHeader: true, quote: true });
  requireColumns(raw, ["movieId", "title", "genres"], { file, sep: "," });
  const genres = N.col("genres");
  return selectN(raw.lazy(), [
    N.alias(N.strip(N.col("movieId")), MOVIE_COLS.id),
    N.alias(N.col("title"), MOVIE_COLS.title),
    N.alias(N.when(N.eq(genres, N.lit(NO_GENRES)), N.lit(""), genres), MOVIE_COLS.genres),
  ]).collectSync();
}
