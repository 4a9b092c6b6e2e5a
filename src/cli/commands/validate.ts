/** `kkb validate INPUT`: the issues of an input workbook; exit 1 when any is an error. */
import { scoreAll } from "../../engine/assessment";
import { SETARA } from "../../engine/ibangga";
import { Context, EXIT } from "../context";
import { resultsJson } from "../json";
import { loadInput } from "../load";
import { T } from "../messages";
import { issueLines } from "../table";

export interface ValidateOptions {
  readonly sheet?: string;
  readonly json?: boolean;
}

export async function validateCommand(
  input: string,
  options: ValidateOptions,
  ctx: Context
): Promise<number> {
  const { read } = await loadInput(input, options.sheet, ctx, options.json === true);
  const results = scoreAll(read.assessments, SETARA, read.issues);
  const errors = read.issues.filter((i) => i.severity === "error").length;
  if (options.json) {
    ctx.io.out(JSON.stringify(resultsJson(results), null, 2) + "\n");
  } else {
    ctx.io.out(issueLines(read.issues, ctx.lang));
    const warnings = read.issues.length - errors;
    ctx.io.out(
      T.checked[ctx.lang](input, read.sourceRange, read.assessments.length, errors, warnings) + "\n"
    );
  }
  return errors > 0 ? EXIT.inputErrors : EXIT.ok;
}
