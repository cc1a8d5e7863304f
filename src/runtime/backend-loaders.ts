import * as tf from "@tensorflow/tfjs";
import { getThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import * as path from "path";
import type { BackendName } from "./backend-name";

/**
 * The TensorFlow.js namespace every backend shares (one `@tensorflow/tfjs` instance).
 *
 * @example
 * ```ts
 * function mean(tf: Tf, xs: number[]): number { return tf.tidy(() => tf.tensor1d(xs).mean().dataSync()[0]); }
 * ```
 */
export type Tf = typeof tf;

/**
 * What a loader reports once its backend is active.
 *
 * @example
 * ```ts
 * const load: BackendLoad = { device: "CPU", threads: 1, features: ["SIMD"] };
 * ```
 */
export interface BackendLoad {
  /** Where the kernels run. */
  device: "GPU" | "CPU";
  /** Worker threads the backend uses, or `null` when libtensorflow manages its own pool. */
  threads: number | null;
  /** Short facts for {@link describeBackend}, e.g. `["SIMD"]`, `["pure JS"]`, `["CUDA"]`. */
  features: string[];
}

/**
 * Makes one backend the active one (`tf.setBackend` + `await tf.ready()`) or throws with the
 * reason. Loaders are injected into `initTf` in tests, so the selection logic is testable
 * without native packages.
 *
 * @example
 * ```ts
 * const failing: BackendLoader = async () => { throw new Error("not here"); };
 * await initTf({ loaders: { "tensorflow-gpu": failing } });
 * ```
 */
export type BackendLoader = (tfjs: Tf) => Promise<BackendLoad>;

/**
 * npm alias names under which the native packages are (optionally) installed.
 *
 * @example
 * ```ts
 * NATIVE_PACKAGES.tensorflow; // "tfjs-node-native"
 * ```
 */
export const NATIVE_PACKAGES = {
  "tensorflow-gpu": "tfjs-node-gpu-native",
  tensorflow: "tfjs-node-native",
} as const;

function errorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0];
}

async function activate(tfjs: Tf, name: string): Promise<void> {
  const ok = await tfjs.setBackend(name);
  if (!ok) throw new Error(`tf.setBackend('${name}') returned false (its initialisation failed; see the warning above)`);
  await tfjs.ready();
  if (tfjs.getBackend() !== name) throw new Error(`backend '${name}' did not become active (got '${tfjs.getBackend()}')`);
}

function nativeLoader(kind: "tensorflow-gpu" | "tensorflow"): BackendLoader {
  return async (tfjs) => {
    const alias = NATIVE_PACKAGES[kind];
    try {
      // The native package registers the 'tensorflow' backend on the shared @tensorflow/tfjs
      // instance as a side effect of being required. It is an optionalDependency: absent offline.
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      require(alias);
    } catch (e) {
      throw new Error(`cannot load '${alias}' (npm alias of @tensorflow/${kind === "tensorflow" ? "tfjs-node" : "tfjs-node-gpu"}): ${errorText(e)}`);
    }
    await activate(tfjs, "tensorflow");
    const backend = tfjs.backend() as unknown as { isUsingGpuDevice?: boolean };
    const gpu = backend.isUsingGpuDevice === true;
    if (kind === "tensorflow-gpu" && !gpu) {
      throw new Error(`'${alias}' loaded but libtensorflow sees no GPU (needs CUDA 11.2 + cuDNN 8.1 and a visible device)`);
    }
    return { device: gpu ? "GPU" : "CPU", threads: null, features: gpu ? ["libtensorflow", "CUDA"] : ["libtensorflow"] };
  };
}

/**
 * Directory (with trailing separator) that holds the `.wasm` binaries of the wasm backend.
 *
 * @example
 * ```ts
 * wasmBinaryDir(); // "/…/node_modules/@tensorflow/tfjs-backend-wasm/dist/"
 * ```
 */
export function wasmBinaryDir(): string {
  const file = require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm");
  return path.dirname(file) + path.sep;
}

const loadWasm: BackendLoader = async (tfjs) => {
  // Under Node the binaries are read from disk: point the backend at its own dist folder.
  setWasmPaths(wasmBinaryDir());
  await activate(tfjs, "wasm");
  const simd = tfjs.env().getBool("WASM_HAS_SIMD_SUPPORT") === true;
  return { device: "CPU", threads: getThreadsCount(), features: [simd ? "SIMD" : "no SIMD"] };
};

const loadCpu: BackendLoader = async (tfjs) => {
  await activate(tfjs, "cpu");
  return { device: "CPU", threads: 1, features: ["pure JS"] };
};

/**
 * The real loaders, one per backend name.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * const load = await DEFAULT_LOADERS.wasm(tf); // { device: "CPU", threads: 1, features: ["SIMD"] }
 * ```
 */
export const DEFAULT_LOADERS: Readonly<Record<BackendName, BackendLoader>> = {
  "tensorflow-gpu": nativeLoader("tensorflow-gpu"),
  tensorflow: nativeLoader("tensorflow"),
  wasm: loadWasm,
  cpu: loadCpu,
};

/**
 * The shared `@tensorflow/tfjs` namespace.
 *
 * @example
 * ```ts
 * tfjsInstance.getBackend(); // e.g. "wasm" after initTf()
 * ```
 */
export const tfjsInstance: Tf = tf;
