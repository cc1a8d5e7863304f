import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { droppedTotal } from "../../src/io/load-report";
import { loadMovieLens } from "../../src/io/load-movielens";
import { DataError } from "../../src/util/data-error";
import { ml100k } from "../helpers/ml100k-fixtures";
import { canonicalTypes, fixture, rowsOf, typesOf } from "./fixture-path";

const COLUMNS = ["user", "item", "ts", "event", "rating", "category", "text"];

describe("loadMovieLens 100k", () => {
  it("joins u.data with u.item: titles (latin-1), genre flags as names in u.genre order", () => {
    const { frame, report } = loadMovieLens(ml100k("ml-100k"), { variant: "100k" });
    expect(typesOf(frame)).toEqual(canonicalTypes(COLUMNS));
    expect(rowsOf(frame)).toEqual([
      // 881250949 s = 1997-12-04T15:55:49Z; Winter Orchard flags only Comedy (index 5)
      { user: "901", item: "242", ts: "1997-12-04T15:55:49.000Z", event: "rating", rating: 3, category: "Comedy", text: "Winter Orchard (1996)" },
      { user: "902", item: "302", ts: "1998-04-04T19:22:22.000Z", event: "rating", rating: 3, category: "Crime|Film-Noir|Mystery|Thriller", text: "Harbour Lights (1997)" },
      // movie 377 is not in u.item: no title, no genres, but the rating is kept
      { user: "903", item: "377", ts: "1997-11-07T07:18:36.000Z", event: "rating", rating: 1, category: null, text: null },
      // 874965758 s = 1997-09-22T22:02:38Z; "Miséricorde" is latin-1 byte 0xe9 in the file
      { user: "904", item: "543", ts: "1997-09-22T22:02:38.000Z", event: "rating", rating: 2, category: "Drama|Musical", text: "Miséricorde, La (1995)" },
      // no genre flag set -> null; quotes are plain characters in u.item
      { user: "905", item: "999", ts: "1997-12-04T15:55:49.000Z", event: "rating", rating: 5, category: null, text: '"Quoted" Title (1998)' },
    ]);
    expect(report).toMatchObject({ source: "movielens-100k", rowsRead: 5, rowsKept: 5, dropped: [] });
    expect(report.files).toEqual([ml100k("ml-100k", "u.data"), ml100k("ml-100k", "u.item")]);
    expect(report.notes.some((n) => n.startsWith("1 ratings are of movies missing"))).toBe(true);
  });

  it("drops and counts bad rows with line numbers and raw values", () => {
    const { frame, report } = loadMovieLens(ml100k("ml-100k-bad"));
    expect(rowsOf(frame).map((r) => [r.user, r.item, r.rating])).toEqual([
      ["901", "242", 3],
      ["903", "1", 4.5],
    ]);
    expect(report.dropped).toEqual([
      { reason: "blank_line", count: 1, examples: [{ line: 5, values: "user=null, item=null, rating=null, ts=null" }] },
      { reason: "missing_user", count: 1, examples: [{ line: 3, values: 'user=null, item="377", rating="1", ts="878887116"' }] },
      { reason: "missing_ts", count: 1, examples: [{ line: 8, values: 'user="906", item="1", rating="4", ts=null' }] },
      { reason: "unparsable_ts", count: 1, examples: [{ line: 2, values: 'user="902", item="302", rating="3", ts="89171774x"' }] },
      {
        reason: "bad_rating",
        count: 2,
        examples: [
          { line: 4, values: 'user="904", item="543", rating="x", ts="874965758"' },
          { line: 6, values: 'user="905", item="1", rating="NaN", ts="881250949"' },
        ],
      },
    ]);
    expect(report.rowsRead).toBe(8);
    expect(report.rowsRead).toBe(report.rowsKept + droppedTotal(report));
  });

  it("fails when every timestamp is bad, naming the column and the first line", () => {
    expect(() => loadMovieLens(ml100k("ml-100k-allbad"))).toThrow(`${ml100k("ml-100k-allbad", "u.data")}:1, column 'ts': every one of the 2 rows was dropped`);
  });

  it("fails on a missing folder or file, naming it", () => {
    expect(() => loadMovieLens(fixture("nope"))).toThrow(DataError);
    expect(() => loadMovieLens(fixture("nope"))).toThrow(`${fixture("nope")}: MovieLens 100k folder not found`);
    expect(() => loadMovieLens(fixture("ml-1m"), { variant: "100k" })).toThrow(`${fixture("ml-1m", "u.data")}: file not found`);
  });

  it("rejects an unknown variant", () => {
    expect(() => loadMovieLens(ml100k("ml-100k"), { variant: "20m" as never })).toThrow(/variant must be one of/);
  });
});

