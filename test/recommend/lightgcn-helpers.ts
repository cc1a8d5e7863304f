import type pl from "nodejs-polars";

/** Recall@k of a recommendation frame against held-out (user, item) pairs, averaged over users with held-out items. */
export function evaluateRecall(recs: pl.DataFrame, truth: pl.DataFrame): number {
  const want = new Map<string, Set<string>>();
  for (const r of truth.toRecords() as { user: string; item: string }[]) {
    if (!want.has(r.user)) want.set(r.user, new Set());
    want.get(r.user)!.add(r.item);
  }
  const hits = new Map<string, number>();
  for (const r of recs.toRecords() as { user: string; item: string }[]) if (want.get(r.user)?.has(r.item)) hits.set(r.user, (hits.get(r.user) ?? 0) + 1);
  let sum = 0;
  for (const [u, items] of want) sum += (hits.get(u) ?? 0) / items.size;
  return sum / want.size;
}
