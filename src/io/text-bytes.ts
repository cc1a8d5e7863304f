/**
 * Byte-level fixes that turn a text file Polars cannot parse directly into one it can:
 * latin-1 decoding, runs of whitespace as separators, and multi-byte separators such as `::`.
 * Every function keeps line breaks where they are, so line numbers stay those of the file.
 */
import { isUtf8 } from "buffer";

/**
 * Returns the bytes as UTF-8: unchanged when they already are valid UTF-8, otherwise decoded
 * as latin-1 (ISO-8859-1, the encoding of MovieLens `u.item` and Foursquare TSMC) and re-encoded.
 *
 * @param bytes - file content.
 * @param encoding - `"auto"` (default): keep valid UTF-8, else latin-1; `"latin1"`: always decode as latin-1.
 * @returns UTF-8 bytes.
 * @example
 * ```ts
 * toUtf8(Buffer.from([0x63, 0x61, 0x66, 0xe9])).toString(); // "café"
 * ```
 */
export function toUtf8(bytes: Buffer, encoding: "auto" | "latin1" = "auto"): Buffer {
  if (encoding === "auto" && isUtf8(bytes)) return bytes;
  return Buffer.from(new TextDecoder("latin1").decode(bytes), "utf8");
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Turns whitespace-separated text (fields separated by runs of spaces and/or tabs) into
 * tab-separated text: every run becomes one tab, and leading/trailing whitespace of each line
 * is removed. One linear pass over the bytes.
 *
 * @param bytes - file content (UTF-8 or any ASCII-compatible encoding).
 * @returns tab-separated bytes with the same line breaks.
 * @example
 * ```ts
 * collapseWhitespace(Buffer.from("3    4244\t 40.75\n")).toString(); // "3\t4244\t40.75\n"
 * ```
 */
export function collapseWhitespace(bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  let pendingSep = false; // a run of whitespace was seen after a field on this line
  let lineHasField = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === SPACE || b === TAB) {
      if (lineHasField) pendingSep = true;
    } else if (b === LF || b === CR) {
      pendingSep = false;
      lineHasField = false;
      out[n++] = b;
    } else {
      if (pendingSep) out[n++] = TAB;
      pendingSep = false;
      lineHasField = true;
      out[n++] = b;
    }
  }
  return out.subarray(0, n);
}

/**
 * Replaces every occurrence of a multi-byte separator (e.g. MovieLens 1M/10M `::`) by a
 * one-byte one, so Polars can split on it.
 *
 * @param bytes - file content.
 * @param from - separator in the file, e.g. `"::"`.
 * @param to - one-byte replacement (default `"\t"`).
 * @returns the converted bytes.
 * @example
 * ```ts
 * replaceSeparator(Buffer.from("1::Toy Story (1995)::Animation\n"), "::").toString();
 * // "1\tToy Story (1995)\tAnimation\n"
 * ```
 */
export function replaceSeparator(bytes: Buffer, from: string, to = "\t"): Buffer {
  const pattern = Buffer.from(from, "utf8");
  const repl = Buffer.from(to, "utf8");
  if (repl.length !== 1) throw new Error(`replaceSeparator: 'to' must be one byte, got ${JSON.stringify(to)}`);
  if (pattern.length === 0) throw new Error("replaceSeparator: 'from' must not be empty");
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  let start = 0;
  for (let hit = bytes.indexOf(pattern, start); hit !== -1; hit = bytes.indexOf(pattern, start)) {
    n += bytes.copy(out, n, start, hit);
    out[n++] = repl[0];
    start = hit + pattern.length;
  }
  n += bytes.copy(out, n, start);
  return out.subarray(0, n);
}
