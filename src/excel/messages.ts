/** What the adapter tells the user, in Indonesian and English. Pure. */
import { Lang } from "../engine/framework";

const quoteList = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");

const NOTHING_CHANGED = { id: "Tidak ada yang diubah.", en: "Nothing was changed." };

export const MESSAGES = {
  workbookProtected: (lang: Lang) =>
    lang === "id"
      ? `Buku kerja ini dilindungi, sehingga lembar tidak dapat ditambah atau dihapus. Buka proteksinya (Tinjau > Proteksi Buku Kerja), lalu coba lagi. ${NOTHING_CHANGED.id}`
      : `This workbook is protected, so sheets cannot be added or deleted. Unprotect it (Review > Protect Workbook) and try again. ${NOTHING_CHANGED.en}`,
  sheetProtected: (sheets: readonly string[], lang: Lang) =>
    lang === "id"
      ? `Lembar ${quoteList(sheets)} dilindungi dan tidak dapat ditulis ulang. Buka proteksinya (Tinjau > Buka Proteksi Lembar), lalu coba lagi. ${NOTHING_CHANGED.id}`
      : `Sheet ${quoteList(sheets)} is protected and cannot be rewritten. Unprotect it (Review > Unprotect Sheet) and try again. ${NOTHING_CHANGED.en}`,
  inputInOwnedSheet: (sheets: readonly string[], lang: Lang) =>
    lang === "id"
      ? `Data masukan berada di lembar ${quoteList(sheets)}, lembar ringkasan buatan KKB yang akan ditulis ulang. Pindahkan data ke lembar lain. ${NOTHING_CHANGED.id}`
      : `The input is on ${quoteList(sheets)}, a KKB summary sheet that would be rewritten. Move the data to another sheet. ${NOTHING_CHANGED.en}`,
  templateExists: (sheets: readonly string[], lang: Lang) =>
    lang === "id"
      ? `Lembar ${quoteList(sheets)} sudah ada. ${NOTHING_CHANGED.id}`
      : `Sheet ${quoteList(sheets)} already exists. ${NOTHING_CHANGED.en}`,
  templateInserted: (written: readonly string[], existing: readonly string[], lang: Lang) => {
    const added =
      lang === "id"
        ? `Templat disisipkan: lembar ${quoteList(written)}.`
        : `Template inserted: sheet ${quoteList(written)}.`;
    if (existing.length === 0) return added;
    return lang === "id"
      ? `${added} Lembar ${quoteList(existing)} sudah ada dan tidak diubah.`
      : `${added} Sheet ${quoteList(existing)} already existed and was left as it is.`;
  },
  summaryWritten: (
    counts: { kampung: number; errors: number; warnings: number },
    sheets: readonly string[],
    lang: Lang
  ) =>
    lang === "id"
      ? `Ringkasan ditulis: ${counts.kampung} kampung, ${counts.errors} galat, ${counts.warnings} peringatan. Lembar: ${quoteList(sheets)}.`
      : `Summary written: ${counts.kampung} kampung, ${counts.errors} errors, ${counts.warnings} warnings. Sheets: ${quoteList(sheets)}.`,
  noKampung: (detail: string, lang: Lang) =>
    lang === "id"
      ? `Ringkasan tidak dibuat: tidak ada data kampung yang terbaca. ${detail} ${NOTHING_CHANGED.id}`.replace(
          /\s+/g,
          " "
        )
      : `No summary was made: no kampung rows could be read. ${detail} ${NOTHING_CHANGED.en}`.replace(
          /\s+/g,
          " "
        ),
  notInExcel: (lang: Lang) =>
    lang === "id"
      ? "Perintah ini hanya berjalan di dalam Excel."
      : "This command only runs inside Excel.",
  failed: (detail: string, lang: Lang) =>
    lang === "id"
      ? `Excel menolak permintaan KKB: ${detail}. Sebagian lembar ringkasan mungkin belum lengkap; jalankan ringkasan sekali lagi.`
      : `Excel refused KKB's request: ${detail}. Some summary sheets may be incomplete; run the summary again.`,
  reading: (done: number, total: number, lang: Lang) =>
    lang === "id" ? `Membaca data (${done}/${total})` : `Reading the data (${done}/${total})`,
  writing: (sheet: string, done: number, total: number, lang: Lang) =>
    lang === "id"
      ? `Menulis lembar "${sheet}" (${done}/${total})`
      : `Writing sheet "${sheet}" (${done}/${total})`,
};
