import { existsSync } from "fs";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { defaultDataDir, loadDataset } from "../../src/io/datasets";
import { loadMovieLens } from "../../src/io/load-movielens";
import { CANONICAL_TYPES, typesOf } from "./fixture-path";

// The shared real datasets (never copied into the project); skipped when absent.
const DATA_DIR = defaultDataDir();

const nUnique = (frame: { getColumn(c: string): { nUnique(): number } }, c: string) => frame.getColumn(c).nUnique();

function expectCanonical(frame: { columns: string[]; dtypes: unknown[] }) {
  const types = typesOf(frame);
  for (const c of frame.columns) expect([c, types[c]]).toEqual([c, CANONICAL_TYPES[c]]);
}

describe.skipIf(!existsSync(join(DATA_DIR, "movielens_100k")))("real data: MovieLens 100K", () => {
  it("has 100,000 ratings by 943 users on 1,682 movies, none dropped, every movie titled", () => {
    const { frame, report } = loadMovieLens(join(DATA_DIR, "movielens_100k"));
    expect([frame.height, nUnique(frame, "user"), nUnique(frame, "item")]).toEqual([100_000, 943, 1_682]);
    expect([report.rowsRead, report.rowsKept, report.dropped.length]).toEqual([100_000, 100_000, 0]);
    expect(frame.getColumn("text").nullCount()).toBe(0);
    expectCanonical(frame);
    // first line of u.data: 196 242 3 881250949 (Kolya, Comedy)
    expect(frame.row(0)).toEqual(["196", "242", new Date("1997-12-04T15:55:49Z"), "rating", 3, "Comedy", "Kolya (1996)"]);
  });
});

describe.skipIf(!existsSync(join(DATA_DIR, "gowalla_snap_nyc")))("real data: Gowalla NYC", () => {
  it("has 138,957 check-ins by 7,115 users, none dropped", () => {
    const { frame, report } = loadDataset("gowalla-nyc", { dataDir: DATA_DIR });
    expect([frame.height, nUnique(frame, "user")]).toEqual([138_957, 7_115]);
    expect([report.rowsRead, report.rowsKept, report.dropped.length]).toEqual([138_957, 138_957, 0]);
    expectCanonical(frame);
    expect(frame.row(0).slice(0, 3)).toEqual(["0", "23261", new Date("2010-10-12T00:21:28Z")]);
  });
});

describe.skipIf(!existsSync(join(DATA_DIR, "foursquare_tist2015_nyc_subset")))("real data: Foursquare NYC subset", () => {
  it("has 50,000 check-ins by 1,483 users, none dropped", () => {
    const { frame, report } = loadDataset("foursquare-nyc", { dataDir: DATA_DIR });
    expect([frame.height, nUnique(frame, "user")]).toEqual([50_000, 1_483]);
    expect([report.rowsRead, report.rowsKept, report.dropped.length]).toEqual([50_000, 50_000, 0]);
    expectCanonical(frame);
    expect(frame.row(0)).toEqual(["3", "3", new Date("2012-04-03T14:00:08Z"), "check-in", 40.748939, -73.99228]);
  });
});
