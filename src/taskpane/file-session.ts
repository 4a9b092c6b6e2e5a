/** Outside Excel: hands the summary and template files to the browser for download. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An object URL for the bytes; the caller revokes it when it is no longer offered. */
export function bytesUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
}

/** Starts a download of the bytes under the file name. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const url = bytesUrl(bytes);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `contoh.xlsx` -> `contoh-ringkasan-kkb.xlsx` (Indonesian) or `contoh-kkb-summary.xlsx`. */
export function summaryFileName(source: string, lang: "id" | "en"): string {
  const base = source.replace(/\.[^.]*$/, "") || "kkb";
  return `${base}-${lang === "id" ? "ringkasan-kkb" : "kkb-summary"}.xlsx`;
}
