/** The iBangga weights the user picks in the pane, checked with the engine's rules. Pure. */
import {
  KEMANDIRIAN_SENTRAL,
  SETARA,
  WeightProblem,
  Weights,
  weightsFromNumbers,
} from "../engine/ibangga";
import { Lang } from "../engine/framework";

export type WeightMode = "setara" | "kemandirian-sentral" | "custom";

export interface WeightsChoice {
  readonly mode: WeightMode;
  /** The three custom weights as typed (ketenteraman, kemandirian, kebahagiaan). */
  readonly custom: readonly [string, string, string];
}

export type WeightsCheck =
  | { readonly ok: true; readonly weights: Weights }
  | { readonly ok: false; readonly problem: WeightProblem; readonly fields: readonly number[] }
  | { readonly ok: false; readonly problem: "empty"; readonly fields: readonly number[] };

export const DEFAULT_CHOICE: WeightsChoice = { mode: "setara", custom: ["35", "40", "25"] };

export function checkWeights(choice: WeightsChoice): WeightsCheck {
  if (choice.mode === "setara") return { ok: true, weights: SETARA };
  if (choice.mode === "kemandirian-sentral") return { ok: true, weights: KEMANDIRIAN_SENTRAL };
  const empty = choice.custom.flatMap((v, i) => (v.trim() === "" ? [i] : []));
  if (empty.length > 0) return { ok: false, problem: "empty", fields: empty };
  const parsed = weightsFromNumbers(choice.custom.map((v) => v.trim()));
  if (parsed.ok) return parsed;
  const one = choice.custom.flatMap((v, i) => {
    const alone = weightsFromNumbers([v.trim(), "1", "1"]);
    return !alone.ok && alone.problem === parsed.problem ? [i] : [];
  });
  return { ok: false, problem: parsed.problem, fields: one.length > 0 ? one : [0, 1, 2] };
}

/** The choice that shows saved weights (custom weights in the display locale). */
export function choiceFromWeights(weights: Weights, lang: Lang): WeightsChoice {
  if (weights.name === "setara" || weights.name === "kemandirian-sentral") {
    return { ...DEFAULT_CHOICE, mode: weights.name };
  }
  const [a, b, c] = weights.values.map((v) =>
    lang === "id" ? String(v).replace(".", ",") : String(v)
  );
  return { mode: "custom", custom: [a, b, c] };
}
