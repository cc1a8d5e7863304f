import type { TfInfo } from "./tf-backend";

/**
 * One line saying which TensorFlow.js runtime is active, for notebook headers and benchmark logs.
 *
 * @param info what {@link initTf} returned (only `version`, `backend`, `features`, `threads`, `device` are read)
 * @returns e.g. `"TensorFlow.js 4.22.0 backend wasm (SIMD, 1 thread) on CPU"`
 * @example
 * ```ts
 * describeBackend(await initTf({ backend: "cpu" }));
 * // "TensorFlow.js 4.22.0 backend cpu (pure JS, 1 thread) on CPU"
 * ```
 */
export function describeBackend(info: Pick<TfInfo, "version" | "backend" | "features" | "threads" | "device">): string {
  const facts = [...info.features];
  if (info.threads !== null) facts.push(`${info.threads} thread${info.threads === 1 ? "" : "s"}`);
  const detail = facts.length ? ` (${facts.join(", ")})` : "";
  return `TensorFlow.js ${info.version} backend ${info.backend}${detail} on ${info.device}`;
}
