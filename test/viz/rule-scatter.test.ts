import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { datetimeSeries } from "../../src/clean/frame-access";
import { associationRules } from "../../src/patterns/association-rules";
import { fpGrowth } from "../../src/patterns/fpgrowth";
import { sequentialRules } from "../../src/patterns/sequential-rules";
import { createRng } from "../../src/util/rng";
import { DataError } from "../../src/util/data-error";
import { ruleScatterFigure } from "../../src/viz/rule-scatter";
import { roundTrip } from "./random-events";

/** mlxtend's 5-basket example (without the repeated Onion). */
const BASKETS = [
  ["Milk", "Onion", "Nutmeg", "Kidney Beans", "Eggs", "Yogurt"],
  ["Dill", "Onion", "Nutmeg", "Kidney Beans", "Eggs", "Yogurt"],
  ["Milk", "Apple", "Kidney Beans", "Eggs"],
  ["Milk", "Unicorn", "Corn", "Kidney Beans", "Yogurt"],
  ["Corn", "Onion", "Kidney Beans", "Ice cream", "Eggs"],
];

function randomBaskets(n: number, seed: number): string[][] {
  const rng = createRng(seed);
  const items = "abcdefgh".split("");
  return Array.from({ length: n }, () => items.filter((_, j) => rng.next() < 0.55 - j * 0.05));
}

const rules = associationRules(fpGrowth(BASKETS, { minSupport: 0.4 }), { minThreshold: 0 });
const many = associationRules(fpGrowth(randomBaskets(80, 5), { minSupport: 0.05 }), { minThreshold: 0 });
const num = (df: pl.DataFrame, c: string) => df.getColumn(c).toArray() as number[];
const sides = (df: pl.DataFrame, c: string) => df.getColumn(c).toArray() as unknown as string[][];
const sub = (fig: ReturnType<typeof ruleScatterFigure>) => String((fig.layout.title as { text: string }).text);
const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

/** Oracle of the kept rows: sort (value desc, row asc), NaN last. */
function topBy(values: number[], k: number): number[] {
  const idx = values.map((_, i) => i);
  idx.sort((a, b) => (values[a] === values[b] ? a - b : values[b] > values[a] ? 1 : -1));
  return idx.slice(0, k);
}

