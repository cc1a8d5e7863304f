/**
 * The FP-Growth recursion on arena trees: for each item of a tree (least frequent first), its
 * conditional pattern base is counted by walking up the item's node list, items as frequent
 * as the prefix are folded in as perfect extensions, and the conditional tree of the others
 * is built by copying the ancestors (each copied once, merged where skipped items made two
 * paths equal). A tree that is a single path is enumerated directly. The first level is
 * projected either from a global tree or straight from the transactions (see fp-first-level).
 */
import { FpArena, linkTree } from "./fp-tree";
import type { ItemsetSink } from "./itemset-sink";

/** `aux` of a node not visited by the current build. */
const UNSEEN = -1;
/** `aux` of a node whose kept ancestors are none: the new tree's root. */
const ROOT = -2;

/**
 * Recursion state shared by the first level and the tree levels. Fields are used by
 * fp-first-level.ts; nothing here is public API.
 * @internal
 * @example
 * ```ts
 * const miner = new FpMiner(tx.items.length, 1024, 2, Infinity, sink);
 * miner.mineTree(tree.nodeStart, tree.nodeEnd, tree.itemStart, tree.k, 0);
 * ```
 */
export class FpMiner {
  readonly A: FpArena;
  /** Items (global codes) of the current prefix. */
  readonly prefix: Int32Array;
  /** Perfect extensions of the current prefix (global codes), `pe[0 .. peLen)`. */
  readonly pe: Int32Array;
  peLen = 0;
  /** Scratch: conditional counts by local item (all zero between uses). */
  readonly cond: Int32Array;
  /** Scratch: local code in the tree being built, −1 for dropped items. */
  readonly map: Int32Array;
  readonly stack: Int32Array;
  readonly rootChild: Int32Array;
  touched: Int32Array;
  /** First node of the tree the last `project` built. */
  treeStart = 0;

  constructor(
    nItems: number,
    nodeCapacity: number,
    readonly minCount: number,
    readonly maxLen: number,
    readonly sink: ItemsetSink,
  ) {
    this.A = new FpArena(nodeCapacity, 4 * nItems + 16);
    this.prefix = new Int32Array(nItems + 1);
    this.pe = new Int32Array(nItems + 1);
    this.cond = new Int32Array(nItems + 1);
    this.map = new Int32Array(nItems + 1);
    this.stack = new Int32Array(nItems + 1);
    this.rootChild = new Int32Array(nItems + 1).fill(-1);
    this.touched = new Int32Array(1024);
  }

  /** Mines a tree given the prefix length `depth` (single path: enumerated directly). */
  mineTree(ns: number, ne: number, is: number, k: number, depth: number): void {
    if (this.isSinglePath(ns, ne, k)) this.emitPath(ns, k, is, depth);
    else this.mine(ns, ne, is, k, depth);
  }

  private isSinglePath(ns: number, ne: number, k: number): boolean {
    if (ne - ns !== k) return false;
    const parent = this.A.parent;
    if (parent[ns] !== -1) return false;
    for (let v = ns + 1; v < ne; v++) if (parent[v] !== v - 1) return false;
    return true;
  }

  /** Every subset of a single-path tree (nodes ns .. ns + q − 1, root first) after prefix[0 .. L). */
  private emitPath(ns: number, q: number, is: number, L: number): void {
    const { item, count, gcode } = this.A;
    const pe0 = this.peLen;
    for (let j = 0; j < q; j++) {
      this.prefix[L] = gcode[is + item[ns + j]];
      this.peLen = pe0;
      for (let s = 0; s < j; s++) this.pe[this.peLen++] = gcode[is + item[ns + s]];
      this.sink.emit(this.prefix, L + 1, count[ns + j], this.pe, this.peLen);
    }
    this.peLen = pe0;
  }

  private mine(ns: number, ne: number, is: number, k: number, depth: number): void {
    const A = this.A;
    const L = depth + 1;
    for (let i = k - 1; i >= 0; i--) {
      const s = A.supp[is + i];
      this.prefix[depth] = A.gcode[is + i];
      if (L >= this.maxLen || i === 0) {
        this.sink.emit(this.prefix, L, s, this.pe, this.peLen);
        continue;
      }
      const pe0 = this.peLen;
      const nodeBase = A.used;
      const itemBase = A.itemsUsed;
      const newK = this.project(ns, ne, is, i, s);
      this.sink.emit(this.prefix, L, s, this.pe, this.peLen);
      if (newK > 0) this.mineTree(this.treeStart, A.used, itemBase, newK, L);
      A.used = nodeBase;
      A.itemsUsed = itemBase;
      this.peLen = pe0;
    }
  }

