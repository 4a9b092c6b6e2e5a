/**
 * The KKB custom functions as Excel sees them. custom-functions-metadata-plugin reads the JSDoc
 * below to write functions.json; each function is a thin wrapper over kkb.ts. This file is the
 * `functions` bundle: no React, and it loads with only the `CustomFunctions` and `Office`
 * globals (or none: then it registers nothing).
 *
 * Every function returns a matrix: one row gives a single value in the cell, several rows spill.
 */
import { createKkbFunctions } from "./kkb";
import { CellErrorValue } from "./errors";

const kkb = createKkbFunctions();

/**
 * Skor domain: rata-rata tiga nilai sub-indikator (0-2), dibulatkan 1 desimal seperti ROUND. Rentang beberapa baris memberi satu skor per baris.
 * @customfunction DOMAIN
 * @helpurl https://localhost:3000/bantuan.html#domain
 * @requiresParameterAddresses
 * @param sub_indikator Tiga nilai sub-indikator satu domain (0, 0,5, 1, 1,5, 2), satu baris per kampung.
 * @param invocation Informasi pemanggilan dari Excel.
 * @returns Skor domain per baris.
 */
export function domain(
  sub_indikator: unknown[][],
  invocation?: CustomFunctions.Invocation
): Promise<Array<Array<number | CellErrorValue>>> {
  return kkb.domain(sub_indikator, invocation);
}

/**
 * Skor komposit konvergensi: rata-rata lima skor domain (0-2), dibulatkan 2 desimal. Rentang beberapa baris memberi satu skor per baris.
 * @customfunction KOMPOSIT
 * @helpurl https://localhost:3000/bantuan.html#komposit
 * @requiresParameterAddresses
 * @param skor_domain Lima skor domain (koordinasi, rujukan, interoperabilitas, umpan balik, kader), satu baris per kampung.
 * @param invocation Informasi pemanggilan dari Excel.
 * @returns Skor komposit per baris.
 */
export function komposit(
  skor_domain: unknown[][],
  invocation?: CustomFunctions.Invocation
): Promise<Array<Array<number | CellErrorValue>>> {
  return kkb.komposit(skor_domain, invocation);
}

/**
 * Skor komposit langsung dari 15 sub-indikator: skor domain dibulatkan 1 desimal dulu, lalu dirata-ratakan (2 desimal).
 * @customfunction KONVERGENSI
 * @helpurl https://localhost:3000/bantuan.html#konvergensi
 * @requiresParameterAddresses
 * @param sub_indikator 15 nilai sub-indikator (0-2) berurutan per domain: koordinasi, rujukan, interoperabilitas, umpan balik, kader; satu baris per kampung.
 * @param invocation Informasi pemanggilan dari Excel.
 * @returns Skor komposit per baris.
 */
export function konvergensi(
  sub_indikator: unknown[][],
  invocation?: CustomFunctions.Invocation
): Promise<Array<Array<number | CellErrorValue>>> {
  return kkb.konvergensi(sub_indikator, invocation);
}

/**
 * Skor dimensi iBangga: rata-rata nilai sub-indikator (0-100), dibulatkan 1 desimal. Rentang beberapa baris memberi satu skor per baris.
 * @customfunction DIMENSI
 * @helpurl https://localhost:3000/bantuan.html#dimensi
 * @requiresParameterAddresses
 * @param sub_indikator Nilai sub-indikator satu dimensi (0-100), satu baris per kampung.
 * @param invocation Informasi pemanggilan dari Excel.
 * @returns Skor dimensi per baris.
 */
export function dimensi(
  sub_indikator: unknown[][],
  invocation?: CustomFunctions.Invocation
): Promise<Array<Array<number | CellErrorValue>>> {
  return kkb.dimensi(sub_indikator, invocation);
}

/**
 * Komposit iBangga dari tiga dimensi, berbobot, dibulatkan 1 desimal. Dimensi yang kosong dilewati dan bobot lainnya dinormalkan ulang.
 * @customfunction IBANGGA
 * @helpurl https://localhost:3000/bantuan.html#ibangga
 * @requiresParameterAddresses
 * @param ketenteraman Skor dimensi ketenteraman (0-100): satu sel atau satu kolom.
 * @param kemandirian Skor dimensi kemandirian (0-100): satu sel atau satu kolom.
 * @param kebahagiaan Skor dimensi kebahagiaan (0-100): satu sel atau satu kolom.
 * @param [bobot] "setara" (bawaan), "kemandirian-sentral" (35/40/25), atau tiga bobot.
 * @param invocation Informasi pemanggilan dari Excel.
 * @returns Komposit iBangga per baris.
 */
