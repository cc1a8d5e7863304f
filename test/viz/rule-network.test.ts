import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { associationRules } from "../../src/patterns/association-rules";
import { fpGrowth } from "../../src/patterns/fpgrowth";
import { createRng } from "../../src/util/rng";
import { DataError } from "../../src/util/data-error";
import { ruleNetworkFigure } from "../../src/viz/rule-network";
import { roundTrip } from "./random-events";

function randomBaskets(n: number, seed: number): string[][] {
  const rng = createRng(seed);
  const items = ["bread", "milk", "eggs", "butter", "jam", "tea", "coffee", "sugar", "flour"];
  return Array.from({ length: n }, () => items.filter((_, j) => rng.next() < 0.6 - j * 0.05));
}

const rules = associationRules(fpGrowth(randomBaskets(60, 11), { minSupport: 0.08 }), { minThreshold: 0.2 });
const num = (df: pl.DataFrame, c: string) => df.getColumn(c).toArray() as number[];
const sides = (df: pl.DataFrame, c: string) => df.getColumn(c).toArray() as unknown as string[][];
type Fig = ReturnType<typeof ruleNetworkFigure>;
const pts = (t: Record<string, unknown>) => (t.x as number[]).map((x, i): [number, number] => [x, (t.y as number[])[i]]);

/** Oracle: top k rows by value (desc, ties by row). */
function topBy(values: number[], k: number): number[] {
  return values.map((_, i) => i).sort((a, b) => (values[a] === values[b] ? a - b : values[b] > values[a] ? 1 : -1)).slice(0, k);
}

/** The edges trace as segment strings "x0,y0>x1,y1" (checks the null separators on the way). */
function segments(fig: Fig): string[] {
  const x = fig.data[0].x as (number | null)[];
  const y = fig.data[0].y as (number | null)[];
  expect(x.length % 3).toBe(0);
  const out: string[] = [];
  for (let i = 0; i < x.length; i += 3) {
    expect(x[i + 2]).toBeNull();
    expect(y[i + 2]).toBeNull();
    out.push(`${x[i]},${y[i]}>${x[i + 1]},${y[i + 1]}`);
  }
  return out;
}

