import { BACKEND_ORDER, parseBackendRequest, type BackendName } from "./backend-name";
import { DEFAULT_LOADERS, tfjsInstance, type BackendLoader, type Tf } from "./backend-loaders";

/**
 * One backend `initTf` tried, in order.
 *
 * @example
 * ```ts
 * (await initTf()).tried; // [{ name: "tensorflow-gpu", ok: false, error: "cannot load …" }, …, { name: "wasm", ok: true }]
 * ```
 */
export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  /** First line of the reason it could not load (only when `ok` is false). */
  error?: string;
}

/**
 * The active TensorFlow.js runtime, as returned by {@link initTf}.
 *
 * @example
 * ```ts
 * const info: TfInfo = await initTf();
 * info.backend; // "wasm"
 * ```
 */
export interface TfInfo {
  /** The shared `@tensorflow/tfjs` namespace, now running on `backend`. */
  tf: Tf;
  /** The backend that is active. */
  backend: BackendName;
  /** Where kernels run. */
  device: "GPU" | "CPU";
  /** Threads the backend uses (`null`: libtensorflow manages its own pool). */
  threads: number | null;
  /** Short facts such as `"SIMD"` or `"pure JS"`, for {@link describeBackend}. */
  features: string[];
  /** TensorFlow.js version, e.g. `"4.22.0"`. */
  version: string;
  /** Every backend tried, in order, with the reason of each failure. */
  tried: BackendAttempt[];
}

/**
 * Options of {@link initTf}.
 *
 * @example
 * ```ts
 * await initTf({ backend: "cpu" });
 * await initTf({ env: { TF_BACKEND: "wasm" } });
 * ```
 */
export interface InitTfOptions {
  /**
   * Force one backend; if it cannot load, `initTf` throws with the reason (no fallback).
   * Default: unset, which means the `TF_BACKEND` variable if set, else the first that loads of
   * `tensorflow-gpu`, `tensorflow`, `wasm`, `cpu`. The option wins over `TF_BACKEND`.
   */
  backend?: BackendName;
  /** Environment to read `TF_BACKEND` from (values `gpu|node|wasm|cpu`). Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Replace loaders (tests). Default: the real loaders, {@link DEFAULT_LOADERS}. */
  loaders?: Partial<Record<BackendName, BackendLoader>>;
  /** The tfjs namespace handed to the loaders. Default: the project's `@tensorflow/tfjs`. */
  tf?: Tf;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

/**
 * Chooses and activates the fastest TensorFlow.js backend available at run time.
 *
 * Order: `tensorflow-gpu` (npm alias `tfjs-node-gpu-native`), `tensorflow` (`tfjs-node-native`),
 * `wasm` (SIMD, from `@tensorflow/tfjs-backend-wasm`), `cpu` (pure JS). The native packages
 * are optional dependencies and are absent offline, so `wasm` is the usual result here.
 * `TF_BACKEND=gpu|node|wasm|cpu` or `options.backend` forces one backend; a forced backend
 * that cannot load throws an error carrying the reason. All backends share one
 * `@tensorflow/tfjs` instance, returned as `tf`.
 *
 * Calling it again is cheap and switches the active backend if another one is asked for.
 *
 * @param options see {@link InitTfOptions}
 * @returns `{ tf, backend, device, threads, features, version, tried }`
 * @example
 * ```ts
 * const rt = await initTf();                  // wasm here; tensorflow-gpu on a CUDA box
 * console.log(describeBackend(rt));           // "TensorFlow.js 4.22.0 backend wasm (SIMD, 1 thread) on CPU"
 * const { tf } = rt;
 * const y = tf.tidy(() => tf.ones([2, 2]).matMul(tf.ones([2, 2])));
 * await initTf({ backend: "cpu" });           // force the reference backend
 * ```
 */
export async function initTf(options: InitTfOptions = {}): Promise<TfInfo> {
  const env = options.env ?? process.env;
  const tf = options.tf ?? tfjsInstance;
  const loaders: Record<BackendName, BackendLoader> = { ...DEFAULT_LOADERS, ...options.loaders };
  const forced =
    options.backend !== undefined
      ? parseBackendRequest(options.backend, "initTf option 'backend'")
      : parseBackendRequest(env.TF_BACKEND, "TF_BACKEND");
  const candidates: readonly BackendName[] = forced ? [forced] : BACKEND_ORDER;
  const tried: BackendAttempt[] = [];
  for (const name of candidates) {
    try {
      const load = await loaders[name](tf);
      tried.push({ name, ok: true });
      return { tf, backend: name, ...load, version: tf.version.tfjs, tried };
    } catch (e) {
      tried.push({ name, ok: false, error: firstLine(e) });
    }
  }
  const why = tried.map((t) => `${t.name}: ${t.error}`).join("; ");
  if (forced) {
    const source = options.backend !== undefined ? "option backend" : `TF_BACKEND=${env.TF_BACKEND}`;
    throw new Error(`TensorFlow.js backend '${forced}' was forced (${source}) but could not load: ${why}`);
  }
  throw new Error(`no TensorFlow.js backend could load: ${why}`);
}
