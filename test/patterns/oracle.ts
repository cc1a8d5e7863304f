/**
 * Test helpers for the pattern miners: seeded random baskets and brute-force oracles that
 * share no code with src/patterns (plain Sets and subset enumeration).
 */
import type pl from "nodejs-polars";
import { createRng } from "../../src/util/rng";

/** Canonical key of an itemset: its labels sorted and joined. */
export const keyOf = (items: readonly string[]): string => [...items].sort().join("\u0001");

/**
 * Random baskets over `nItems` labels: each item has its own inclusion probability, a few
 * items are planted together (so perfect extensions and single paths occur), some baskets are
 * empty, and a few repeat an item.
 */
export function randomBaskets(seed: number, opts: { nItems?: number; nBaskets?: number } = {}): string[][] {
  const rng = createRng(seed);
  const nItems = opts.nItems ?? 2 + rng.int(9);
  const nBaskets = opts.nBaskets ?? 1 + rng.int(40);
  const labels = Array.from({ length: nItems }, (_, i) => (i % 3 === 0 ? `item ${i}` : `i${i}`));
  const p = labels.map(() => 0.1 + 0.8 * rng.next());
  const planted = rng.int(2) === 0 && nItems >= 3 ? [labels[0], labels[1], labels[2]] : [];
  const out: string[][] = [];
  for (let b = 0; b < nBaskets; b++) {
    if (rng.next() < 0.05) {
      out.push([]);
      continue;
    }
    const basket = labels.filter((_, i) => rng.next() < p[i]);
    // planted: label 1 implies label 0, label 2 implies labels 0 and 1
    if (planted.length && basket.includes(planted[2])) basket.push(planted[0], planted[1]);
    if (planted.length && basket.includes(planted[1])) basket.push(planted[0]);
    if (basket.length && rng.next() < 0.1) basket.push(basket[0]); // a repeated item
    rng.shuffle(basket);
    out.push(basket);
  }
  return out;
}

/** Every itemset with count ≥ minCount, by brute force over all subsets of the distinct items. */
export function bruteForceItemsets(baskets: string[][], minCount: number, minLen = 1, maxLen = Infinity): Map<string, number> {
  const sets = baskets.map((b) => new Set(b));
  const items = [...new Set(baskets.flat())].sort();
  if (items.length > 16) throw new Error("brute force is for tiny inputs");
  const out = new Map<string, number>();
  for (let mask = 1; mask < 1 << items.length; mask++) {
    const chosen = items.filter((_, j) => mask & (1 << j));
    if (chosen.length < minLen || chosen.length > maxLen) continue;
    let count = 0;
    for (const s of sets) if (chosen.every((x) => s.has(x))) count++;
    if (count >= minCount) out.set(keyOf(chosen), count);
  }
  return out;
}

/** A miner's frame as a map key → count. */
export function frameToMap(df: pl.DataFrame): Map<string, number> {
  const lists = df.getColumn("itemsets").toArray() as unknown as string[][];
  const counts = df.getColumn("count").toArray() as number[];
  const out = new Map<string, number>();
  lists.forEach((l, r) => out.set(keyOf(l), counts[r]));
  return out;
}

/** Sorted entries, for readable deep-equality failures. */
export const entries = (m: Map<string, number>): Array<[string, number]> => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
