/**
 * FP-trees in flat typed arrays. All trees of one mining run live in one arena used as a
 * stack: a conditional tree is appended after its parent and dropped (by resetting `used`)
 * once mined. Node fields are parallel `Int32Array`s; per-tree item tables (header list,
 * support, global code) live in a second arena. Node indices grow from parent to child in
 * every tree, so one backward sweep turns leaf weights into subtree counts.
 */
import type { Transactions } from "./transactions";

/**
 * The arena: node fields and per-tree item tables.
 * @example
 * ```ts
 * const arena = new FpArena(1024, 64);
 * arena.ensureNodes(5000); // grows; re-read arena.item etc. afterwards
 * ```
 */
export class FpArena {
  /** Local item code of each node (its tree's code). */
  item: Int32Array;
  /** Parent node, −1 under the (implicit) root. */
  parent: Int32Array;
  /** Count of transactions through the node. */
  count: Int32Array;
  /** Next node with the same item (header list). */
  next: Int32Array;
  /** Scratch per node: its copy in the conditional tree being built, −1 when none. */
  aux: Int32Array;
  /** First child (only maintained while a conditional tree is built). */
  child: Int32Array;
  /** Next sibling (idem). */
  sibling: Int32Array;
  /** Nodes in use. */
  used = 0;
  /** Per tree item tables: first node of the header list, support, global item code. */
  head: Int32Array;
  supp: Int32Array;
  gcode: Int32Array;
  /** Item slots in use. */
  itemsUsed = 0;

  constructor(nodeCapacity: number, itemCapacity: number) {
    const n = Math.max(16, nodeCapacity);
    this.item = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.count = new Int32Array(n);
    this.next = new Int32Array(n);
    this.aux = new Int32Array(n).fill(-1);
    this.child = new Int32Array(n);
    this.sibling = new Int32Array(n);
    const m = Math.max(16, itemCapacity);
    this.head = new Int32Array(m);
    this.supp = new Int32Array(m);
    this.gcode = new Int32Array(m);
  }

  /** Makes room for `extra` more nodes (reallocates: re-read the arrays afterwards). */
  ensureNodes(extra: number): void {
    const need = this.used + extra;
    if (need <= this.item.length) return;
    const cap = Math.max(need, Math.ceil(this.item.length * 1.5));
    const grow = (a: Int32Array, fill?: number): Int32Array => {
      const b = new Int32Array(cap);
      b.set(a.subarray(0, this.used));
      if (fill !== undefined) b.fill(fill, this.used);
      return b;
    };
    this.item = grow(this.item);
    this.parent = grow(this.parent);
    this.count = grow(this.count);
    this.next = grow(this.next);
    this.aux = grow(this.aux, -1);
    this.child = grow(this.child);
    this.sibling = grow(this.sibling);
  }

  /** Makes room for `extra` more item slots (reallocates: re-read the arrays afterwards). */
  ensureItems(extra: number): void {
    const need = this.itemsUsed + extra;
    if (need <= this.head.length) return;
    const cap = Math.max(need, this.head.length * 2);
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(cap);
      b.set(a.subarray(0, this.itemsUsed));
      return b;
    };
    this.head = grow(this.head);
    this.supp = grow(this.supp);
    this.gcode = grow(this.gcode);
  }
}

/**
 * A tree in the arena: nodes `[nodeStart, nodeEnd)`, items `[itemStart, itemStart + k)`.
 * @example
 * ```ts
 * const { nodeStart, nodeEnd, k } = buildGlobalTree(tx, 0, 10, arena);
 * ```
 */
export interface TreeRef {
  nodeStart: number;
  nodeEnd: number;
  itemStart: number;
  k: number;
}

/**
 * Builds the global FP-tree of the items with codes z .. nFreq − 1 (the frequent items that
 * are not in every transaction). Transactions come sorted, so the path shared with the
 * tree is exactly the prefix shared with the previous transaction: no child lookup.
 *
 * @param tx encoded transactions (sorted, as {@link Transactions} guarantees).
 * @param z first code in the tree (lower codes are in every transaction).
 * @param nFreq number of frequent codes.
 * @param arena the arena (the tree is appended).
 * @returns the tree; its local item j is global code z + j.
 * @example
 * ```ts
 * const tree = buildGlobalTree(tx, 0, 10, new FpArena(tx.data.length, tx.items.length));
 * ```
 */
export function buildGlobalTree(tx: Transactions, z: number, nFreq: number, arena: FpArena): TreeRef {
  const k = nFreq - z;
  arena.ensureItems(k);
  const itemStart = arena.itemsUsed;
  for (let j = 0; j < k; j++) {
    arena.head[itemStart + j] = -1;
    arena.supp[itemStart + j] = tx.itemCounts[z + j];
    arena.gcode[itemStart + j] = z + j;
  }
  arena.itemsUsed += k;
  const { data, offsets, weights } = tx;
  arena.ensureNodes(data.length);
  const { item, parent, count, aux } = arena;
  const nodeStart = arena.used;
  let used = nodeStart;
  const path = new Int32Array(k + 1); // node at each depth of the previous transaction
  let pathLen = 0;
  for (let t = 0; t < weights.length; t++) {
    const s = offsets[t] + z;
    const e = offsets[t + 1];
    let d = 0;
    while (d < pathLen && s + d < e && data[s + d] - z === item[path[d]]) d++;
    for (let p = s + d; p < e && data[p] < nFreq; p++) {
      const v = used++;
      item[v] = data[p] - z;
      parent[v] = d > 0 ? path[d - 1] : -1;
      count[v] = 0;
      aux[v] = -1;
      path[d++] = v;
    }
    pathLen = d;
    if (d > 0) count[path[d - 1]] += weights[t];
  }
  arena.used = used;
  linkTree(arena, nodeStart, used, itemStart);
  return { nodeStart, nodeEnd: used, itemStart, k };
}

/**
 * Turns leaf weights into subtree counts (one backward sweep: children follow parents) and
 * links every node into its item's header list.
 * @internal
 * @example
 * ```ts
 * linkTree(arena, start, arena.used, itemStart);
 * ```
 */
export function linkTree(arena: FpArena, nodeStart: number, nodeEnd: number, itemStart: number): void {
  const { item, parent, count, next, head } = arena;
  for (let v = nodeEnd - 1; v >= nodeStart; v--) {
    const p = parent[v];
    if (p >= 0) count[p] += count[v];
    const h = itemStart + item[v];
    next[v] = head[h];
    head[h] = v;
  }
}
