import { readFileSync } from "fs";
import { join, resolve } from "path";
import { describe, expect, it } from "vitest";
import { cleanPipeline } from "../../src/clean/clean-pipeline";
import { defaultCleaning } from "../../src/clean/default-cleaning";
import type { NotedCleanStep } from "../../src/clean/noted-step";
import { removeHyperactiveUsers } from "../../src/clean/remove-hyperactive-users";
import { datasetWindow } from "../../src/io/dataset-window";
import { loadDataset } from "../../src/io/datasets";

// The committed sample and its ground truth: every dirty row was planted with exactly one
// defect, and the truth counts them by kind (data/sample/README.md, "Dirty rows").
const SAMPLE = resolve(__dirname, "..", "..", "data", "sample");

interface Truth {
  counts: { valid: number };
  pois: { item: string; category: string; lat: number; lon: number }[];
  dirty: { counts: Record<string, number>; total: number; bots: { user: string; events: number; days: number }[] };
}

const truth = JSON.parse(readFileSync(join(SAMPLE, "ground-truth.json"), "utf8")) as Truth;
const raw = loadDataset("sample").frame;
const window = datasetWindow("sample")!;
const steps = defaultCleaning({ now: new Date("2025-01-01T00:00:00Z"), window, localTime: { from: "offset" } });
const cleaned = cleanPipeline(raw, steps);
const dropped = (reason: string) =>
  cleaned.report.filter((r) => r.reason === reason).reduce((s, r) => s + r.rowsIn - r.rowsOut, 0);
const changed = (reason: string) => cleaned.report.filter((r) => r.reason === reason).reduce((s, r) => s + r.valuesChanged, 0);

describe("default cleaning of the embedded sample against its ground truth", () => {
  it("runs the recipe in the documented order", () => {
    expect(steps.map((s) => s.verb)).toEqual(["dropImpossible", "handleMissing", "dropDuplicates", "removeHyperactiveUsers", "kCore", "addLocalTime"]);
  });

  it("drops exactly the planted impossible rows and duplicates, by reason", () => {
    const c = truth.dirty.counts;
    expect([dropped("lat_out_of_range"), dropped("lon_out_of_range")]).toEqual([c.lat_out_of_range, c.lon_out_of_range]); // 27, 27
    expect(dropped("ts_before_start")).toBe(c.ts_before_start); // 18: epoch zero or a year early
    // the 75-years-ahead rows are after the window's end; tested before "in the future", they
    // are all counted there and the future check finds nothing left
    expect([dropped("ts_after_end"), dropped("ts_in_future")]).toEqual([c.ts_after_end, 0]); // 18, 0
    expect([dropped("nan_coordinates"), dropped("null_island")]).toEqual([0, 0]);
    // the fill runs before the duplicate passes; it cannot change their counts here because no
    // planted copy is a copy of a row that lost a field (one defect per row)
    expect([dropped("exact_duplicate"), dropped("near_duplicate")]).toEqual([c.exact_duplicate, c.near_duplicate]); // 133, 111
  });

  it("removes exactly the two bots, all their rows, and no real user", () => {
    const bots = truth.dirty.bots.map((b) => b.user).sort();
    expect(bots).toEqual(["u0035", "u0053"]);
    const botRows = raw.getColumn("user").toArray().filter((u) => bots.includes(u as string)).length;
    expect(botRows).toBe(truth.dirty.counts.hyperactive_user); // 2,897
    expect(dropped("hyperactive_user")).toBe(botRows);
    const beforeStep = cleanPipeline(raw, steps.slice(0, 3)).frame;
    const spec = steps[3];
    if (spec.verb !== "removeHyperactiveUsers") throw new Error("unexpected recipe");
    expect(removeHyperactiveUsers(beforeStep, spec.options).users).toEqual(bots);
  });

  it("bots stand out by events per active day (> 10× any real user), which is why that is the measure", () => {
    const user = raw.getColumn("user").toArray() as string[];
    const ts = raw.getColumn("ts").toArray() as unknown as Date[];
    const n = new Map<string, number>();
    const days = new Map<string, Set<number>>();
    user.forEach((u, i) => {
      n.set(u, (n.get(u) ?? 0) + 1);
      if (!days.has(u)) days.set(u, new Set());
      days.get(u)!.add(Math.floor(ts[i].getTime() / 86_400_000));
    });
    const rate = (u: string) => n.get(u)! / days.get(u)!.size;
    const bots = new Set(truth.dirty.bots.map((b) => b.user));
    const realMax = Math.max(...[...n.keys()].filter((u) => !bots.has(u)).map(rate));
    for (const b of bots) expect(rate(b)).toBeGreaterThan(10 * realMax);
  });

  it("fills every missing coordinate and category from the item, with the item's true values", () => {
    const c = truth.dirty.counts;
    expect(changed("missing_lat_from_item")).toBe(c.missing_coordinates); // 89 (lat and lon both null)
    expect(changed("missing_lon_from_item")).toBe(c.missing_coordinates); // 89
    expect(changed("missing_category_from_item")).toBe(c.missing_category); // 89
    expect(cleaned.report.filter((r) => r.step === "handleMissing").map((r) => (r as NotedCleanStep).note)).toEqual([undefined, undefined, undefined]);
    // nothing else left before kCore: the recovered rows stay, every other dirty row is gone
    const beforeKCore = cleaned.report.find((r) => r.step === "kCore")!.rowsIn;
    expect(beforeKCore).toBe(truth.counts.valid + c.missing_coordinates + c.missing_category); // 46,453 + 178
    expect(raw.height - beforeKCore).toBe(truth.dirty.total - c.missing_coordinates - c.missing_category);
  });

  it("leaves a frame without nulls, inside the window, whose places match the truth's POIs", () => {
    const f = cleaned.frame;
    for (const col of ["user", "item", "ts", "lat", "lon", "category"]) expect([col, f.getColumn(col).nullCount()]).toEqual([col, 0]);
    const ts = f.getColumn("ts").toArray() as unknown as Date[];
    expect(ts.every((t) => t >= window.start && t <= window.end)).toBe(true);
    const poi = new Map(truth.pois.map((p) => [p.item, p]));
    const item = f.getColumn("item").toArray() as string[];
    const lat = f.getColumn("lat").toArray() as number[];
    const lon = f.getColumn("lon").toArray() as number[];
    const cat = f.getColumn("category").toArray() as string[];
    const wrong = item.filter((it, i) => {
      const p = poi.get(it);
      return !p || p.lat !== lat[i] || p.lon !== lon[i] || p.category !== cat[i];
    });
    expect(wrong).toEqual([]);
    expect(cleaned.report.reduce((s, r) => s + r.rowsIn - r.rowsOut, 0)).toBe(raw.height - f.height);
  });
});
