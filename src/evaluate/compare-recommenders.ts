import pl from "nodejs-polars";
import type { Recommender } from "../recommend/recommender";
import { COL } from "../schema";
import { evaluate, type EvaluateContext } from "./evaluate";
import { excludePairs } from "./exclude-pairs";
import { validateProtocol, type EvalProtocol } from "./protocol";
import { sampleCandidates } from "./sample-candidates";

/** Options of {@link compareRecommenders}. */
export interface CompareRecommendersOptions {
  /** `fit` options per model name (e.g. `{ "BPR-MF": { validation: valid } }`). Default: none. */
  fitOptions?: Record<string, unknown>;
  /** Users to recommend for. Default: every user of `test`. */
  users?: readonly string[];
  /**
   * Extra (user, item) pairs masked from the rankings besides the training items, e.g. the
   * validation items at test time (RecBole's convention). Default: none.
   */
  mask?: pl.DataFrame;
  /** Extra evaluation context (item categories, catalogue size). `train` is always the training frame. */
  context?: Omit<EvaluateContext, "train" | "candidates">;
  /** Called after each model with its result row. Default: none. */
  onModel?: (row: Record<string, number | string>) => void;
}

const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;
/** Lets pending I/O run between long synchronous steps (test runners, notebook kernels). */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Fits, recommends and evaluates each model under one protocol and returns one row per model:
 * `model`, every `metric@k` of the protocol, then `fit_s`, `recommend_s`, `evaluate_s`
 * (wall-clock seconds). With a sampled-candidate protocol the candidates are drawn once
 * (`sampleCandidates`) and shared by all models. Print `describeProtocol(protocol)` beside it.
 *
 * @param models recommenders (use `withOptions` for variants).
 * @param train training events.
 * @param test held-out events (the truth).
 * @param protocol the evaluation protocol.
 * @param options see {@link CompareRecommendersOptions}.
 * @returns the results frame, in model order.
 * @example
 * ```ts
 * const table = await compareRecommenders([popularity, itemKnn, bprMf], train, test, protocol, { fitOptions: { "BPR-MF": { validation: valid } } });
 * showTable(table); describeProtocol(protocol);
 * ```
 */
export async function compareRecommenders(
  // any: each model has its own option and model types; the loop only passes them through
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  models: readonly Recommender<any, any>[],
  train: pl.DataFrame,
  test: pl.DataFrame,
  protocol: EvalProtocol,
  options: CompareRecommendersOptions = {},
): Promise<pl.DataFrame> {
  validateProtocol(protocol);
  const users = options.users ?? (test.getColumn(COL.user).cast(pl.Utf8).unique().sort().toArray() as string[]);
  const candidates =
    protocol.candidates === "all" ? undefined : sampleCandidates(test, train, { n: protocol.candidates.sampled, seed: protocol.candidates.seed });
  const k = Math.max(...protocol.k);
  let extra = 0;
  if (options.mask && options.mask.height > 0) {
    const counts = options.mask.groupBy(COL.user).agg(pl.col(COL.item).nUnique().alias("n"));
    extra = Number(counts.getColumn("n").max());
  }
  const rows: Record<string, number | string>[] = [];
  for (const model of models) {
    let t0 = process.hrtime.bigint();
    const fitted = await model.fit(train, options.fitOptions?.[model.name]);
    const fitS = seconds(t0);
    await breathe();
    t0 = process.hrtime.bigint();
    let recs = model.recommend(fitted, users, { k: k + extra, candidates });
    if (options.mask) recs = excludePairs(recs, options.mask, { k });
    const recommendS = seconds(t0);
    await breathe();
    t0 = process.hrtime.bigint();
    const scores = evaluate(test, recs, protocol, { ...options.context, train, candidates });
    const row = { model: model.name, ...scores, fit_s: fitS, recommend_s: recommendS, evaluate_s: seconds(t0) };
    rows.push(row);
    options.onModel?.(row);
    await breathe();
  }
  const columns = rows.length ? Object.keys(rows[0]) : ["model"];
  return pl.DataFrame(Object.fromEntries(columns.map((c) => [c, rows.map((r) => r[c])])));
}
