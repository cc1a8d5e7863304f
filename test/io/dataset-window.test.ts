import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { describe, expect, it } from "vitest";
import { dropImpossible } from "../../src/clean/drop-impossible";
import { DATASET_WINDOWS, datasetWindow } from "../../src/io/dataset-window";
import { defaultDataDir, loadDataset } from "../../src/io/datasets";
import { DataError } from "../../src/util/data-error";

const ROOT = resolve(__dirname, "..", "..");
const DATA_DIR = defaultDataDir();
const iso = (d: Date) => d.toISOString();

describe("datasetWindow", () => {
  it("reads the sample's window from its ground truth (end exclusive there, inclusive here)", () => {
    const truth = JSON.parse(readFileSync(join(ROOT, "data", "sample", "ground-truth.json"), "utf8"));
    expect(truth.window.startUtc).toBe("2024-02-29T16:00:00Z"); // 2024-03-01 at UTC+8
    const w = datasetWindow("sample")!;
    expect([iso(w.start), iso(w.end)]).toEqual(["2024-02-29T16:00:00.000Z", "2024-08-31T15:59:59.999Z"]);
    expect(w.end.getTime() + 1).toBe(Date.parse(truth.window.endUtc));
    expect(datasetWindow("sample", { projectRoot: ROOT })).toEqual(w);
  });

  it("gives the documented periods of the real datasets, as UTC instants", () => {
    const span = (name: string) => {
      const w = datasetWindow(name)!;
      return [iso(w.start), iso(w.end)];
    };
    expect(span("movielens-100k")).toEqual(["1997-09-19T00:00:00.000Z", "1998-04-22T23:59:59.999Z"]);
    expect(span("gowalla-nyc")).toEqual(["2009-02-01T00:00:00.000Z", "2010-10-31T23:59:59.999Z"]);
    expect(span("foursquare-nyc")).toEqual(["2012-04-01T00:00:00.000Z", "2013-09-30T23:59:59.999Z"]);
    // Nov 25 – Dec 3 2017 in China (UTC+8)
    expect(span("taobao")).toEqual(["2017-11-24T16:00:00.000Z", "2017-12-03T15:59:59.999Z"]);
    expect(datasetWindow("my-events.csv")).toBeNull();
    expect(datasetWindow("toString")).toBeNull();
  });

  it("returns copies: mutating a result does not change the table", () => {
    const w = datasetWindow("taobao")!;
    w.start.setTime(0);
    expect(iso(datasetWindow("taobao")!.start)).toBe("2017-11-24T16:00:00.000Z");
    expect(iso(DATASET_WINDOWS.taobao.start)).toBe("2017-11-24T16:00:00.000Z");
  });

  it("fails loudly when the sample's truth is missing or has no window", () => {
    const dir = mkdtempSync(join(tmpdir(), "window-"));
    expect(() => datasetWindow("sample", { sampleDir: dir })).toThrow(DataError);
    writeFileSync(join(dir, "ground-truth.json"), JSON.stringify({ window: { startUtc: "2024-01-02T00:00:00Z" } }));
    expect(() => datasetWindow("sample", { sampleDir: dir })).toThrow(/window/);
  });
});

/** First and last timestamp of a loaded dataset, and the rows the window would drop. */
function checkAgainstData(name: string) {
  const { frame } = loadDataset(name, { dataDir: DATA_DIR });
  const ms = (frame.getColumn("ts").toArray() as unknown as Date[]).map((d) => d.getTime());
  const w = datasetWindow(name)!;
  const { frame: kept } = dropImpossible(frame, { start: w.start, end: w.end, now: null });
  const first = ms.reduce((a, b) => Math.min(a, b), Infinity);
  const last = ms.reduce((a, b) => Math.max(a, b), -Infinity);
  return { first: iso(new Date(first)), last: iso(new Date(last)), dropped: frame.height - kept.height };
}

describe.skipIf(!existsSync(join(DATA_DIR, "movielens_100k")))("datasetWindow vs MovieLens 100K", () => {
  it("holds every rating", () => {
    expect(checkAgainstData("movielens-100k")).toEqual({ first: "1997-09-20T03:05:10.000Z", last: "1998-04-22T23:10:38.000Z", dropped: 0 });
  });
});

describe.skipIf(!existsSync(join(DATA_DIR, "gowalla_snap_nyc")))("datasetWindow vs Gowalla NYC", () => {
  it("holds every check-in", () => {
    expect(checkAgainstData("gowalla-nyc")).toEqual({ first: "2009-04-23T22:37:00.000Z", last: "2010-10-23T01:09:33.000Z", dropped: 0 });
  });
});

describe.skipIf(!existsSync(join(DATA_DIR, "foursquare_tist2015_nyc_subset")))("datasetWindow vs Foursquare NYC", () => {
  it("holds every check-in", () => {
    expect(checkAgainstData("foursquare-nyc")).toEqual({ first: "2012-04-03T14:00:08.000Z", last: "2013-09-16T19:21:59.000Z", dropped: 0 });
  });
});
