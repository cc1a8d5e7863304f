import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * `--name value` / `--flag` command-line options of the training scripts and benchmarks.
 *
 * @example
 * ```ts
 * const cli = cliArgs(process.argv.slice(2));
 * const epochs = cli.num("epochs", 20);             // --epochs 40 → 40
 * const out = cli.opt("out", "bench/results/x.json");
 * if (cli.flag("resume")) { ... }
 * ```
 */
export interface CliArgs {
  /** The raw arguments. */
  args: readonly string[];
  /** True when `--name` is present. */
  flag(name: string): boolean;
  /** The value after `--name`, or `fallback` when the option is absent; throws when it is given without a value. */
  opt(name: string, fallback: string): string;
  /** The finite number after `--name`, or `fallback`; throws naming the option otherwise. */
  num(name: string, fallback: number): number;
}

/**
 * Parses `args` lazily (each accessor looks its option up).
 *
 * @example
 * ```ts
 * cliArgs(["--lr", "0.05", "--resume"]).num("lr", 0.001); // 0.05
 * ```
 */
export function cliArgs(args: readonly string[]): CliArgs {
  const opt = (name: string, fallback: string): string => {
    const i = args.indexOf(`--${name}`);
    if (i < 0) return fallback;
    if (i + 1 >= args.length) throw new Error(`--${name} needs a value`);
    return args[i + 1];
  };
  return {
    args,
    flag: (name) => args.includes(`--${name}`),
    opt,
    num: (name, fallback) => {
      const v = Number(opt(name, String(fallback)));
      if (!Number.isFinite(v)) throw new Error(`--${name} must be a number, got ${opt(name, "")}`);
      return v;
    },
  };
}

/**
 * The LightGCN authors' Gowalla split folder, `$DATA_DIR/gowalla_lightgcn` (DATA_DIR defaults to
 * `../shared/data` beside the project). Exits with status 2 and a message when `train.txt` is missing.
 *
 * @example
 * ```ts
 * const dir = gowallaSplitDir(resolve(__dirname, "..")); // …/shared/data/gowalla_lightgcn
 * ```
 */
export function gowallaSplitDir(root: string): string {
  const dir = join(process.env.DATA_DIR ?? resolve(root, "..", "shared", "data"), "gowalla_lightgcn");
  if (!existsSync(join(dir, "train.txt"))) {
    console.error(`no Gowalla split in ${dir} (set DATA_DIR)`);
    process.exit(2);
  }
  return dir;
}
