/** Excel's grid (ECMA-376 and Excel's specifications and limits): rows and columns of a sheet. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLS = 16_384;
