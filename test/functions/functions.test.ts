/**
 * The exported KKB functions, called as plain functions (no Excel): published figures,
 * rounding, spills, errors with their messages, weights and bands.
 */
import {
  CUSTOM_FUNCTIONS,
  dimensi,
  domain,
  ibangga,
  kategori,
  komposit,
  konvergensi,
  registerCustomFunctions,
  skor,
} from "../../src/functions/functions";
import { EXPECTED, exampleRows } from "../helpers/example";

const err = (code: string, message: string | RegExp) =>
  expect.objectContaining({
    code,
    message: typeof message === "string" ? message : expect.stringMatching(message),
  });

const SUMURBOTO_SUBS = [
  [2, 2, 2],
  [1, 1, 1],
  [2, 1.5, 0.7],
  [1.5, 1, 1.5],
  [2, 1.5, 1.5],
];
const KANDRI_SUBS = [
  [2, 1.5, 1.3],
  [1, 1, 1],
  [1, 1, 1],
  [1, 0.5, 0.5],
  [1, 1.5, 1.5],
];

describe("KKB.DOMAIN", () => {
  it("gives Sumurboto's and Kandri's published domain scores, one per row (a spill)", async () => {
    expect(await domain(SUMURBOTO_SUBS)).toEqual([[2.0], [1.0], [1.4], [1.3], [1.7]]);
    expect(await domain(KANDRI_SUBS)).toEqual([[1.6], [1.0], [1.0], [0.7], [1.3]]);
  });

  it("gives a single value (1x1) for one row, and reads a single column as one list", async () => {
    expect(await domain([[2, 1.5, 1.3]])).toEqual([[1.6]]);
    expect(await domain([[2], [1.5], [1.3]])).toEqual([[1.6]]);
  });

  it("reads text in either locale", async () => {
    expect(await domain([["1,5", "1.5", 1.5]])).toEqual([[1.5]]);
  });

  it("rejects a wrong count of values for the whole call", async () => {
    await expect(domain([[1, 2]])).rejects.toEqual(
      err(
        "#VALUE!",
        "2 nilai, padahal KKB.DOMAIN perlu tepat 3 nilai sub-indikator per baris (satu baris per kampung)."
      )
    );
    // A single column is read as one list: its length is said, not 1.
    await expect(domain([[1], [2]])).rejects.toEqual(
      err("#VALUE!", /^2 nilai, padahal KKB\.DOMAIN/)
    );
    await expect(domain([[1], [2], [1], [2]])).rejects.toEqual(
      err("#VALUE!", /^4 nilai, padahal KKB\.DOMAIN/)
    );
  });

  it("gives #VALUE! for a value off the scale, not a number, or an Excel error, in that row only", async () => {
    const result = await domain([
      [1, 2, 3],
      [1, "satu", 1],
      [1, { code: "#DIV/0!" }, 1],
      [1, true, 1],
      [1, 1, 1],
    ]);
    expect(result).toEqual([
      [err("#VALUE!", 'Baris 1, nilai ke-3: "3" di luar skala 0-2.')],
      [err("#VALUE!", 'Baris 2, nilai ke-2: "satu" bukan angka. Isi 0; 0,5; 1; 1,5 atau 2.')],
      [
        err(
          "#VALUE!",
          "Baris 3, nilai ke-2: sel berisi galat Excel #DIV/0!. Perbaiki rumus atau isi nilainya."
        ),
      ],
      [err("#VALUE!", 'Baris 4, nilai ke-2: "TRUE" bukan angka. Isi 0; 0,5; 1; 1,5 atau 2.')],
      [1],
    ]);
    expect(await domain([[-0.5, 1, 1]])).toEqual([
      [err("#VALUE!", 'Nilai ke-1: "-0,5" di luar skala 0-2.')],
    ]);
  });

  it("recognises an error input in every shape Excel documents, in that row only", async () => {
    const shapes: unknown[] = [
      // Rich error values (data types, allowCustomDataForDataTypeAny).
      { type: "Error", basicType: "Error", basicValue: "#DIV/0!", errorType: "Div0" },
      { type: "Error", errorType: "Div0" },
      // Legacy: CustomFunctions.Error-like objects, by code or by ErrorCode name.
      { code: "#DIV/0!", message: "" },
      { code: "divisionByZero" },
    ];
    const result = await domain([...shapes.map((e) => [1, e, 1]), [1, 1, 1]]);
    const galat = (row: number) =>
      err(
        "#VALUE!",
        `Baris ${row}, nilai ke-2: sel berisi galat Excel #DIV/0!. Perbaiki rumus atau isi nilainya.`
      );
    expect(result).toEqual([[galat(1)], [galat(2)], [galat(3)], [galat(4)], [1]]);
    expect(
      await skor([[{ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }]])
    ).toEqual([[err("#VALUE!", /galat Excel #N\/A/)]]);
    // Other rich values read as their basic value, never as "[object Object]".
    expect(
      await domain([
        [
          { type: "FormattedNumber", basicValue: 1.5, numberFormat: "0.0" },
          1.5,
          { type: "Double", basicValue: 1.5 },
        ],
      ])
    ).toEqual([[1.5]]);
  });

  it("gives #N/A for a missing value and never averages the two that are there", async () => {
    expect(await domain([[2, null, 2]])).toEqual([
      [err("#N/A", "Nilai ke-2: nilai kosong. Skor domain ini dan skor komposit tidak dihitung.")],
    ]);
    expect(await domain([[2, "  ", 2]])).toEqual([[err("#N/A", /^Nilai ke-2: nilai kosong/)]]);
  });

  it("reports a wrong value before a missing one", async () => {
    expect(await domain([[null, 5, 1]])).toEqual([[err("#VALUE!", /^Nilai ke-2: "5"/)]]);
  });
});

describe("KKB.KOMPOSIT", () => {
  it("gives the published composites from the reported domain scores", async () => {
    expect(
      await komposit([
        [2.0, 1.0, 1.4, 1.3, 1.7],
        [1.6, 1.0, 1.0, 0.7, 1.3],
        [1.5, 1.0, 0.7, 0.7, 1.3],
      ])
    ).toEqual([[1.48], [1.12], [1.04]]);
  });

  it("names the missing domain and wrong values", async () => {
    expect(await komposit([[2, 1, null, 1, 1]])).toEqual([
      [err("#N/A", "Nilai ke-3: skor domain kosong. Skor komposit tidak dihitung.")],
    ]);
    expect(await komposit([[2, 1, "x", 1, 1]])).toEqual([
      [err("#VALUE!", 'Nilai ke-3: "x" bukan angka; skor domain adalah angka 0-2.')],
    ]);
    await expect(komposit([[2, 1, 1, 1]])).rejects.toEqual(
      err("#VALUE!", /^4 nilai, padahal KKB\.KOMPOSIT perlu tepat 5 skor domain/)
    );
  });
});

describe("KKB.KONVERGENSI", () => {
  it("gives all four kampung's composites from the 15 sub-indicators (domains rounded first)", async () => {
    const subs = exampleRows()
      .slice(1)
      .map((row) => row.slice(5, 20));
    expect(await konvergensi(subs)).toEqual(EXPECTED.map((e) => [e.composite]));
    expect((await konvergensi(subs))[3]).toEqual([1.04]); // Pulosaren: 1.04, not 1.03
  });

  it("is missing when one sub-indicator is missing, and checks the count", async () => {
    const row = [2, 2, 2, 1, 1, 1, 2, 1.5, 0.7, 1.5, 1, 1.5, 2, 1.5, null];
    expect(await konvergensi([row])).toEqual([[err("#N/A", /^Nilai ke-15: nilai kosong/)]]);
    await expect(konvergensi([row.slice(0, 14)])).rejects.toEqual(
      err("#VALUE!", /^14 nilai, padahal KKB\.KONVERGENSI perlu tepat 15/)
    );
  });
});

describe("KKB.DIMENSI", () => {
  it("is the rounded mean of any number of 0-100 values, per row", async () => {
    expect(await dimensi([[90, 95, 100]])).toEqual([[95]]);
    expect(await dimensi([[97.8]])).toEqual([[97.8]]);
    expect(
      await dimensi([
        [10.05, 10.1],
        [80, 81.1],
      ])
    ).toEqual([[10.1], [80.6]]);
    expect(await dimensi([[90], [91], [92.5]])).toEqual([[91.2]]);
  });

  it("gives #VALUE! off 0-100 and #N/A for a missing value", async () => {
    expect(await dimensi([[90, 101]])).toEqual([
      [err("#VALUE!", 'Nilai ke-2: "101" di luar skala 0-100.')],
    ]);
    expect(await dimensi([[90, "x"]])).toEqual([
      [err("#VALUE!", 'Nilai ke-2: "x" bukan angka 0-100.')],
    ]);
    expect(await dimensi([[90, null]])).toEqual([
      [err("#N/A", /^Nilai ke-2: nilai kosong\. Skor dimensi/)],
    ]);
  });
});

describe("KKB.IBANGGA", () => {
  it("gives the published setara and kemandirian-sentral composites", async () => {
    expect(await ibangga(97.8 as never, 91.1 as never, 88.3 as never)).toEqual([[92.4]]);
    expect(await ibangga([[97.8]], [[91.1]], [[88.3]], [["kemandirian-sentral"]])).toEqual([
      [92.7],
    ]);
    expect(await ibangga([[97.2]], [[81.1]], [[91.3]], null as never)).toEqual([[89.9]]);
    expect(await ibangga([[97.2]], [[81.1]], [[91.3]], [["kemandirian-sentral"]])).toEqual([
      [89.3],
    ]);
  });

  it("rounds on the decimal value like Excel (10.15 -> 10.2)", async () => {
    expect(await ibangga([[10.1]], [[10.1]], [[10.3]], [["kemandirian-sentral"]])).toEqual([
      [10.2],
    ]);
    expect(await ibangga([[10.1]], [[10.1]], [[10.3]], [[35, 40, 25]])).toEqual([[10.2]]);
  });

  it("accepts presets case-insensitively and custom weights as a range, an array or text", async () => {
    const dims: [unknown[][], unknown[][], unknown[][]] = [[[97.8]], [[91.1]], [[88.3]]];
    for (const preset of ["SETARA", "Setara", " setara "]) {
      expect(await ibangga(...dims, [[preset]])).toEqual([[92.4]]);
    }
    for (const preset of ["KEMANDIRIAN-SENTRAL", "Kemandirian Sentral", "kemandirian_sentral"]) {
      expect(await ibangga(...dims, [[preset]])).toEqual([[92.7]]);
    }
    expect(await ibangga(...dims, [[0.35], [0.4], [0.25]])).toEqual([[92.7]]);
    expect(await ibangga(...dims, [["35;40;25"]])).toEqual([[92.7]]);
    expect(await ibangga(...dims, [["0,35;0,40;0,25"]])).toEqual([[92.7]]);
    expect(await ibangga(...dims, [[1, 1, 1]])).toEqual([[92.4]]);
    expect(await ibangga(...dims, [[1, 0, 0]])).toEqual([[97.8]]);
  });

  it("spills one composite per row and broadcasts a single cell", async () => {
    expect(await ibangga([[97.8], [97.2]], [[91.1], [81.1]], [[88.3], [91.3]])).toEqual([
      [92.4],
      [89.9],
    ]);
    expect(await ibangga([[97.8], [97.2]], [[90]], [[90]])).toEqual([[92.6], [92.4]]);
  });

  it("renormalises the weights of the dimensions present when one is missing", async () => {
    expect(await ibangga([[97.8]], [[null]], [[88.3]])).toEqual([[93.1]]);
    expect(await ibangga([[97.8]], [[""]], [[88.3]], [["kemandirian-sentral"]])).toEqual([[93.8]]);
    expect(await ibangga([[null]], [[null]], [[null]])).toEqual([
      [err("#N/A", "iBangga: ketiga dimensi kosong; iBangga tidak dihitung.")],
    ]);
    // Two filled, but the only weighted one blank.
    expect(await ibangga([[97.8]], [[null]], [[88.3]], [[0], [1], [0]])).toEqual([
      [err("#N/A", "iBangga: dimensi yang berbobot lebih dari 0 kosong; iBangga tidak dihitung.")],
    ]);
  });

  it("gives #VALUE! for wrong dimension values and shapes", async () => {
    expect(await ibangga([[97.8]], [[191.1]], [[88.3]])).toEqual([
      [err("#VALUE!", 'Kemandirian: "191,1" di luar skala 0-100.')],
    ]);
    expect(await ibangga([[97.8], [1]], [["x"], [2]], [[88.3], [3]])).toEqual([
      [err("#VALUE!", 'Kemandirian baris 1: "x" bukan angka 0-100.')],
      [2],
    ]);
    await expect(ibangga([[97.8, 1]], [[91.1]], [[88.3]])).rejects.toEqual(
      err(
        "#VALUE!",
        "Ketenteraman: rentang 1x2; isi satu sel atau satu kolom (satu nilai per kampung)."
      )
    );
    await expect(ibangga([[1], [2]], [[1], [2], [3]], [[1]])).rejects.toEqual(
      err(
        "#VALUE!",
        /^Rentang ketenteraman, kemandirian dan kebahagiaan tidak sama panjang \(2\/3\/1 baris\)/
      )
    );
  });

  it("names each weight problem", async () => {
    const dims: [unknown[][], unknown[][], unknown[][]] = [[[97.8]], [[91.1]], [[88.3]]];
    await expect(ibangga(...dims, [["seimbang"]])).rejects.toEqual(
      err(
        "#VALUE!",
        /^Bobot "seimbang" tidak dikenal: gunakan "setara", "kemandirian-sentral" atau tiga bobot/
      )
    );
    await expect(ibangga(...dims, [[35, 40]])).rejects.toEqual(
      err("#VALUE!", /^Bobot berisi 2 nilai \(35;40\)/)
    );
    await expect(ibangga(...dims, [[35]])).rejects.toEqual(
      err("#VALUE!", /^Bobot berisi 1 nilai \(35\)/)
    );
    await expect(ibangga(...dims, [[35, "x", 25]])).rejects.toEqual(
      err("#VALUE!", /^Bobot 35;x;25: ada yang bukan angka/)
    );
    await expect(ibangga(...dims, [[35, -40, 25]])).rejects.toEqual(
      err("#VALUE!", "Bobot 35;-40;25: bobot tidak boleh negatif.")
    );
    await expect(ibangga(...dims, [[0, 0, 0]])).rejects.toEqual(
      err("#VALUE!", "Bobot 0;0;0: jumlahnya 0; paling sedikit satu bobot harus lebih dari 0.")
    );
    await expect(ibangga(...dims, [[35, null, 25]])).rejects.toEqual(
      err("#N/A", /^Bobot ke-2: bobot kosong/)
    );
  });
});

describe("KKB.KATEGORI", () => {
  it("reads BKKBN's bands, 40 and 70 included in berkembang", async () => {
    expect(await kategori([[0], [39.9], [40], [54.01], [70], [70.1], [100]])).toEqual([
      ["rentan"],
      ["rentan"],
      ["berkembang"],
      ["berkembang"],
      ["berkembang"],
      ["tangguh"],
      ["tangguh"],
    ]);
    expect(await kategori([["92,4"]])).toEqual([["tangguh"]]);
  });

  it("gives #VALUE! off 0-100 and #N/A for a blank", async () => {
    expect(await kategori([[100.5, null]])).toEqual([
      [
        err("#VALUE!", 'Baris 1, kolom 1: "100,5" di luar skala 0-100.'),
        err("#N/A", "Baris 1, kolom 2: nilai iBangga kosong; kategori tidak ditentukan."),
      ],
    ]);
  });
});

describe("KKB.SKOR", () => {
  it("parses one rubric value ('1,5' -> 1.5) and keeps the shape of a range", async () => {
    expect(await skor([["1,5"]])).toEqual([[1.5]]);
    expect(await skor("1.5" as never)).toEqual([[1.5]]);
    expect(await skor([[0.7]])).toEqual([[0.7]]);
    expect(
      await skor([
        [0, 2],
        ["0,5", 1],
      ])
    ).toEqual([
      [0, 2],
      [0.5, 1],
    ]);
  });

  it("gives #VALUE! and #N/A with messages", async () => {
    expect(await skor([[3]])).toEqual([[err("#VALUE!", 'Nilai: "3" di luar skala 0-2.')]]);
    expect(await skor([["abc"]])).toEqual([
      [err("#VALUE!", 'Nilai: "abc" bukan angka. Isi 0; 0,5; 1; 1,5 atau 2.')],
    ]);
    expect(await skor([[null]])).toEqual([
      [err("#N/A", "Nilai: nilai kosong. Isi 0; 0,5; 1; 1,5 atau 2.")],
    ]);
    expect(await skor([[{ code: "#N/A" }]])).toEqual([
      [err("#VALUE!", /^Nilai: sel berisi galat Excel #N\/A/)],
    ]);
  });
});

describe("registration", () => {
  it("lists the eight ids, and registers nothing without the CustomFunctions global", () => {
    expect(Object.keys(CUSTOM_FUNCTIONS)).toEqual([
      "DOMAIN",
      "KOMPOSIT",
      "KONVERGENSI",
      "DIMENSI",
      "IBANGGA",
      "KATEGORI",
      "SKOR",
      "PERUBAHAN",
    ]);
    expect(registerCustomFunctions()).toBe(false);
  });

  it("registers every function under its id when the runtime is there", () => {
    const associated = new Map<string, unknown>();
    const g = globalThis as { CustomFunctions?: unknown };
    g.CustomFunctions = { associate: (id: string, fn: unknown) => associated.set(id, fn) };
    try {
      expect(registerCustomFunctions()).toBe(true);
    } finally {
      delete g.CustomFunctions;
    }
    expect([...associated.keys()]).toEqual(Object.keys(CUSTOM_FUNCTIONS));
    expect(associated.get("DOMAIN")).toBe(domain);
  });
});
