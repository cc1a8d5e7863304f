import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { addSessions } from "../../src/features/add-sessions";
import { DataError } from "../../src/util/data-error";
import { frameOf, randomRows, type Row } from "../clean/fixtures";

const T = Date.UTC(2024, 0, 1);
const MIN = 60_000;

/** Oracle: per user, sort by (ts, input index); dt and session by a plain loop; ids in (user, time) order. */
function oracle(rows: Row[], gapMin: number): { dt: (number | null)[]; session: number[] } {
  const idx = rows.map((_, i) => i);
  idx.sort((a, b) => (rows[a].user < rows[b].user ? -1 : rows[a].user > rows[b].user ? 1 : rows[a].ts - rows[b].ts || a - b));
  const dt = new Array<number | null>(rows.length);
  const session = new Array<number>(rows.length);
  let id = -1;
  for (let p = 0; p < idx.length; p++) {
    const i = idx[p];
    const prev = p > 0 && rows[idx[p - 1]].user === rows[i].user ? idx[p - 1] : -1;
    dt[i] = prev < 0 ? null : (rows[i].ts - rows[prev].ts) / 1000;
    if (prev < 0 || dt[i]! > gapMin * 60) id++;
    session[i] = id;
  }
  return { dt, session };
}

describe("addSessions", () => {
  it("splits by a 30-minute gap (strictly greater), per user, keeping input order", () => {
    const rows: Row[] = [
      { user: "b", item: "x", ts: T },
      { user: "a", item: "x", ts: T + 30 * MIN }, // gap exactly 30 min: same session
      { user: "a", item: "y", ts: T },
      { user: "a", item: "z", ts: T + 61 * MIN }, // 31 min after the previous: new session
      { user: "b", item: "y", ts: T + 10 * MIN },
    ];
    const out = addSessions(frameOf(rows));
    expect(out.getColumn("item").toArray()).toEqual(["x", "x", "y", "z", "y"]);
    expect(out.getColumn("dt_prev_s").toArray()).toEqual([null, 1800, null, 1860, 600]);
    // ids in (user, time) order: a#0 = 0, a#1 = 1, b#0 = 2
    expect(out.getColumn("session").toArray()).toEqual([2, 0, 0, 1, 2]);
  });

  it.each([
    [1, 30],
    [2, 5],
    [3, 240],
  ])("matches a plain-JS oracle on random frames (seed %i, gap %i min)", (seed, gap) => {
    const rows = randomRows(500, seed, { users: 12, spanMs: 2 * 86_400_000, stepMs: 60_000 });
    const out = addSessions(frameOf(rows), { gapMinutes: gap });
    const expected = oracle(rows, gap);
    expect(out.getColumn("dt_prev_s").toArray()).toEqual(expected.dt);
    expect(out.getColumn("session").toArray()).toEqual(expected.session);
    // sessions never span users
    const owner = new Map<number, string>();
    (out.getColumn("session").toArray() as number[]).forEach((s, i) => {
      expect(owner.get(s) ?? rows[i].user).toBe(rows[i].user);
      owner.set(s, rows[i].user);
    });
  });

  it("refuses null timestamps and a non-positive gap", () => {
    const df = pl.DataFrame({ user: ["a"], item: ["x"], ts: [null] }).withColumn(pl.col("ts").cast(pl.Datetime("ms")));
    expect(() => addSessions(df)).toThrow(DataError);
    expect(() => addSessions(frameOf([{ user: "a", item: "x", ts: T }]), { gapMinutes: 0 })).toThrow(/gapMinutes/);
  });
});
