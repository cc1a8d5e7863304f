/** Small timing helpers shared by the benchmarks. */

/** One measured case: what each benchmark prints as a JSON line. */
export type BenchCase = Record<string, string | number | boolean | null>;

/** Median of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs `fn` `repeats` times (after one warm-up unless `warmup` is false) and returns the median
 * seconds and the last result.
 */
export function timeIt<T>(fn: () => T, repeats = 3, warmup = true): { seconds: number; result: T } {
  if (warmup) fn();
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return { seconds: median(times), result };
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Prints the cases as the benchmark's last output: one JSON object per line. */
export function printCases(cases: BenchCase[]): void {
  for (const c of cases) console.log(JSON.stringify(c));
}

/** Rounds to `d` significant decimals for printing. */
export const round = (x: number, d = 3): number => Number(x.toFixed(d));
