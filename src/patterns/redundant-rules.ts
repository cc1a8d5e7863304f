/**
 * Redundant-rule detection as R's arules `is.redundant` (improvement ≤ 0): a rule A → C is
 * redundant when the set holds a more general rule A' → C (A' a proper, non-empty subset of
 * A, same consequent) whose confidence is at least as high.
 */
import { itemsetKey } from "./itemset-table";

/**
 * Rules as id lists: antecedent and consequent of rule r, and its confidence.
 * @example
 * ```ts
 * redundantRules({ ante: [Int32Array.of(0)], cons: [Int32Array.of(1)], confidence: [0.9] }); // Uint8Array [0]
 * ```
 */
export interface RuleList {
  ante: Int32Array[];
  cons: Int32Array[];
  confidence: ArrayLike<number>;
}

/**
 * Marks the redundant rules of a set. More general rules are looked up among the rules of
 * the set (as arules does), so a rule whose generalisation was filtered out (for example by
 * `minLen` or a threshold) is compared with the generalisations that remain.
 *
 * @param rules antecedents and consequents as ascending id lists, with confidences.
 * @returns 1 for each redundant rule.
 * @example
 * ```ts
 * // {a} → {c} (conf 0.9) makes {a, b} → {c} (conf 0.8) redundant
 * redundantRules({ ante: [Int32Array.of(0), Int32Array.of(0, 1)], cons: [Int32Array.of(2), Int32Array.of(2)], confidence: [0.9, 0.8] });
 * // Uint8Array [0, 1]
 * ```
 */
export function redundantRules(rules: RuleList): Uint8Array {
  const n = rules.ante.length;
  const byKey = new Map<string, number>();
  const consKeys: string[] = new Array(n);
  for (let r = 0; r < n; r++) {
    consKeys[r] = itemsetKey(rules.cons[r], 0, rules.cons[r].length);
    byKey.set(`${consKeys[r]}|${itemsetKey(rules.ante[r], 0, rules.ante[r].length)}`, r);
  }
  const out = new Uint8Array(n);
  const sub: number[] = [];
  for (let r = 0; r < n; r++) {
    const a = rules.ante[r];
    const k = a.length;
    if (k < 2) continue;
    if (k > 24) throw new Error(`redundant-rule pruning: antecedent of ${k} items has too many subsets`);
    const own = rules.confidence[r];
    const full = (1 << k) - 1;
    for (let mask = 1; mask < full; mask++) {
      sub.length = 0;
      for (let j = 0; j < k; j++) if (mask & (1 << j)) sub.push(a[j]);
      const g = byKey.get(`${consKeys[r]}|${itemsetKey(sub, 0, sub.length)}`);
      if (g !== undefined && rules.confidence[g] >= own) {
        out[r] = 1;
        break;
      }
    }
  }
  return out;
}