describe("ruleScatterFigure", () => {
  it("draws every rule: marker x/y/colour are the frame's support/confidence/lift at the rows in customdata", () => {
    expect(rules.height).toBeGreaterThan(10);
    const fig = ruleScatterFigure(rules);
    const t = fig.data[0];
    const rows = t.customdata as number[];
    expect([...rows].sort((a, b) => a - b)).toEqual(rules.getColumn("lift").toArray().map((_, i) => i));
    const [s, c, l] = [num(rules, "support"), num(rules, "confidence"), num(rules, "lift")];
    expect(t.x).toEqual(rows.map((r) => s[r]));
    expect(t.y).toEqual(rows.map((r) => c[r]));
    const color = (t.marker as { color: number[] }).color;
    expect(color).toEqual(rows.map((r) => l[r]));
    // drawn in ascending colour order: the strongest rules on top
    for (let i = 1; i < color.length; i++) expect(color[i]).toBeGreaterThanOrEqual(color[i - 1]);
    expect((t.marker as { colorbar: { title: { text: string } } }).colorbar.title.text).toBe("lift");
    expect(fig.layout.xaxis).toMatchObject({ title: { text: "support" } });
    expect(fig.layout.yaxis).toMatchObject({ title: { text: "confidence" } });
    expect(sub(fig)).toContain(`${rules.height} rules`);
    expect(sub(fig)).not.toContain("left out");
  });

  it("hover text is 'A, B ⇒ C' with the rule's metrics", () => {
    const fig = ruleScatterFigure(rules);
    const rows = fig.data[0].customdata as number[];
    const hover = fig.data[0].hovertext as string[];
    const a = sides(rules, "antecedents");
    const c = sides(rules, "consequents");
    const two = rows.findIndex((r) => a[r].length === 2);
    expect(two).toBeGreaterThanOrEqual(0);
    const r = rows[two];
    const f = (v: number) => String(Number(v.toPrecision(4)));
    expect(hover[two]).toBe(
      `${a[r][0]}, ${a[r][1]} ⇒ ${c[r].join(", ")}<br>support ${f(num(rules, "support")[r])}  confidence ${f(num(rules, "confidence")[r])}  lift ${f(num(rules, "lift")[r])}`,
    );
  });

  it("keeps the top maxRules by the colour metric, says so, and labels the top labelTop", () => {
    expect(many.height).toBeGreaterThan(200);
    const fig = ruleScatterFigure(many, { maxRules: 50, labelTop: 4, color: "leverage", y: "lift" });
    const lev = num(many, "leverage");
    const expected = topBy(lev, 50);
    const rows = fig.data[0].customdata as number[];
    expect(rows).toEqual([...expected].reverse());
    expect(fig.data[0].y).toEqual(rows.map((r) => num(many, "lift")[r]));
    expect((fig.data[0].marker as { color: number[] }).color).toEqual(rows.map((r) => lev[r]));
    expect(sub(fig)).toContain(`top 50 of ${many.height} rules by leverage shown (${many.height - 50} left out)`);
    expect(fig.layout.meta).toMatchObject({ shown: 50, total: many.height, dropped: many.height - 50, labelled: 4 });
    const labels = fig.data[1];
    expect(labels.mode).toBe("text");
    expect(labels.customdata).toEqual(expected.slice(0, 4));
    const a = sides(many, "antecedents");
    const c = sides(many, "consequents");
    expect(labels.text).toEqual(expected.slice(0, 4).map((r) => `${a[r].join(", ")} ⇒ ${c[r].join(", ")}`));
    expect(labels.x).toEqual(expected.slice(0, 4).map((r) => num(many, "support")[r]));
    expect(ruleScatterFigure(many, { labelTop: 0 }).data).toHaveLength(1);
  });

  it("infinite conviction becomes null (JSON-safe), ranks first, and is counted when on an axis", () => {
    const conv = num(rules, "conviction");
    const nInf = conv.filter((v) => v === Infinity).length;
    expect(nInf).toBeGreaterThan(0); // rules with confidence 1
    const fig = ruleScatterFigure(rules, { color: "conviction", y: "conviction" });
    const rows = fig.data[0].customdata as number[];
    expect((fig.data[0].marker as { color: unknown[] }).color).toEqual(rows.map((r) => finiteOrNull(conv[r])));
    expect(rows.slice(-nInf).every((r) => conv[r] === Infinity)).toBe(true);
    expect(sub(fig)).toContain(`${nInf} rules with a non-finite support or conviction not drawn`);
    expect(roundTrip(fig)).toEqual(fig);
  });

  it("is deterministic and survives a JSON round trip unchanged", () => {
    const a = ruleScatterFigure(many, { maxRules: 100 });
    expect(JSON.stringify(ruleScatterFigure(many, { maxRules: 100 }))).toBe(JSON.stringify(a));
    expect(roundTrip(a)).toEqual(a);
  });

  it("plots sequential rules too (singular side columns)", () => {
    const T0 = Date.parse("2024-03-01T00:00:00Z");
    const ev: [string, string, number][] = [["u1", "Gym", 0], ["u1", "Cafe", 30], ["u2", "Gym", 0], ["u2", "Cafe", 60], ["u2", "Home", 100]];
    const seq = sequentialRules(
      pl.DataFrame([pl.Series("user", ev.map((e) => e[0])), pl.Series("category", ev.map((e) => e[1])), datetimeSeries("ts", ev.map((e) => T0 + e[2] * 60_000))]),
    );
    const fig = ruleScatterFigure(seq);
    const rows = fig.data[0].customdata as number[];
    const a = seq.getColumn("antecedent").toArray() as string[];
    const c = seq.getColumn("consequent").toArray() as string[];
    expect((fig.data[1].text as string[])[0]).toBe(`${a[rows[rows.length - 1]]} ⇒ ${c[rows[rows.length - 1]]}`);
    expect(fig.data[0].y).toEqual(rows.map((r) => num(seq, "confidence")[r]));
  });

  it("fails clearly on a missing metric column, an unknown metric, bad options or no rules", () => {
    expect(() => ruleScatterFigure(rules.drop("lift"))).toThrow(DataError);
    expect(() => ruleScatterFigure(rules.drop("lift"))).toThrow(/column 'lift'/);
    expect(() => ruleScatterFigure(rules, { color: "lfit" })).toThrow(/color: unknown metric "lfit"/);
    expect(() => ruleScatterFigure(rules, { x: "antecedents" })).toThrow(/expected a numeric column/);
    expect(() => ruleScatterFigure(rules.drop("consequents"))).toThrow(/column 'consequents'/);
    expect(() => ruleScatterFigure(rules, { maxRules: 0 })).toThrow(/maxRules must be an integer >= 1/);
    expect(() => ruleScatterFigure(rules, { labelTop: -1 })).toThrow(/labelTop/);
    expect(() => ruleScatterFigure(rules.head(0))).toThrow(/no rules to plot/);
  });
});
