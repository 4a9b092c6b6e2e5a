/** `--json -` promises JSON alone on stdout: `--print`'s table goes to stderr then. */
import * as path from "node:path";
import { tempDir } from "../helpers/files";
import { run } from "./run";

const EXAMPLE = path.resolve(__dirname, "../../assets/contoh-jateng-2024.xlsx");
const tmp = tempDir("kkb-json-stdout-");
afterAll(() => tmp.remove());

describe("--json - keeps stdout JSON", () => {
  it("ringkas --json - --print: stdout parses as JSON, the table is on stderr", async () => {
    const r = await run(
      "ringkas",
      EXAMPLE,
      "-o",
      tmp.file("j.xlsx"),
      "--json",
      "-",
      "--print",
      "--force"
    );
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as { kampung: { name: string }[] };
    expect(parsed.kampung.map((k) => k.name)).toContain("Sumurboto");
    expect(r.err).toMatch(/Sumurboto\s+2,0\s+1,0\s+1,4\s+1,3\s+1,7\s+1,48\s+92,4/);
  });

  it("ringkas --print without --json -: the table stays on stdout", async () => {
    const r = await run("ringkas", EXAMPLE, "-o", tmp.file("p.xlsx"), "--print", "--force");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Sumurboto\s+2,0/);
    expect(r.err).not.toMatch(/Sumurboto\s+2,0/);
  });

  it("periksa --json: stdout is nothing but JSON", async () => {
    const r = await run("periksa", EXAMPLE, "--json");
    expect(() => JSON.parse(r.out) as unknown).not.toThrow();
    expect(r.out.trim().startsWith("{")).toBe(true);
    expect(r.out.trim().endsWith("}")).toBe(true);
  });
});
