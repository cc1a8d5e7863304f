import { describe, expect, it } from "vitest";
import { cleanPipeline, runCleanStep } from "../../src/clean/clean-pipeline";
import { defaultCleaning } from "../../src/clean/default-cleaning";
import { dropDuplicates } from "../../src/clean/drop-duplicates";
import { kCore } from "../../src/clean/k-core";
import { reportFrame } from "../../src/clean/report-frame";
import { frameOf, randomRows, rowsOf, type Row } from "./fixtures";

const T = Date.UTC(2024, 0, 1);

describe("cleanPipeline", () => {
  it("runs function and spec steps in order and concatenates the reports", () => {
    const rows = randomRows(500, 4, { users: 20, items: 15, stepMs: 60_000 });
    const df = frameOf([...rows, ...rows.slice(0, 50)], ["rating"]);
    const { frame, report } = cleanPipeline(df, [(d) => dropDuplicates(d), { verb: "kCore", options: { kUser: 20, kItem: 25 } }]);
    const step1 = dropDuplicates(df);
    const step2 = kCore(step1.frame, { kUser: 20, kItem: 25 });
    expect(rowsOf(frame)).toEqual(rowsOf(step2.frame));
    expect(report).toEqual([...step1.report, ...step2.report]);
    expect(report[0].rowsIn - report[0].rowsOut).toBe(50);
  });

  it("reportFrame shows step, reason, counts, dropped and notes", () => {
    const df = frameOf([
      { user: "a", item: "x", ts: T },
      { user: "a", item: "x", ts: T },
      { user: "b", item: "y", ts: T },
    ]);
    const { report } = cleanPipeline(df, [{ verb: "dropDuplicates" }, { verb: "kCore", options: { kUser: 1, kItem: 1 } }]);
    const table = reportFrame(report);
    expect(table.columns).toEqual(["step", "reason", "rows_in", "rows_out", "dropped", "values_changed", "note"]);
    expect(table.toRecords()).toEqual([
      { step: "dropDuplicates", reason: "exact_duplicate", rows_in: 3, rows_out: 2, dropped: 1, values_changed: 0, note: null },
      { step: "kCore", reason: "below_k_core", rows_in: 2, rows_out: 2, dropped: 0, values_changed: 0, note: "kUser=1, kItem=1, 0 iteration(s)" },
    ]);
    expect(reportFrame([]).height).toBe(0);
  });

  it("fails loudly on unknown verbs and steps that return no CleanResult", () => {
    const df = frameOf([{ user: "a", item: "x", ts: T }]);
    expect(() => runCleanStep(df, { verb: "dropEverything" } as never)).toThrow(/unknown cleaning verb/);
    expect(() => cleanPipeline(df, [(d) => d as never])).toThrow(/step 0/);
  });
});

describe("defaultCleaning", () => {
  it("is a printable list of step specs", () => {
    const steps = defaultCleaning({ now: new Date(T), kUser: 3, kItem: 2, localTime: { from: "offset" } });
    // handleMissing ("from_item" on lat, lon, category) sits between dropImpossible and dropDuplicates
    expect(steps.map((s) => s.verb)).toEqual(["dropImpossible", "handleMissing", "dropDuplicates", "removeHyperactiveUsers", "kCore", "addLocalTime"]);
    const json = JSON.parse(JSON.stringify(steps));
    expect(json[4]).toEqual({ verb: "kCore", options: { kUser: 3, kItem: 2 } });
    expect(json[1]).toEqual({ verb: "handleMissing", options: { strategies: { lat: "from_item", lon: "from_item", category: "from_item" }, skipAbsent: true } });
    expect(json[3].options.measure).toBe("events_per_active_day");
    expect(defaultCleaning({ removeHyperactive: false, fillFromItem: null }).map((s) => s.verb)).toEqual(["dropImpossible", "dropDuplicates", "kCore"]);
  });

  it("passes the window to dropImpossible and the measure to removeHyperactiveUsers", () => {
    const window = { start: new Date(T), end: new Date(T + 86_400_000) };
    const steps = defaultCleaning({ window, now: null, hyperactiveMeasure: "events", fillFromItem: ["category"] });
    expect(steps[0]).toEqual({ verb: "dropImpossible", options: { dropNullIsland: true, start: window.start, end: window.end, now: null } });
    expect(steps[1]).toEqual({ verb: "handleMissing", options: { strategies: { category: "from_item" }, skipAbsent: true } });
    expect(steps[3]).toMatchObject({ verb: "removeHyperactiveUsers", options: { measure: "events" } });
    expect(() => defaultCleaning({ window: { start: window.end, end: window.start } })).toThrow(/window/);
  });

  it("runs on frames without lat, lon or category (the fill is skipped, nothing fails)", () => {
    // a MovieLens-like frame: user, item, ts, rating only; the hour spacing keeps events apart
    const rows: Row[] = [];
    for (let u = 0; u < 6; u++) for (let i = 0; i < 6; i++) rows.push({ user: `u${u}`, item: `m${i}`, ts: T + (u * 6 + i) * 3_600_000, rating: 1 + ((u + i) % 5) });
    const { frame, report } = cleanPipeline(frameOf(rows, ["rating"]), defaultCleaning({ now: new Date(Date.UTC(2025, 0, 1)), window: { start: new Date(T), end: new Date(T + 2 * 86_400_000) } }));
    expect(rowsOf(frame)).toEqual(rows);
    expect(report.some((r) => r.step === "handleMissing")).toBe(false);
    expect(report.filter((r) => r.reason.startsWith("ts_")).map((r) => r.reason)).toEqual(["ts_before_start", "ts_after_end", "ts_in_future"]);
  });

  it("cleans a planted check-in frame: bad rows, repeats and light users go", () => {
    const good: Row[] = [];
    for (let u = 0; u < 6; u++) for (let i = 0; i < 6; i++) good.push({ user: `u${u}`, item: `v${i}`, ts: T + (u * 6 + i) * 3_600_000, lat: 40, lon: -74 });
    const bad: Row[] = [
      { user: "u0", item: "v0", ts: T + 30_000, lat: 40, lon: -74 }, // 30 s after u0/v0: near duplicate
      { user: "u1", item: "v1", ts: T, lat: 95, lon: -74 }, // impossible latitude
      { user: "u2", item: "v2", ts: T, lat: 0, lon: 0 }, // null island
      { user: "u3", item: "v3", ts: Date.UTC(2030, 0, 1), lat: 40, lon: -74 }, // future
      { user: "lonely", item: "v0", ts: T, lat: 40, lon: -74 }, // 1 event: below k
    ];
    const df = frameOf([...good, ...bad], ["lat", "lon"]);
    const { frame, report } = cleanPipeline(df, defaultCleaning({ now: new Date(Date.UTC(2025, 0, 1)), kUser: 5, kItem: 5 }));
    expect(rowsOf(frame)).toEqual(good);
    const dropped = Object.fromEntries(report.map((r) => [r.reason, r.rowsIn - r.rowsOut]));
    expect(dropped).toMatchObject({ lat_out_of_range: 1, null_island: 1, ts_in_future: 1, near_duplicate: 1, below_k_core: 1, hyperactive_user: 0 });
    expect(report.reduce((s, r) => s + r.rowsIn - r.rowsOut, 0)).toBe(bad.length);
    expect(reportFrame(report).height).toBe(report.length);
  });
});