describe("ruleNetworkFigure", () => {
  const a = sides(rules, "antecedents");
  const c = sides(rules, "consequents");
  const lift = num(rules, "lift");
  const support = num(rules, "support");

  it("keeps the top-k rules by the metric and colours rule nodes by it", () => {
    expect(rules.height).toBeGreaterThan(40);
    const fig = ruleNetworkFigure(rules, { topK: 30, metric: "lift" });
    const kept = topBy(lift, 30);
    expect(fig.data[1].customdata).toEqual(kept);
    expect((fig.data[1].marker as { color: number[] }).color).toEqual(kept.map((r) => lift[r]));
    expect(fig.layout.meta).toMatchObject({ shown: 30, total: rules.height });
    expect(String((fig.layout.title as { text: string }).text)).toContain(`top 30 of ${rules.height} rules by lift`);
  });

  it("has Σ(|antecedent| + |consequent|) edges: antecedent item → rule → consequent item", () => {
    const fig = ruleNetworkFigure(rules, { topK: 25 });
    const kept = fig.data[1].customdata as number[];
    const expectedCount = kept.reduce((s, r) => s + a[r].length + c[r].length, 0);
    expect(expectedCount).toBeGreaterThan(50); // some rules have 3+ items
    const segs = segments(fig);
    expect(segs).toHaveLength(expectedCount);
    expect(fig.layout.meta).toMatchObject({ edges: expectedCount });
    expect(fig.layout.annotations as unknown[]).toHaveLength(expectedCount);
    expect(ruleNetworkFigure(rules, { topK: 25, arrows: false }).layout.annotations).toEqual([]);
    // oracle segments from the node positions
    const items = fig.data[2].text as string[];
    const itemPos = new Map(items.map((it, k) => [it, pts(fig.data[2])[k]]));
    const rulePos = pts(fig.data[1]);
    const expected: string[] = [];
    kept.forEach((r, k) => {
      for (const it of a[r]) expected.push(`${itemPos.get(it)!.join(",")}>${rulePos[k].join(",")}`);
      for (const it of c[r]) expected.push(`${rulePos[k].join(",")}>${itemPos.get(it)!.join(",")}`);
    });
    expect([...segs].sort()).toEqual([...expected].sort());
  });

  it("puts items on the unit circle, clockwise from the top, by appearance count (ties by label)", () => {
    const fig = ruleNetworkFigure(rules, { topK: 20 });
    const kept = fig.data[1].customdata as number[];
    const count = new Map<string, number>();
    for (const r of kept) for (const it of [...a[r], ...c[r]]) count.set(it, (count.get(it) ?? 0) + 1);
    const order = [...count.keys()].sort((p, q) => count.get(q)! - count.get(p)! || (p < q ? -1 : 1));
    expect(fig.data[2].text).toEqual(order);
    const n = order.length;
    pts(fig.data[2]).forEach(([x, y], k) => {
      const th = Math.PI / 2 - (2 * Math.PI * k) / n;
      expect(x).toBeCloseTo(Math.cos(th), 10);
      expect(y).toBeCloseTo(Math.sin(th), 10);
    });
    expect((fig.data[2].hovertext as string[])[0]).toContain(`in ${count.get(order[0])} of 20 rules`);
  });

  it("places rule nodes inside the circle, distinct, sized linearly by support", () => {
    const fig = ruleNetworkFigure(rules, { topK: 40, ruleSize: [5, 25] });
    const kept = fig.data[1].customdata as number[];
    const rp = pts(fig.data[1]);
    for (const [x, y] of rp) expect(Math.hypot(x, y)).toBeLessThan(1);
    expect(new Set(rp.map((p) => p.join(","))).size).toBe(rp.length); // A ⇒ B and B ⇒ A spread apart
    const sizes = (fig.data[1].marker as { size: number[] }).size;
    const s = kept.map((r) => support[r]);
    const lo = Math.min(...s);
    const hi = Math.max(...s);
    kept.forEach((_, k) => expect(sizes[k]).toBeCloseTo(5 + (20 * (s[k] - lo)) / (hi - lo), 10));
  });

  it("is deterministic and survives a JSON round trip unchanged", () => {
    const f1 = ruleNetworkFigure(rules, { topK: 30 });
    expect(JSON.stringify(ruleNetworkFigure(rules, { topK: 30 }))).toBe(JSON.stringify(f1));
    expect(roundTrip(f1)).toEqual(f1);
    // the layout depends on the kept rules only, not on the frame's row order
    const shuffled = rules.select(pl.all().gather(createRng(1).shuffle(rules.getColumn("lift").toArray().map((_, i) => i))));
    const f2 = ruleNetworkFigure(shuffled, { topK: rules.height });
    const f3 = ruleNetworkFigure(rules, { topK: rules.height });
    expect(f2.data[2]).toEqual(f3.data[2]);
  });

  it("fails clearly on a missing metric column, an unknown metric, bad options or no rules", () => {
    expect(() => ruleNetworkFigure(rules.drop("support"))).toThrow(DataError);
    expect(() => ruleNetworkFigure(rules.drop("support"))).toThrow(/sizeBy is 'support'/);
    expect(() => ruleNetworkFigure(rules, { metric: "lfit" })).toThrow(/metric: unknown metric "lfit"/);
    expect(() => ruleNetworkFigure(rules, { topK: 0 })).toThrow(/topK must be an integer >= 1/);
    expect(() => ruleNetworkFigure(rules, { ruleSize: [10, 5] })).toThrow(/ruleSize/);
    expect(() => ruleNetworkFigure(rules.head(0))).toThrow(/no rules to draw/);
  });
});
