/**
 * Binary search: whether the ascending slice `a[lo, hi)` holds `x`. O(log(hi − lo)).
 *
 * @param a an array ascending on `[lo, hi)` (e.g. one CSR row's column indices).
 * @param lo first position of the slice.
 * @param hi end of the slice (exclusive).
 * @param x the value sought.
 * @example
 * ```ts
 * sortedContains(Int32Array.of(1, 4, 9, 2), 0, 3, 4); // true
 * sortedContains(Int32Array.of(1, 4, 9, 2), 0, 3, 2); // false (2 lies outside the slice)
 * ```
 */
export function sortedContains(a: ArrayLike<number>, lo: number, hi: number, x: number): boolean {
  hi--;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = a[mid];
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
