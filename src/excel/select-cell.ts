/** Selects a cell an issue points at (the pane's issue list links here). */

export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  cell: string
): Promise<boolean> {
  const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
  await context.sync();
  if (worksheet.isNullObject) return false;
  worksheet.activate();
  worksheet.getRange(cell).select();
  await context.sync();
  return true;
}
