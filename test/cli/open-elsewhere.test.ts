/**
 * A workbook open in Excel or LibreOffice (a lock file beside it) is read as last saved: the
 * CLI says so; an output open there and replaced with --force is said too; a lock file given
 * as the input is named as what it is.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, truncateSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { lockedWorkbook } from "../../src/cli/open-elsewhere";
import { tempDir } from "../helpers/files";
import { run } from "./run";

const EXAMPLE_XLSX = path.resolve(__dirname, "../../assets/contoh-jateng-2024.xlsx");
const tmp = tempDir("kkb-open-elsewhere-");
afterAll(() => tmp.remove());

describe("a workbook open in Excel or LibreOffice", () => {
  it("reading one open in LibreOffice names who holds it, and still reads it", async () => {
    const input = tmp.file("data.xlsx");
    copyFileSync(EXAMPLE_XLSX, input);
    writeFileSync(
      tmp.file(".~lock.data.xlsx#"),
      "Budi Santoso,pc-budi,budi,01.12.2026 10:00,file:///home/budi/.config/libreoffice/4;"
    );
    const r = await run("periksa", input);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Catatan: ${input} sedang terbuka di LibreOffice (oleh Budi Santoso).`);
    expect(r.out).toContain("4 kampung");
  });

  it("reading one open in Excel says so, in English too", async () => {
    const dir = tmp.file("excel");
    const input = path.join(dir, "data.xlsx");
    mkdirSync(dir);
    copyFileSync(EXAMPLE_XLSX, input);
    writeFileSync(path.join(dir, "~$data.xlsx"), Buffer.alloc(165));
    const r = await run("--lang", "en", "validate", input);
    expect(r.err).toContain(
      `Note: ${input} is open in Excel. What is read is its last saved state`
    );
  });

  it("an output open in LibreOffice and replaced with --force is said after it is written", async () => {
    const out = tmp.file("hasil.xlsx");
    writeFileSync(out, "old");
    writeFileSync(tmp.file(".~lock.hasil.xlsx#"), "Sri,pc-sri,sri,01.12.2026 11:00,x;");
    const r = await run("ringkas", EXAMPLE_XLSX, "-o", out, "--force");
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      `Catatan: ${out} sedang terbuka di LibreOffice (oleh Sri) dan ditimpa.`
    );
  });

  it("a FIFO or a huge file under a lock file's name neither hangs nor fills the memory", async () => {
    const dir = tmp.file("odd");
    mkdirSync(dir);
    const input = path.join(dir, "data.xlsx");
    copyFileSync(EXAMPLE_XLSX, input);
    execFileSync("mkfifo", [path.join(dir, ".~lock.data.xlsx#")]);
    const fifo = await run("periksa", input);
    expect(fifo.code).toBe(0);
    expect(fifo.err).not.toContain("sedang terbuka");
    const big = path.join(dir, "big.xlsx");
    copyFileSync(EXAMPLE_XLSX, big);
    const lock = path.join(dir, ".~lock.big.xlsx#");
    writeFileSync(lock, "Ani,pc-ani,ani,01.12.2026 12:00,x;\n");
    truncateSync(lock, 200 * 1024 * 1024);
    const r = await run("periksa", big);
    expect(r.err).toContain("sedang terbuka di LibreOffice (oleh Ani)");
  });

  it("a lock file given as the input is named as one (exit 2)", async () => {
    const lock = tmp.file("~$laporan.xlsx");
    writeFileSync(lock, Buffer.alloc(165));
    const r = await run("periksa", lock);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "adalah file kunci yang dibuat Excel atau LibreOffice selama laporan.xlsx terbuka"
    );
    expect(lockedWorkbook("/x/.~lock.Data 2024.xlsx#")).toBe("Data 2024.xlsx");
    expect(lockedWorkbook("/x/data.xlsx")).toBeNull();
  });
});
