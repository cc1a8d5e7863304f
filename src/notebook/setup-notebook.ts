import { initTf, type TfInfo } from "../runtime/tf-backend";
import { describeBackend } from "../runtime/describe-backend";
import { readParams, type NotebookParams } from "./params";
import { ensurePlotly } from "./show";

/** What {@link setupNotebook} returns: the parameters and the active TensorFlow.js runtime. */
export interface NotebookContext {
  params: NotebookParams;
  tf: TfInfo;
  /** The printed header lines (also useful in tests). */
  header: string[];
}

/**
 * The first cell of every notebook: reads the parameters from the environment, embeds plotly.js
 * once, chooses the TensorFlow.js backend (gpu → node → wasm → cpu, or `TF_BACKEND`) and prints
 * the dataset, seed, backend, device and threads in use.
 *
 * @example
 * ```ts
 * const { params: P, tf } = await setupNotebook();
 * // dataset sample · seed 42 · users all · data dir /…/shared/data
 * // TensorFlow.js 4.22.0 backend wasm (SIMD, 1 thread) on CPU · Node v20.20.2
 * ```
 */
export async function setupNotebook(env: Record<string, string | undefined> = process.env): Promise<NotebookContext> {
  const params = readParams(env);
  ensurePlotly();
  const tf = await initTf({ env });
  const skipped = tf.tried.filter((t) => !t.ok).map((t) => t.name);
  const header = [
    `dataset ${params.dataset} · seed ${params.seed} · users ${params.sampleUsers || "all"} · data dir ${params.dataDir}`,
    `${describeBackend(tf)} · Node ${process.version}${skipped.length ? ` · not available: ${skipped.join(", ")}` : ""}`,
  ];
  for (const line of header) console.log(line);
  return { params, tf, header };
}
