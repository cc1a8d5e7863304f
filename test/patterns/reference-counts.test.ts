/**
 * Exact counts from independent implementations (/work/shared/reference/README.md): FIMI
 * retail and T10I4D100K itemsets (Borgelt's fpgrowth), Groceries rules (R arules apriori).
 * The data is never copied into the project: the tests skip when it is absent.
 */
import { existsSync } from "fs";
import { join, resolve } from "path";
import { describe, expect, it } from "vitest";
import { apriori } from "../../src/patterns/apriori";
import { associationRules } from "../../src/patterns/association-rules";
import { countItemsets, fpGrowth, fpGrowthRaw } from "../../src/patterns/fpgrowth";
import { readBasketCsv } from "../../src/patterns/read-basket-csv";
import { readFimi } from "../../src/patterns/read-fimi";
import { entries, frameToMap } from "./oracle";

const DATA_DIR = resolve(process.env.DATA_DIR?.trim() || join(__dirname, "..", "..", "..", "shared", "data"));
const FIMI = join(DATA_DIR, "fimi");
const GROCERIES = join(DATA_DIR, "groceries", "groceries.csv");

/** Rules by total size (antecedent + consequent). */
function bySize(rules: ReturnType<typeof associationRules>): Record<number, number> {
  const out: Record<number, number> = {};
  for (const a of rules.getColumn("antecedents").toArray() as unknown as string[][]) out[a.length + 1] = (out[a.length + 1] ?? 0) + 1;
  return out;
}

describe.skipIf(!existsSync(join(FIMI, "retail.dat")) || !existsSync(join(FIMI, "T10I4D100K.dat")))("FIMI itemset counts", () => {
  it.each([
    ["retail", 88_162, [159, 580, 7_589]],
    ["T10I4D100K", 100_000, [385, 1_073, 27_532]],
  ] as const)("%s: the reference counts at 1 %, 0.5 %, 0.1 %", (name, n, counts) => {
    const tx = readFimi(join(FIMI, `${name}.dat`));
    expect(tx.nTransactions).toBe(n);
    [0.01, 0.005, 0.001].forEach((s, j) => {
      expect(fpGrowthRaw(tx, { minSupport: s }).length).toBe(counts[j]);
      expect(countItemsets(tx, { minSupport: s }).total).toBe(counts[j]);
    });
  });

  it("retail at 1 %: Apriori finds the same itemsets and counts as FP-Growth", () => {
    const tx = readFimi(join(FIMI, "retail.dat"));
    expect(entries(frameToMap(apriori(tx, { minSupport: 0.01 })))).toEqual(entries(frameToMap(fpGrowth(tx, { minSupport: 0.01 }))));
  });
});

describe.skipIf(!existsSync(GROCERIES))("Groceries rules (arules apriori, one-item consequents)", () => {
  it("reads 9,835 baskets of 169 items, labels verbatim", () => {
    const tx = readBasketCsv(GROCERIES);
    expect(tx.nTransactions).toBe(9_835);
    expect(tx.items.length).toBe(169);
    expect(tx.items).toContain("cream cheese ");
    expect(Array.from(tx.weights).reduce((a, b) => a + b, 0)).toBe(9_835 - tx.nEmpty);
  });

  it.each([
    [0.006, 0.25, 463, { 2: 150, 3: 297, 4: 16 }],
    [0.001, 0.8, 410, { 3: 29, 4: 229, 5: 140, 6: 12 }],
    [0.01, 0.5, 15, { 3: 15 }],
  ] as const)("support %f, confidence %f: %i rules", (minSupport, minThreshold, total, sizes) => {
    const tx = readBasketCsv(GROCERIES);
    const rules = associationRules(fpGrowth(tx, { minSupport }), { minThreshold, mode: "single-consequent", minLen: 2 });
    expect(rules.height).toBe(total);
    expect(bySize(rules)).toEqual(sizes);
    expect(Math.min(...(rules.getColumn("confidence").toArray() as number[]))).toBeGreaterThanOrEqual(minThreshold);
  });

  it("Apriori agrees with FP-Growth on Groceries at support 0.005", () => {
    const tx = readBasketCsv(GROCERIES);
    const f = fpGrowth(tx, { minSupport: 0.005 });
    expect(f.height).toBeGreaterThan(1_000);
    expect(entries(frameToMap(apriori(tx, { minSupport: 0.005 })))).toEqual(entries(frameToMap(f)));
  });
});
