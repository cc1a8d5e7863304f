/**
 * The TensorFlow.js backends this project can run on, in the order `initTf` tries them.
 *
 * | name             | package (npm alias)                                   | runs on            |
 * |------------------|-------------------------------------------------------|--------------------|
 * | `tensorflow-gpu` | `tfjs-node-gpu-native` (= `@tensorflow/tfjs-node-gpu`) | CUDA GPU           |
 * | `tensorflow`     | `tfjs-node-native` (= `@tensorflow/tfjs-node`)         | CPU, libtensorflow |
 * | `wasm`           | `@tensorflow/tfjs-backend-wasm`                       | CPU, WASM + SIMD   |
 * | `cpu`            | `@tensorflow/tfjs` (pure JavaScript)                  | CPU                |
 *
 * @example
 * ```ts
 * BACKEND_ORDER; // ["tensorflow-gpu", "tensorflow", "wasm", "cpu"]
 * ```
 */
export const BACKEND_ORDER = ["tensorflow-gpu", "tensorflow", "wasm", "cpu"] as const;

/**
 * One of {@link BACKEND_ORDER}.
 *
 * @example
 * ```ts
 * const b: BackendName = "wasm";
 * ```
 */
export type BackendName = (typeof BACKEND_ORDER)[number];

/**
 * Short names accepted in the `TF_BACKEND` environment variable, mapped to backend names.
 * The long names (`tensorflow-gpu`, `tensorflow`) are accepted as well.
 *
 * @example
 * ```ts
 * TF_BACKEND_ALIASES.gpu; // "tensorflow-gpu"
 * ```
 */
export const TF_BACKEND_ALIASES: Readonly<Record<string, BackendName>> = {
  gpu: "tensorflow-gpu",
  node: "tensorflow",
  wasm: "wasm",
  cpu: "cpu",
  "tensorflow-gpu": "tensorflow-gpu",
  tensorflow: "tensorflow",
};

/**
 * Parses a backend request (the `backend` option or the `TF_BACKEND` variable).
 * Empty or missing means "no preference" (`undefined`); anything unknown throws an error
 * naming the source and the valid values.
 *
 * @param value the raw value, e.g. `"gpu"`, `"wasm"`, `" CPU "` (trimmed, case-insensitive)
 * @param source what to call the value in an error message, e.g. `"TF_BACKEND"`
 * @returns the backend name, or `undefined` when nothing was asked for
 * @example
 * ```ts
 * parseBackendRequest("node", "TF_BACKEND"); // "tensorflow"
 * parseBackendRequest("", "TF_BACKEND");     // undefined
 * parseBackendRequest("tpu", "TF_BACKEND");  // throws: TF_BACKEND must be one of gpu|node|wasm|cpu …
 * ```
 */
export function parseBackendRequest(value: string | undefined | null, source: string): BackendName | undefined {
  if (value === undefined || value === null) return undefined;
  const key = value.trim().toLowerCase();
  if (key === "") return undefined;
  const name = TF_BACKEND_ALIASES[key];
  if (name === undefined) {
    throw new Error(
      `${source} must be one of gpu|node|wasm|cpu (or tensorflow-gpu|tensorflow), got '${value}'`,
    );
  }
  return name;
}