export function ibangga(
  ketenteraman: unknown[][],
  kemandirian: unknown[][],
  kebahagiaan: unknown[][],
  bobot?: unknown[][],
  invocation?: CustomFunctions.Invocation
): Promise<Array<Array<number | CellErrorValue>>> {
  return kkb.ibangga(ketenteraman, kemandirian, kebahagiaan, bobot, invocation);
}

/**
 * Kategori iBangga menurut BKKBN: di bawah 40 rentan, 40 sampai 70 berkembang, di atas 70 tangguh.
 * @customfunction KATEGORI
 * @helpurl https://localhost:3000/bantuan.html#kategori
 * @requiresParameterAddresses
 * @param ibangga Nilai iBangga (0-100): satu sel atau rentang.
 * @param invocation Informasi pemanggilan dari Excel.
 * @returns rentan, berkembang atau tangguh per sel.
 */
export function kategori(
  ibangga: unknown[][],
  invocation?: CustomFunctions.Invocation
): Promise<Array<Array<string | CellErrorValue>>> {
  return kkb.kategori(ibangga, invocation);
}

/**
 * Satu nilai rubrik diperiksa dan dibaca sebagai angka (teks "1,5" menjadi 1,5); di luar 0-2 atau bukan angka memberi #VALUE!.
 * @customfunction SKOR
 * @helpurl https://localhost:3000/bantuan.html#skor
 * @requiresParameterAddresses
 * @param nilai Nilai rubrik (0, 0,5, 1, 1,5, 2): satu sel atau rentang.
 * @param invocation Informasi pemanggilan dari Excel.
 * @returns Nilai sebagai angka per sel.
 */
export function skor(
  nilai: unknown[][],
  invocation?: CustomFunctions.Invocation
): Promise<Array<Array<number | CellErrorValue>>> {
  return kkb.skor(nilai, invocation);
}

/**
 * Perubahan antarperiode: skor sekarang dikurangi skor sebelumnya, dibulatkan seperti ROUND (bawaan 2 desimal). Sel kosong memberi #N/A.
 * @customfunction PERUBAHAN
 * @helpurl https://localhost:3000/bantuan.html#perubahan
 * @requiresParameterAddresses
 * @param sekarang Skor periode ini (domain, komposit atau iBangga): satu sel atau satu kolom.
 * @param sebelumnya Skor periode sebelumnya: satu sel atau satu kolom sepanjang sekarang.
 * @param [desimal] Jumlah desimal 0-4 (bawaan 2), seperti ROUND: pecahan dipotong (1,5 menjadi 1); satu sel, atau satu kolom sepanjang skornya (tiap baris dengan desimalnya).
 * @param invocation Informasi pemanggilan dari Excel.
 * @returns Perubahan bertanda per baris.
 */
export function perubahan(
  sekarang: unknown[][],
  sebelumnya: unknown[][],
  desimal?: unknown[][],
  invocation?: CustomFunctions.Invocation
): Promise<Array<Array<number | CellErrorValue>>> {
  return kkb.perubahan(sekarang, sebelumnya, desimal, invocation);
}

/** Custom function ids (functions.json) and their implementations. */
export const CUSTOM_FUNCTIONS: Readonly<Record<string, (...args: never[]) => unknown>> = {
  DOMAIN: domain,
  KOMPOSIT: komposit,
  KONVERGENSI: konvergensi,
  DIMENSI: dimensi,
  IBANGGA: ibangga,
  KATEGORI: kategori,
  SKOR: skor,
  PERUBAHAN: perubahan,
};

/** Associates every function with its id; false where the runtime is absent (tests, a browser). */
export function registerCustomFunctions(): boolean {
  if (typeof CustomFunctions === "undefined" || typeof CustomFunctions.associate !== "function") {
    return false;
  }
  for (const [id, fn] of Object.entries(CUSTOM_FUNCTIONS)) CustomFunctions.associate(id, fn);
  return true;
}

registerCustomFunctions();