  /**
   * Sorts the items j < i after their conditional counts `cond[j]` (which it resets): a count
   * equal to the prefix's support `s` makes j a perfect extension (pushed on `pe`), a count
   * ≥ minCount keeps it (new local code in `map`, item table appended to the arena), the rest
   * is dropped. `gcodeOf(j)` gives j's global code. Returns the number of kept items.
   */
  classify(i: number, s: number, gcodeOf: (j: number) => number): number {
    const A = this.A;
    A.ensureItems(i);
    const newIs = A.itemsUsed;
    const { supp, gcode, head } = A;
    const { cond, map, minCount } = this;
    let newK = 0;
    for (let j = 0; j < i; j++) {
      const c = cond[j];
      cond[j] = 0;
      if (c === s) {
        this.pe[this.peLen++] = gcodeOf(j);
        map[j] = -1;
      } else if (c >= minCount) {
        map[j] = newK;
        gcode[newIs + newK] = gcodeOf(j);
        supp[newIs + newK] = c;
        head[newIs + newK] = -1;
        newK++;
      } else map[j] = -1;
    }
    A.itemsUsed += newK;
    return newK;
  }

  /**
   * Builds the conditional tree of local item i (support s) of the tree at (ns, ne, is) and
   * pushes its perfect extensions; returns the number of items of the new tree (0: none).
   * Pass 1 walks up from each of i's nodes to count the conditional pattern base; pass 2
   * copies the kept ancestors, remembering for every node passed its copy (or that of its
   * nearest kept ancestor), so no node is visited twice.
   */
  private project(ns: number, ne: number, is: number, i: number, s: number): number {
    const A = this.A;
    const cond = this.cond;
    let pathSum = 0;
    const { item, parent, count, next } = A;
    for (let n = A.head[is + i]; n >= 0; n = next[n]) {
      const w = count[n];
      for (let p = parent[n]; p >= 0; p = parent[p]) {
        cond[item[p]] += w;
        pathSum++;
      }
    }
    if (pathSum === 0) return 0;
    const gcode = A.gcode;
    const newIs = A.itemsUsed;
    const newK = this.classify(i, s, (j) => gcode[is + j]);
    if (newK === 0) return 0;
    const bound = Math.min(pathSum, ne - ns);
    A.ensureNodes(bound);
    if (this.touched.length < bound) this.touched = new Int32Array(Math.max(bound, this.touched.length * 2));
    this.build(is, i, newIs, newK);
    return newK;
  }

  /** Pass 2 of {@link project}: the conditional tree, appended to the arena. */
  private build(is: number, i: number, newIs: number, newK: number): void {
    const A = this.A;
    const { item, parent, count, next, aux, child, sibling } = A;
    const { map, stack, rootChild, touched } = this;
    let nTouched = 0;
    const base = A.used;
    let used = base;
    for (let n = A.head[is + i]; n >= 0; n = next[n]) {
      const p = parent[n];
      if (p < 0) continue;
      let v = aux[p];
      if (v === UNSEEN) {
        // visit the unseen ancestors of p, then copy the kept ones top-down
        let sp = 0;
        let x = p;
        while (x >= 0 && aux[x] === UNSEEN) {
          stack[sp++] = x;
          x = parent[x];
        }
        let up = x >= 0 ? aux[x] : ROOT;
        while (sp > 0) {
          x = stack[--sp];
          const c = map[item[x]];
          if (c >= 0) {
            let w = up === ROOT ? rootChild[c] : child[up];
            if (up !== ROOT) while (w >= 0 && item[w] !== c) w = sibling[w];
            if (w < 0) {
              w = used++;
              item[w] = c;
              count[w] = 0;
              child[w] = -1;
              aux[w] = UNSEEN;
              if (up === ROOT) {
                parent[w] = -1;
                rootChild[c] = w;
                sibling[w] = -1;
              } else {
                parent[w] = up;
                sibling[w] = child[up];
                child[up] = w;
              }
            }
            up = w;
          }
          aux[x] = up;
          touched[nTouched++] = x;
        }
        v = up;
      }
      if (v !== ROOT) count[v] += count[n];
    }
    for (let t = 0; t < nTouched; t++) aux[touched[t]] = UNSEEN;
    for (let c = 0; c < newK; c++) rootChild[c] = -1;
    A.used = used;
    linkTree(A, base, used, newIs);
    this.treeStart = base;
  }
}
