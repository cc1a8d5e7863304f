import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LightGcnState } from "./lightgcn-state";
import { resolveLightGcnConfig } from "./lightgcn-state";

const FORMAT = "lightgcn-checkpoint/1";
const FILES = { json: "state.json", e0: "e0.f32", m: "adam-m.f32", v: "adam-v.f32", best: "best-e0.f32" } as const;

function writeAtomic(path: string, data: string | Uint8Array): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

const bytes = (a: Float32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function readF32(path: string, n: number): Float32Array {
  const buf = readFileSync(path);
  if (buf.byteLength !== n * 4) throw new Error(`checkpoint file ${path} has ${buf.byteLength} bytes, expected ${n * 4}`);
  const out = new Float32Array(n);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

/**
 * Writes a LightGCN state to `dir` (created if needed): `state.json` (config, sizes, step,
 * epoch, history, best epoch) plus raw little-endian float32 files for E0, the Adam moments and
 * the best E0. Each file is written to a temporary name and renamed, and `state.json` last, so
 * an interrupted save leaves the previous checkpoint loadable.
 *
 * @param dir checkpoint directory.
 * @param state the state to save (not modified).
 * @example
 * ```ts
 * trainLightGcn(graph, state, { epochs: 20, onEpoch: (_, s) => saveLightGcnCheckpoint("ckpt", s) });
 * ```
 */
export function saveLightGcnCheckpoint(dir: string, state: LightGcnState): void {
  mkdirSync(dir, { recursive: true });
  writeAtomic(join(dir, FILES.e0), bytes(state.e0));
  writeAtomic(join(dir, FILES.m), bytes(state.m));
  writeAtomic(join(dir, FILES.v), bytes(state.v));
  if (state.best) writeAtomic(join(dir, FILES.best), bytes(state.best.e0));
  const json = {
    format: FORMAT,
    config: state.config,
    nUsers: state.nUsers,
    nItems: state.nItems,
    dp: state.dp,
    step: state.step,
    epoch: state.epoch,
    history: state.history,
    best: state.best ? { epoch: state.best.epoch, value: state.best.value } : null,
  };
  writeAtomic(join(dir, FILES.json), JSON.stringify(json, null, 1));
}

/**
 * True when `dir` holds a checkpoint written by {@link saveLightGcnCheckpoint}.
 *
 * @example
 * ```ts
 * const state = hasLightGcnCheckpoint("ckpt") ? loadLightGcnCheckpoint("ckpt") : initLightGcnState(nU, nI);
 * ```
 */
export function hasLightGcnCheckpoint(dir: string): boolean {
  return existsSync(join(dir, FILES.json));
}

/**
 * Reads a state written by {@link saveLightGcnCheckpoint}; training it further gives the same
 * bits as an uninterrupted run.
 *
 * @param dir checkpoint directory.
 * @throws Error when a file is missing, of the wrong size, or of another format.
 * @example
 * ```ts
 * const state = loadLightGcnCheckpoint("ckpt");
 * trainLightGcn(graph, state, { epochs: state.epoch + 10 });
 * ```
 */
export function loadLightGcnCheckpoint(dir: string): LightGcnState {
  const path = join(dir, FILES.json);
  if (!existsSync(path)) throw new Error(`no LightGCN checkpoint in ${dir} (missing ${FILES.json})`);
  const j = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown> & { best: { epoch: number; value: number } | null };
  if (j.format !== FORMAT) throw new Error(`${path}: format ${JSON.stringify(j.format)}, expected ${FORMAT}`);
  const config = resolveLightGcnConfig(j.config as LightGcnState["config"]);
  const nUsers = j.nUsers as number;
  const nItems = j.nItems as number;
  const dp = j.dp as number;
  const size = (nUsers + nItems) * dp;
  return {
    config,
    nUsers,
    nItems,
    dp,
    e0: readF32(join(dir, FILES.e0), size),
    m: readF32(join(dir, FILES.m), size),
    v: readF32(join(dir, FILES.v), size),
    step: j.step as number,
    epoch: j.epoch as number,
    history: j.history as LightGcnState["history"],
    best: j.best ? { ...j.best, e0: readF32(join(dir, FILES.best), size) } : null,
  };
}
