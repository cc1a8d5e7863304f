/**
 * `npx tsx scripts/train-bpr-gowalla.ts [--dim 64] [--lr 0.05] [--reg 0.01] [--epochs 100] [--eval-every 10]
 *   [--eval-users N] [--validate 0.1] [--neg 1] [--seed 42] [--out bench/results/bpr-gowalla.json]`
 *
 * `--neg c` > 1 uses the highest-scoring of c uniform negatives (dynamic negative sampling).
 *
 * BPR-MF (src/recommend/bpr-train.ts: SGD, one uniform negative per positive) on the Gowalla
 * split of the LightGCN authors (`$DATA_DIR/gowalla_lightgcn/`), evaluated with their protocol
 * (full ranking, training items left out, Recall@20 / NDCG@20) every `--eval-every` epochs.
 *
 * - With `--validate f`, a share f of every user's *training* items is held out
 *   (`holdOutEntries`, seeded) and the model is scored on it: this is the tuning run, and the
 *   test file is not read.
 * - Without it, the model trains on all of train.txt and is scored on test.txt.
 *
 * The curve, settings and command are written to `--out` after every evaluation.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { cpus } from "node:os";
import { holdOutEntries } from "../src/graph/hold-out-entries";
import { readUserItemLists } from "../src/graph/read-user-item-lists";
import { bprEpoch, initFactors, rowOfEntries } from "../src/recommend/bpr-train";
import { fullRankingEval, sampleTruthUsers } from "../src/recommend/lightgcn-eval";
import { createRng } from "../src/util/rng";
import { cliArgs, gowallaSplitDir } from "./cli-args";

const root = resolve(__dirname, "..");
const cli = cliArgs(process.argv.slice(2));
const { args, num } = cli;
const o = { dim: num("dim", 64), lr: num("lr", 0.05), reg: num("reg", 0.01), epochs: num("epochs", 100), evalEvery: num("eval-every", 10), validate: num("validate", 0), seed: num("seed", 42), initStd: num("init-std", 0.1), negCandidates: num("neg", 1) };
const evalUsersN = cli.flag("eval-users") ? num("eval-users", 0) : 0;
const out = resolve(root, cli.opt("out", "bench/results/bpr-gowalla.json"));
const dataDir = gowallaSplitDir(root);

const full = readUserItemLists(join(dataDir, "train.txt"));
const { train, truth } = o.validate > 0
  ? (() => { const s = holdOutEntries(full, o.validate, o.seed); return { train: s.kept, truth: s.held }; })()
  : { train: full, truth: readUserItemLists(join(dataDir, "test.txt"), { nUsers: full.nRows, nItems: full.nCols }) };
const users = evalUsersN > 0 ? sampleTruthUsers(truth, evalUsersN, o.seed) : undefined;
console.log(`${o.validate > 0 ? `tuning: ${o.validate} of train held out` : "train.txt → test.txt"}; ${train.indptr[train.nRows]} training pairs, ${truth.indptr[truth.nRows]} scored; settings ${JSON.stringify(o)}`);

const rng = createRng(o.seed);
const f = initFactors(train.nRows, train.nCols, o.dim, o.initStd, rng);
const rowOf = rowOfEntries(train);
const curve: Record<string, number>[] = [];
const command = `npx tsx scripts/train-bpr-gowalla.ts ${args.join(" ")}`.trim();
let trainSeconds = 0;
for (let epoch = 1; epoch <= o.epochs; epoch++) {
  const t = performance.now();
  const loss = bprEpoch(train, rowOf, f, { learningRate: o.lr, reg: o.reg, negCandidates: o.negCandidates }, rng);
  const seconds = (performance.now() - t) / 1000;
  trainSeconds += seconds;
  const row: Record<string, number> = { epoch, loss, seconds };
  if (epoch % o.evalEvery === 0 || epoch === o.epochs) {
    const e = performance.now();
    const r = fullRankingEval(f.users, f.items, o.dim, train, truth, { k: 20, users });
    Object.assign(row, { "recall@20": r["recall@20"], "ndcg@20": r["ndcg@20"], evalSeconds: (performance.now() - e) / 1000 });
    console.log(`epoch ${epoch}: loss ${loss.toFixed(4)} (${seconds.toFixed(1)} s) recall@20 ${r["recall@20"].toFixed(4)} ndcg@20 ${r["ndcg@20"].toFixed(4)}`);
    curve.push(row);
    const best = curve.filter((c) => c["recall@20"] !== undefined).reduce((a, b) => (b["recall@20"] > a["recall@20"] ? b : a));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify({
      model: "BPR-MF (src/recommend/bpr-train.ts: SGD over every training pair once per epoch, one negative: uniform, or the best-scored of --neg uniform draws; L2 on the triple's rows)",
      data: o.validate > 0 ? `Gowalla train.txt, ${o.validate} of each user's items held out for validation (seed ${o.seed})` : "Gowalla, LightGCN split: train.txt → test.txt",
      protocol: "full ranking over all items, training items excluded, Recall@20 = hits/|truth|, NDCG@20 binary relevance; averaged over users with truth items",
      settings: { ...o, evalUsers: evalUsersN || "all" },
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
      command,
      trainSecondsPerEpoch: trainSeconds / epoch,
      best: { epoch: best.epoch, recall20: best["recall@20"], ndcg20: best["ndcg@20"] },
      curve,
    }, null, 1));
  } else if (epoch % 5 === 0) console.log(`epoch ${epoch}: loss ${loss.toFixed(4)} (${seconds.toFixed(1)} s)`);
}
