/** `kkb validate INPUT`: the issues of an input workbook; exit 1 when any is an error. */
import { SETARA } from "../../engine/ibangga";
import { terminalSafeJson } from "../../workbook/control-text";
import { analyseCurrent } from "../../workbook/summary";
import { Context, EXIT } from "../context";
import { resultsJson, roundsJson } from "../json";
import { loadInput } from "../load";
import { T } from "../messages";
import { issueKindLines, issueLines } from "../table";

export interface ValidateOptions {
  /** One sheet, or several read as rounds (sheet-option.ts). */
  readonly sheet?: string | readonly string[];
  readonly json?: boolean;
  /** Leave hidden rows out. */
  readonly visibleOnly?: boolean;
}

export async function validateCommand(
  input: string,
  options: ValidateOptions,
  ctx: Context
): Promise<number> {
  const { read } = await loadInput(
    input,
    options.sheet,
    ctx,
    options.json === true,
    options.visibleOnly
  );
  // The analysis adds the status and evidence checks to the reader's issues; with several
  // rounds, of the latest round (as the summary's KKB Validasi).
  const { results, analysis } = analyseCurrent(read, SETARA, ctx.lang);
  const issues = results.issues;
  const errors = issues.filter((i) => i.severity === "error").length;
  if (options.json) {
    // A file of several rounds says its rounds, the current one marked (as summarize --json).
    const rounds = read.rounds && read.rounds.list.length > 1 ? read.rounds.list : null;
    const json = {
      ...resultsJson(results, analysis),
      ...(rounds ? { rounds: roundsJson(rounds) } : {}),
    };
    ctx.io.out(terminalSafeJson(JSON.stringify(json, null, 2)) + "\n");
  } else {
    ctx.io.out(issueLines(issues, ctx.lang));
    const warnings = issues.length - errors;
    ctx.io.out(
      T.checked[ctx.lang](
        input,
        read.sourceRange,
        read.assessments.length,
        errors,
        warnings,
        read.rounds?.list.length ?? 1
      ) + "\n"
    );
    ctx.io.out(issueKindLines(issues, ctx.lang));
  }
  return errors > 0 ? EXIT.inputErrors : EXIT.ok;
}
