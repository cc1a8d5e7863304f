import type { FittedModel, SavedModel } from "./recommender";

type SavedArray = SavedModel["arrays"][string];

const isSavedArray = (v: unknown): v is SavedArray =>
  v instanceof Float32Array || v instanceof Float64Array || v instanceof Int32Array || v instanceof Uint32Array;

/**
 * Saves a fitted model generically: every top-level typed-array field (`Float32Array`,
 * `Float64Array`, `Int32Array`, `Uint32Array`) goes to `arrays` under its field name, every other
 * field to the JSON text. The arrays are copied, so the saved model shares no memory with `model`.
 *
 * @param model a fitted model whose non-array fields are JSON-serialisable.
 * @returns the {@link SavedModel}.
 * @throws Error naming a field holding another typed array or binary type.
 * @example
 * ```ts
 * const saved = saveFitted(fitted);
 * writeFileSync("model.json", saved.json);
 * ```
 */
export function saveFitted(model: FittedModel): SavedModel {
  const plain: Record<string, unknown> = {};
  const arrays: SavedModel["arrays"] = {};
  for (const [key, value] of Object.entries(model)) {
    if (isSavedArray(value)) arrays[key] = value.slice();
    else if (ArrayBuffer.isView(value)) throw new Error(`saveFitted: field '${key}' is a ${value.constructor.name}; use Float32/Float64/Int32/Uint32 arrays`);
    else plain[key] = value;
  }
  return { json: JSON.stringify(plain), arrays };
}

/**
 * Loads a model saved by {@link saveFitted}, checking that it is of the expected `kind` and has
 * the listed array fields.
 *
 * @param saved the saved model.
 * @param kind the expected `kind` (e.g. `"ItemKNN"`).
 * @param arrayFields array fields that must be present.
 * @returns the fitted model (arrays copied).
 * @throws Error when the kind differs, the JSON is not a model, or an array is missing.
 * @example
 * ```ts
 * const fitted = loadFitted<ItemKnnModel>(saved, "ItemKNN", ["neighborIndptr", "neighborIndices", "neighborValues"]);
 * ```
 */
export function loadFitted<M extends FittedModel>(saved: SavedModel, kind: string, arrayFields: readonly string[]): M {
  let plain: Record<string, unknown>;
  try {
    plain = JSON.parse(saved.json) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`load ${kind}: saved.json is not valid JSON (${(e as Error).message})`);
  }
  if (plain === null || typeof plain !== "object" || plain.kind !== kind) {
    throw new Error(`load ${kind}: saved model is of kind ${JSON.stringify((plain as { kind?: unknown } | null)?.kind)}`);
  }
  if (!Array.isArray(plain.userIds) || !Array.isArray(plain.itemIds)) throw new Error(`load ${kind}: saved model lacks userIds / itemIds`);
  const model: Record<string, unknown> = { ...plain };
  for (const f of arrayFields) {
    const a = saved.arrays[f];
    if (!isSavedArray(a)) throw new Error(`load ${kind}: saved.arrays.${f} is missing or not a typed array`);
  }
  for (const [key, a] of Object.entries(saved.arrays)) model[key] = a.slice();
  return model as M;
}
