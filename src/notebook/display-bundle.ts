/**
 * Low-level access to the notebook's display channel.
 *
 * tslab's public `display.raw(mime, data)` sends one MIME type per output. A chart should carry
 * two: `application/vnd.plotly.v1+json` (rendered natively by JupyterLab's Plotly renderer) and
 * `text/html` (what nbconvert's HTML report and the classic notebook show). tslab keeps the
 * function that writes a full MIME bundle in `tslab/dist/jupyter`; this module calls it and
 * falls back to printing the plain-text part when not running inside a tslab kernel (plain
 * Node, tests), so library code can call it anywhere.
 */

/** A Jupyter MIME bundle: MIME type → content. */
export type MimeBundle = Record<string, unknown>;

type WriteDisplayData = (
  data: { data: MimeBundle; metadata: Record<string, unknown>; transient: Record<string, unknown> },
  update: boolean,
) => void;

function kernelWriter(): WriteDisplayData | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: WriteDisplayData | null };
    return jupyter.lastWriteDisplayData ?? null;
  } catch {
    return null;
  }
}

/** True when running inside a tslab kernel (rich output possible). */
export function inKernel(): boolean {
  return kernelWriter() !== null;
}

/**
 * Sends a MIME bundle as one display output. Outside a kernel, prints `text/plain` if present.
 * With `target.displayId`, later calls with the same id and `update: true` replace that output in
 * place (Jupyter's `update_display_data`): how live charts redraw during training.
 *
 * @example
 * ```ts
 * displayBundle({ "text/html": "<b>hi</b>", "text/plain": "hi" });
 * ```
 */
export function displayBundle(
  bundle: MimeBundle,
  metadata: Record<string, unknown> = {},
  target: { displayId?: string; update?: boolean } = {},
): void {
  const write = kernelWriter();
  if (write) {
    const transient = target.displayId ? { display_id: target.displayId } : {};
    write({ data: bundle, metadata, transient }, target.update === true);
    return;
  }
  const text = bundle["text/plain"];
  if (typeof text === "string") console.log(text);
}
