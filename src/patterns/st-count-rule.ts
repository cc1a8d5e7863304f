/**
 * The strength of one given rule X ⇒ Y counted directly over baskets, without mining: to check
 * a hypothesis or a planted pattern, or to cross-check a miner.
 */

/** Counts and metrics of one rule (see {@link countRule}). */
export interface RuleCount {
  /** Baskets, empty ones included (N). */
  n: number;
  /** Baskets containing every antecedent token. */
  antecedentCount: number;
  /** Baskets containing every consequent token. */
  consequentCount: number;
  /** Baskets containing both sides. */
  bothCount: number;
  /** bothCount / N, in [0, 1]. */
  support: number;
  /** bothCount / antecedentCount, in [0, 1]; NaN when no basket has the antecedent. */
  confidence: number;
  /** confidence / (consequentCount / N), in [0, ∞); NaN when undefined. */
  lift: number;
}

/**
 * Counts rule X ⇒ Y over baskets: support = P(X ∪ Y), confidence = P(Y | X),
 * lift = P(Y | X) / P(Y), the same formulas as `associationRules`.
 *
 * @param baskets arrays of tokens (duplicates inside a basket are harmless).
 * @param antecedent tokens of X (non-empty).
 * @param consequent tokens of Y (non-empty, disjoint from X).
 * @returns the {@link RuleCount}.
 * @throws Error when a side is empty or the sides overlap, or `baskets` is empty.
 * @example
 * ```ts
 * countRule([["a", "b"], ["a"], ["b"], []], ["a"], ["b"]);
 * // { n: 4, antecedentCount: 2, consequentCount: 2, bothCount: 1, support: 0.25, confidence: 0.5, lift: 1 }
 * ```
 */
export function countRule(
  baskets: ReadonlyArray<ReadonlyArray<string>>,
  antecedent: readonly string[],
  consequent: readonly string[],
): RuleCount {
  if (baskets.length === 0) throw new Error("countRule: baskets is empty");
  if (antecedent.length === 0 || consequent.length === 0) throw new Error("countRule: antecedent and consequent must each have at least one token");
  const x = new Set(antecedent);
  const y = new Set(consequent);
  for (const t of y) if (x.has(t)) throw new Error(`countRule: token ${JSON.stringify(t)} is on both sides`);
  let ante = 0;
  let cons = 0;
  let both = 0;
  for (const basket of baskets) {
    const set = new Set(basket);
    let hasX = true;
    for (const t of x) if (!set.has(t)) hasX = false;
    let hasY = true;
    for (const t of y) if (!set.has(t)) hasY = false;
    if (hasX) ante++;
    if (hasY) cons++;
    if (hasX && hasY) both++;
  }
  const n = baskets.length;
  const confidence = ante > 0 ? both / ante : NaN;
  return {
    n,
    antecedentCount: ante,
    consequentCount: cons,
    bothCount: both,
    support: both / n,
    confidence,
    lift: cons > 0 ? confidence / (cons / n) : NaN,
  };
}
