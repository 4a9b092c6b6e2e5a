/** `kkb template [-o FILE]`: a blank input workbook with headers, validation and help. */
import { templateSheets } from "../../workbook/template";
import { writeWorkbook } from "../../xlsx/write";
import { CliError, Context, EXIT } from "../context";
import { T } from "../messages";
import { exists } from "../paths";

export interface TemplateOptions {
  readonly output?: string;
  readonly force?: boolean;
}

export function defaultTemplateName(lang: "id" | "en"): string {
  return lang === "id" ? "templat-kkb.xlsx" : "kkb-template.xlsx";
}

export async function templateCommand(options: TemplateOptions, ctx: Context): Promise<number> {
  const file = options.output ?? defaultTemplateName(ctx.lang);
  // An .xlsx under another name (t.csv) opens as damaged, or not at all: refused, as for ringkas.
  if (!/\.xlsx$/i.test(file)) throw new CliError(T.templateNotXlsx[ctx.lang](file));
  // A filled-in template is an official's data: never replace it silently.
  if (!options.force && (await exists(file))) throw new CliError(T.refuseExisting[ctx.lang](file));
  // Without --force the file gets its name only if the name is still free at that moment.
  await writeWorkbook(file, templateSheets(ctx.lang), {
    commitOptions: { overwrite: options.force === true },
  });
  ctx.io.err(T.templateWritten[ctx.lang](file) + "\n");
  return EXIT.ok;
}
