import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { datetimeSeries } from "../../src/clean/frame-access";
import { sequentialRules } from "../../src/patterns/sequential-rules";
import { createRng } from "../../src/util/rng";
import { DataError } from "../../src/util/data-error";
import { formatDelay, sequenceRulesFigure } from "../../src/viz/sequence-rules-figure";
import { roundTrip } from "./random-events";

const T0 = Date.parse("2024-03-01T00:00:00Z");

/** Events from [user, token, minutes after T0]. */
function frame(rows: [string, string, number][]): pl.DataFrame {
  return pl.DataFrame([
    pl.Series("user", rows.map((r) => r[0]), pl.Utf8),
    pl.Series("category", rows.map((r) => r[1]), pl.Utf8),
    datetimeSeries("ts", rows.map((r) => T0 + r[2] * 60_000)),
  ]);
}

function randomEvents(n: number, seed: number): pl.DataFrame {
  const rng = createRng(seed);
  const tokens = ["Gym", "Coffee Shop", "Office", "Bar", "Park", "Home"];
  const rows: [string, string, number][] = [];
  for (let i = 0; i < n; i++) rows.push([`u${rng.int(12)}`, tokens[rng.int(tokens.length)], rng.int(3000)]);
  return frame(rows);
}

const num = (df: pl.DataFrame, c: string) => df.getColumn(c).toArray() as number[];
const str = (df: pl.DataFrame, c: string) => df.getColumn(c).toArray() as string[];

describe("sequenceRulesFigure", () => {
  // u1: Gym 0 → Coffee 30 (30 min) → Home 200; u2: Gym 0 → Coffee 90 (90 min), Gym 300 → Home 330 (30 min).
  // Within 120 min: Gym has 3 anchors; Gym → Coffee follows 2 of them (delays 30, 90: median 60 min),
  // Gym → Home 1 (30 min). Coffee → Gym / Coffee → Home do not occur within 120 min.
  const tiny = sequentialRules(
    frame([["u1", "Gym", 0], ["u1", "Coffee", 30], ["u1", "Home", 200], ["u2", "Gym", 0], ["u2", "Coffee", 90], ["u2", "Gym", 300], ["u2", "Home", 330]]),
    { maxGapMinutes: 120 },
  );

  it("hand case: bars of confidence with lift and median delay in the labels", () => {
    const fig = sequenceRulesFigure(tiny);
    const t = fig.data[0];
    expect(t.type).toBe("bar");
    expect(t.orientation).toBe("h");
    expect(t.y).toEqual(["Gym → Coffee", "Gym → Home"]);
    expect(t.x as number[]).toHaveLength(2);
    expect((t.x as number[])[0]).toBeCloseTo(2 / 3, 12);
    expect((t.x as number[])[1]).toBeCloseTo(1 / 3, 12);
    const lift = num(tiny, "lift");
    expect(t.text).toEqual([`lift ${Number(lift[0].toPrecision(4))} · median delay 1 h`, `lift ${Number(lift[1].toPrecision(4))} · median delay 30 min`]);
    expect((t.hovertext as string[])[0]).toMatch(/^Gym → Coffee<br>confidence 0\.6667<br>lift .*<br>median delay 1 h<br>support 1<br>n_both 2<br>n_antecedent 3/);
    expect(fig.layout.yaxis).toMatchObject({ type: "category", autorange: "reversed" });
    expect(fig.layout.xaxis).toMatchObject({ title: { text: "confidence" }, range: [0, (2 / 3) * 1.45] });
  });

  it("keeps the top-k rules by the metric, in order, with the frame's numbers", () => {
    const seq = sequentialRules(randomEvents(600, 4), { maxGapMinutes: 180 });
    expect(seq.height).toBeGreaterThan(20);
    for (const metric of ["confidence", "lift", "support"]) {
      const v = num(seq, metric);
      const expected = v.map((_, i) => i).sort((a, b) => (v[a] === v[b] ? a - b : v[b] > v[a] ? 1 : -1)).slice(0, 7);
      const fig = sequenceRulesFigure(seq, { topK: 7, metric });
      const t = fig.data[0];
      expect(t.customdata).toEqual(expected);
      expect(t.x).toEqual(expected.map((r) => v[r]));
      expect(t.y).toEqual(expected.map((r) => `${str(seq, "antecedent")[r]} → ${str(seq, "consequent")[r]}`));
      expect(t.text).toEqual(expected.map((r) => `lift ${Number(num(seq, "lift")[r].toPrecision(4))} · median delay ${formatDelay(num(seq, "median_delay_min")[r])}`));
      expect(String((fig.layout.title as { text: string }).text)).toContain(`top 7 of ${seq.height} rules by ${metric}`);
    }
  });

  it("formats delays in minutes below an hour, else hours", () => {
    expect(formatDelay(30)).toBe("30 min");
    expect(formatDelay(58.66)).toBe("58.7 min");
    expect(formatDelay(107.5)).toBe("1.79 h");
    expect(formatDelay(60)).toBe("1 h");
    expect(formatDelay(150)).toBe("2.5 h");
    expect(formatDelay(NaN)).toBe("n/a");
  });

  it("keeps bar labels distinct when truncation makes them equal", () => {
    const seq = sequentialRules(frame([["u", "Coffee Shop North", 0], ["u", "Coffee Shop South", 10], ["u", "Coffee Shop North", 20]]));
    const fig = sequenceRulesFigure(seq, { labelMaxChars: 10 });
    const y = fig.data[0].y as string[];
    expect(y).toHaveLength(seq.height);
    expect(new Set(y).size).toBe(y.length);
    expect(y).toEqual(["Coffee Sh…", "Coffee Sh… (2)"]);
  });

  it("is deterministic and survives a JSON round trip unchanged", () => {
    const seq = sequentialRules(randomEvents(400, 9), { maxGapMinutes: 120 });
    const a = sequenceRulesFigure(seq, { metric: "lift" });
    expect(JSON.stringify(sequenceRulesFigure(seq, { metric: "lift" }))).toBe(JSON.stringify(a));
    expect(roundTrip(a)).toEqual(a);
  });

  it("fails clearly on a missing column, an unknown metric, bad options or no rules", () => {
    expect(() => sequenceRulesFigure(tiny.drop("median_delay_min"))).toThrow(DataError);
    expect(() => sequenceRulesFigure(tiny.drop("median_delay_min"))).toThrow(/column 'median_delay_min'/);
    expect(() => sequenceRulesFigure(tiny.drop("confidence"))).toThrow(/metric is 'confidence'/);
    expect(() => sequenceRulesFigure(tiny, { metric: "confidance" })).toThrow(/metric: unknown metric "confidance"/);
    expect(() => sequenceRulesFigure(tiny, { topK: 0 })).toThrow(/topK must be an integer >= 1/);
    expect(() => sequenceRulesFigure(tiny.head(0))).toThrow(/no rules to plot/);
  });
});
