import * as path from "node:path";
import { readInput } from "../../src/workbook/input";
import { readWorkbook } from "../../src/xlsx/read";
import { buildExample } from "../fixtures/make-example";
import { tempDir } from "../helpers/files";

const ASSET = path.resolve(__dirname, "../../assets/contoh-jateng-2024.xlsx");
const tmp = tempDir("kkb-example-");
afterAll(() => tmp.remove());

describe("assets/contoh-jateng-2024.xlsx", () => {
  it("is what test/fixtures/make-example.js builds (regenerate it when this fails)", async () => {
    const fresh = await buildExample(undefined, tmp.file("contoh.xlsx"));
    expect(await readWorkbook(ASSET)).toEqual(await readWorkbook(fresh));
  });

  it("reads as the study's four kampung under a title row, with evidence and no errors", async () => {
    const read = readInput(await readWorkbook(ASSET), { lang: "id" });
    expect(read.sheet).toBe("Penilaian");
    expect(read.headerRow).toBe(2);
    expect(read.assessments.map((a) => a.name)).toEqual([
      "Sumurboto",
      "Asri Sejahtera",
      "Wisata Asri",
      "Ardi Raharja",
    ]);
    expect(read.evidence).toHaveLength(60);
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(read.assessments[0].date).toEqual(new Date(Date.UTC(2024, 7, 12)));
  });
});
