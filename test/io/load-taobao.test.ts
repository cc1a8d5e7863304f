import { describe, expect, it } from "vitest";
import { droppedTotal } from "../../src/io/load-report";
import { loadTaobao } from "../../src/io/load-taobao";
import { canonicalTypes, fixture, rowsOf, typesOf } from "./fixture-path";

describe("loadTaobao", () => {
  it("maps pv/cart/fav/buy to events and drops unknown behaviours and missing items", () => {
    const { frame, report } = loadTaobao(fixture("taobao", "UserBehavior.csv"));
    expect(typesOf(frame)).toEqual(canonicalTypes(["user", "item", "ts", "event", "category"]));
    expect(rowsOf(frame)).toEqual([
      // 1511544070 s = 17494 days (2017-11-24) + 62470 s (17:21:10)
      { user: "1", item: "2268318", ts: "2017-11-24T17:21:10.000Z", event: "view", category: "2520377" },
      { user: "1", item: "2333346", ts: "2017-11-24T22:15:33.000Z", event: "cart", category: "2520771" },
      { user: "1", item: "2576651", ts: "2017-11-25T01:21:25.000Z", event: "fav", category: "149192" },
      { user: "100", item: "1603476", ts: "2017-11-25T01:21:25.000Z", event: "buy", category: "2951233" },
    ]);
    expect(report.dropped).toEqual([
      { reason: "missing_item", count: 1, examples: [{ line: 6, values: 'user="100", item=null, category="2951233", behavior="pv", ts="1511572885"' }] },
      { reason: "unknown_event", count: 1, examples: [{ line: 5, values: 'user="100", item="1603476", category="2951233", behavior="click", ts="1511572885"' }] },
    ]);
    expect(report.rowsRead).toBe(report.rowsKept + droppedTotal(report));
  });

  it("reads at most nRows rows", () => {
    const { report } = loadTaobao(fixture("taobao", "UserBehavior.csv"), { nRows: 3 });
    expect([report.rowsRead, report.rowsKept]).toEqual([3, 3]);
  });

  it("fails on a tab-separated file, naming the comma separator", () => {
    const f = fixture("snap", "checkins.txt");
    expect(() => loadTaobao(f)).toThrow(`${f}: expected 5 columns (user, item, category, behavior, ts) separated by comma (","), but found 1 column`);
  });
});
