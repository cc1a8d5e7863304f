import { cpSync, mkdirSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { describe, expect, it } from "vitest";
import { DATASET_NAMES, defaultDataDir, loadDataset } from "../../src/io/datasets";
import { DataError } from "../../src/util/data-error";
import { ml100k } from "../helpers/ml100k-fixtures";
import { fixture, rowsOf } from "./fixture-path";

// a data dir laid out like shared/data, made of the small fixtures
const dataDir = mkdtempSync(join(tmpdir(), "datadir-"));
cpSync(ml100k("ml-100k"), join(dataDir, "movielens_100k"), { recursive: true });
mkdirSync(join(dataDir, "gowalla_snap_nyc"));
cpSync(fixture("snap", "checkins.txt"), join(dataDir, "gowalla_snap_nyc", "loc-gowalla_totalCheckins_nyc_bbox.txt"));
cpSync(fixture("snap", "spots.tsv"), join(dataDir, "gowalla_snap_nyc", "gowalla_spots_nyc.tsv"));
mkdirSync(join(dataDir, "foursquare_tist2015_nyc_subset"));
cpSync(fixture("tist", "tist-nyc.txt"), join(dataDir, "foursquare_tist2015_nyc_subset", "US_NewYork_POIS_Coords_shortCompleto2.txt"));
cpSync(fixture("taobao"), join(dataDir, "taobao"), { recursive: true });

describe("loadDataset", () => {
  it("knows five names", () => {
    expect([...DATASET_NAMES]).toEqual(["sample", "movielens-100k", "gowalla-nyc", "foursquare-nyc", "taobao"]);
  });

  it("loads each registered dataset from its folder under dataDir, with its source name", () => {
    const got = Object.fromEntries(
      DATASET_NAMES.filter((n) => n !== "sample").map((n) => {
        const { frame, report } = loadDataset(n, { dataDir });
        return [n, [report.source, frame.height, frame.columns.join(",")]];
      }),
    );
    expect(got).toEqual({
      "movielens-100k": ["movielens-100k", 5, "user,item,ts,event,rating,category,text"],
      "gowalla-nyc": ["gowalla-nyc", 3, "user,item,ts,event,lat,lon,text"],
      "foursquare-nyc": ["foursquare-nyc", 3, "user,item,ts,event,lat,lon"],
      taobao: ["taobao", 4, "user,item,ts,event,category"],
    });
  });

  it("loads the canonical sample CSV from sampleDir, empty optional values as null", () => {
    const { frame, report } = loadDataset("sample", { sampleDir: fixture("sample") });
    expect(report.source).toBe("sample");
    expect(rowsOf(frame)).toEqual([
      { user: "1", item: "10", ts: "2024-03-01T08:15:00.000Z", event: "check-in", category: "cafe", lat: 40.7, lon: -73.9 },
      { user: "2", item: "11", ts: "2024-03-01T09:00:00.000Z", event: "check-in", category: null, lat: null, lon: null },
    ]);
  });

  it("treats any other name as a file path read with the mapping", () => {
    const { frame } = loadDataset(fixture("events", "custom.csv"), {
      mapping: { user: "uid", item: "poi", ts: "time" },
      fileOptions: { tsFormat: "unix_s" },
    });
    expect(frame.getColumn("user").toArray()).toEqual(["a", "b"]);
  });

  it("says which folder was looked for and that DATA_DIR sets it", () => {
    const empty = mkdtempSync(join(tmpdir(), "nodata-"));
    const dir = join(empty, "gowalla_snap_nyc");
    expect(() => loadDataset("gowalla-nyc", { dataDir: empty })).toThrow(DataError);
    expect(() => loadDataset("gowalla-nyc", { dataDir: empty })).toThrow(
      `${dir}: dataset 'gowalla-nyc' not found: looked for this folder; set DATA_DIR (or options.dataDir, now ${empty}) to the folder that holds gowalla_snap_nyc/`,
    );
    expect(() => loadDataset("sample", { sampleDir: empty })).toThrow(`${join(empty, "events.csv")}: sample dataset not found`);
  });

  it("lists the known names when the name is neither a dataset nor a file", () => {
    expect(() => loadDataset("gowala-nyc")).toThrow("gowala-nyc: neither a known dataset (sample, movielens-100k, gowalla-nyc, foursquare-nyc, taobao) nor an existing file");
  });
});

describe("defaultDataDir", () => {
  it("reads DATA_DIR, else <project>/../shared/data", () => {
    expect(defaultDataDir({ DATA_DIR: "/x/y" })).toBe("/x/y");
    expect(defaultDataDir({})).toBe(resolve(__dirname, "..", "..", "..", "shared", "data"));
  });
});
