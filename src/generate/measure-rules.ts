import type { MeasureTable } from "./measure-table";
import { matchesDay, type CompiledContextRule, type CompiledSequenceRule } from "./sim-context";
import type { RuleRealised } from "./truth";

const r6 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : 0);

function realised(antecedentCount: number, bothCount: number, baseRate: number, checkIns: number): RuleRealised {
  const confidence = antecedentCount ? bothCount / antecedentCount : 0;
  return {
    antecedentCount,
    bothCount,
    confidence: r6(confidence),
    baseRate: r6(baseRate),
    lift: r6(baseRate > 0 ? confidence / baseRate : 0),
    support: r6(checkIns ? bothCount / checkIns : 0),
  };
}

/**
 * Realised strength of a context rule over the valid check-ins:
 * confidence = P(category = B | day kind, local hour in range, region), base rate = P(category = B),
 * lift = confidence / base rate, support = P(context and B).
 *
 * @example
 * ```ts
 * contextRuleRealised(tab, compiled[0]).confidence; // ≈ 0.6
 * ```
 */
export function contextRuleRealised(tab: MeasureTable, rule: CompiledContextRule): RuleRealised {
  let checkIns = 0;
  let withB = 0;
  let ante = 0;
  let both = 0;
  for (let i = 0; i < tab.n; i++) {
    if (tab.buy[i]) continue;
    checkIns++;
    const isB = tab.cat[i] === rule.cat;
    if (isB) withB++;
    if (tab.region[i] !== rule.region || tab.hour[i] < rule.h0 || tab.hour[i] > rule.h1 || !matchesDay(rule.dayKind, tab.dow[i])) continue;
    ante++;
    if (isB) both++;
  }
  return realised(ante, both, checkIns ? withB / checkIns : 0, checkIns);
}

/**
 * Realised strength of a sequence rule A → B over the valid check-ins. An eligible check-in is
 * one on the rule's day kind within its antecedent hours (local). confidence = share of eligible
 * A check-ins followed by a B check-in of the same user within (0, maxGap]; base rate = the same
 * share for eligible check-ins of any other category; lift = confidence / base rate.
 *
 * @example
 * ```ts
 * sequenceRuleRealised(tab, compiled[0]).confidence; // ≈ 0.6 (Gym → Coffee Shop within 2 h)
 * ```
 */
export function sequenceRuleRealised(tab: MeasureTable, rule: CompiledSequenceRule): RuleRealised {
  let checkIns = 0;
  let ante = 0;
  let both = 0;
  let others = 0;
  let othersB = 0;
  for (const list of tab.checkInsByUser) {
    checkIns += list.length;
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (tab.hour[i] < rule.h0 || tab.hour[i] > rule.h1 || !matchesDay(rule.dayKind, tab.dow[i])) continue;
      let followed = false;
      for (let j = k + 1; j < list.length && tab.t[list[j]] - tab.t[i] <= rule.maxGapMs; j++) {
        if (tab.t[list[j]] > tab.t[i] && tab.cat[list[j]] === rule.b) {
          followed = true;
          break;
        }
      }
      if (tab.cat[i] === rule.a) {
        ante++;
        if (followed) both++;
      } else {
        others++;
        if (followed) othersB++;
      }
    }
  }
  return realised(ante, both, others ? othersB / others : 0, checkIns);
}