describe("loadMovieLens 1m / 10m", () => {
  it("reads '::'-separated ratings.dat and movies.dat, titles with ':' and latin-1", () => {
    const { frame, report } = loadMovieLens(fixture("ml-1m"), { variant: "1m" });
    expect(typesOf(frame)).toEqual(canonicalTypes(COLUMNS));
    expect(rowsOf(frame)).toEqual([
      // 978411234 s = 11324 days (2001-01-02) + 17634 s (04:53:54)
      { user: "801", item: "1207", ts: "2001-01-02T04:53:54.000Z", event: "rating", rating: 5, category: "Drama", text: "Lantern Keepers of the North (1975)" },
      { user: "801", item: "674", ts: "2001-01-02T05:31:59.000Z", event: "rating", rating: 3, category: "Action|Adventure|Sci-Fi", text: "Orbit Runners: Part Two - A Quiet Signal (1977)" },
      { user: "802", item: "1207", ts: "2001-01-02T04:31:11.000Z", event: "rating", rating: 4.5, category: "Drama", text: "Lantern Keepers of the North (1975)" },
    ]);
    expect(report.source).toBe("movielens-1m");
    expect(loadMovieLens(fixture("ml-1m"), { variant: "10m" }).report.source).toBe("movielens-10m");
  });
  it("names the file and the '::' separator when ratings.dat is tab-separated", () => {
    const dir = mkdtempSync(join(tmpdir(), "ml-1m-"));
    writeFileSync(join(dir, "ratings.dat"), "1\t1207\t5\t978411234\n");
    writeFileSync(join(dir, "movies.dat"), "1207::Lantern Keepers of the North (1975)::Drama\n");
    expect(() => loadMovieLens(dir, { variant: "1m" })).toThrow(
      `${join(dir, "ratings.dat")}: expected 4 columns (user, item, rating, ts) separated by "::", but found 1 column`,
    );
    expect(() => loadMovieLens(ml100k("ml-100k"), { variant: "1m" })).toThrow(/ratings\.dat: file not found/);
  });
});

describe("loadMovieLens latest", () => {
  it("reads ratings.csv + movies.csv with headers, quoted titles and no-genre movies", () => {
    const { frame } = loadMovieLens(fixture("ml-latest"), { variant: "latest" });
    expect(typesOf(frame)).toEqual(canonicalTypes(COLUMNS));
    expect(rowsOf(frame)).toEqual([
      { user: "801", item: "12", ts: "2000-07-09T06:17:37.000Z", event: "rating", rating: 4, category: "Comedy|Drama|Romance", text: "Quiet Chancellor, The (1995)" },
      { user: "801", item: "4", ts: "2000-07-09T05:55:01.000Z", event: "rating", rating: 3.5, category: "Comedy|Romance", text: "Paper Kites Over Elm Street (1995)" },
      { user: "802", item: "97", ts: "2015-10-28T05:45:22.000Z", event: "rating", rating: 0.5, category: null, text: "Salt Flats Diary (1995)" },
    ]);
  });
});
