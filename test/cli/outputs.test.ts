/**
 * Issue 17, the output half: every output written to an exclusive, unpredictable temporary file,
 * flushed and renamed; planted links never followed; temporary files removed on signals and
 * errors; exit 2 with one clear line for every output problem.
 */
import { spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  promises as fsp,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import type { PathLike } from "node:fs";
import * as path from "node:path";
import { readWorkbook } from "../../src/xlsx/read";
import { createExclusive, OutputFile } from "../../src/xlsx/output-file";
import { trackedTempFiles } from "../../src/xlsx/temp-files";
import { sha256, tempDir } from "../helpers/files";
import { run } from "./run";

/** The real module object (a namespace import cannot be spied on). */
const fs = jest.requireActual<typeof import("node:fs")>("node:fs");
const ROOT = path.resolve(__dirname, "../..");
const EXAMPLE = path.join(ROOT, "assets/contoh-jateng-2024.xlsx");
const tmp = tempDir("kkb-out-");
afterAll(() => tmp.remove());

/** A fresh folder under the test's temporary folder. */
function folder(name: string): string {
  const dir = tmp.file(name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".tmp"));

function oneLine(text: string): void {
  expect(text.trim().split("\n")).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
}

/** A system error as the file system gives it. */
function errno(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${syscall}`), { code, syscall, errno: -1 });
}

describe("outputs are written whole or not at all (issue 17 item 3)", () => {
  it("two runs at once into the same -o and --json each leave a whole, valid result", async () => {
    const dir = folder("concurrent");
    const out = path.join(dir, "ringkasan.xlsx");
    const json = path.join(dir, "hasil.json");
    const runs = await Promise.all([
      run("summarize", EXAMPLE, "-o", out, "--json", json),
      run("summarize", EXAMPLE, "-o", out, "--json", json, "--weights", "kemandirian-sentral"),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const grids = await readWorkbook(out);
    expect(grids.map((g) => g.sheet)).toContain("KKB Ringkasan");
    const parsed = JSON.parse(readFileSync(json, "utf8")) as { kampung: unknown[] };
    expect(parsed.kampung).toHaveLength(4);
    expect(temps(dir)).toEqual([]);
    expect(trackedTempFiles()).toEqual([]);
  });

  it("a full disk gives exit 2 with a clear line and leaves the earlier results as they were", async () => {
    const dir = folder("full");
    const out = path.join(dir, "ringkasan.xlsx");
    const json = path.join(dir, "hasil.json");
    expect((await run("summarize", EXAMPLE, "-o", out, "--json", json)).code).toBe(0);
    const before = [sha256(out), sha256(json)];
    // Every write to a file fails as on a full disk.
    const full = (...args: unknown[]) => {
      const callback = args[args.length - 1] as (error: Error) => void;
      process.nextTick(() => callback(errno("ENOSPC", "write")));
    };
    const write = jest.spyOn(fs, "write").mockImplementation(full as typeof fs.write);
    const writev = jest.spyOn(fs, "writev").mockImplementation(full as typeof fs.writev);
    try {
      const r = await run("summarize", EXAMPLE, "-o", out, "--json", json, "--force");
      expect(r.code).toBe(2);
      oneLine(r.err);
      expect(r.err).toMatch(/Disk penuh/);
      const en = await run("summarize", EXAMPLE, "-o", out, "--lang", "en", "--force");
      expect(en.code).toBe(2);
      expect(en.err).toMatch(/disk is full/);
    } finally {
      write.mockRestore();
      writev.mockRestore();
    }
    expect([sha256(out), sha256(json)]).toEqual(before);
    expect(temps(dir)).toEqual([]);
  });

  it("writes the JSON file through a temporary file too, flushed before the rename", async () => {
    const dir = folder("flush");
    const sync = jest.spyOn(fs, "fsync");
    const renamed: string[] = [];
    const rename = jest.spyOn(fsp, "rename").mockImplementation(async (from, to) => {
      expect(sync).toHaveBeenCalled();
      renamed.push(path.basename(String(to)));
      expect(path.basename(String(from))).toMatch(/^\..*\.[0-9a-f]{32}\.tmp$/);
      return renameSync(from, to);
    });
    try {
      const r = await run(
        "summarize",
        EXAMPLE,
        "-o",
        path.join(dir, "r.xlsx"),
        "--json",
        path.join(dir, "h.json")
      );
      expect(r.code).toBe(0);
    } finally {
      rename.mockRestore();
      sync.mockRestore();
    }
    expect(renamed).toEqual(["r.xlsx", "h.json"]);
  });
});

describe("no predictable temporary name, no link followed (issue 17 item 4)", () => {
  it("a link planted at the old temporary name never leads to writing into the input", async () => {
    const dir = folder("planted");
    const input = path.join(dir, "data.xlsx");
    copyFileSync(EXAMPLE, input);
    const before = sha256(input);
    const out = path.join(dir, "ringkasan.xlsx");
    const json = path.join(dir, "hasil.json");
    // The names of the old writer (pid-based), for this process and its neighbours.
    const planted: string[] = [];
    for (let pid = process.pid - 2; pid <= process.pid + 2; pid++) {
      for (const name of [`.ringkasan.xlsx.${pid}.tmp`, `.hasil.json.${pid}.tmp`]) {
        const link = path.join(dir, name);
        symlinkSync(input, link);
        planted.push(link);
      }
    }
    const r = await run("summarize", input, "-o", out, "--json", json);
    expect(r.code).toBe(0);
    expect(sha256(input)).toBe(before);
    for (const link of planted) expect(readlinkSync(link)).toBe(input);
    expect((await readWorkbook(out)).map((g) => g.sheet)).toContain("KKB Ringkasan");
    expect(JSON.parse(readFileSync(json, "utf8"))).toHaveProperty("kampung");
  });

  it("creates a temporary file only where no name (file, link or dangling link) exists", async () => {
    const dir = folder("exclusive");
    const target = path.join(dir, "target.txt");
    writeFileSync(target, "asli");
    const link = path.join(dir, "link.tmp");
    symlinkSync(target, link);
    const dangling = path.join(dir, "dangling.tmp");
    symlinkSync(path.join(dir, "nowhere.txt"), dangling);
    await expect(createExclusive(link)).rejects.toMatchObject({ code: "EEXIST" });
    await expect(createExclusive(dangling)).rejects.toMatchObject({ code: "EEXIST" });
    await expect(createExclusive(target)).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(target, "utf8")).toBe("asli");
    expect(existsSync(path.join(dir, "nowhere.txt"))).toBe(false);
  });

  it("gives each output its own unpredictable temporary name", async () => {
    const dir = folder("names");
    const a = await OutputFile.create(path.join(dir, "x.xlsx"));
    const b = await OutputFile.create(path.join(dir, "x.xlsx"));
    try {
      expect(a.temp).not.toBe(b.temp);
      for (const f of [a, b])
        expect(path.basename(f.temp)).toMatch(/^\.x\.xlsx\.[0-9a-f]{32}\.tmp$/);
    } finally {
      await a.discard();
      await b.discard();
    }
    expect(temps(dir)).toEqual([]);
  });
});

describe("temporary files are removed on signals and errors (issue 17 item 5)", () => {
  /** Runs kkb as its own process, signals it once its temporary files are written. */
  function signalled(args: string[], signal: NodeJS.Signals) {
    const child = spawn(
      process.execPath,
      [
        "-r",
        path.join(ROOT, "test/helpers/ts-register.js"),
        path.join(ROOT, "test/helpers/kkb-main.ts"),
        ...args,
      ],
      {
        env: { ...process.env, KKB_TEST_HOLD_BEFORE_RENAME: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      }
    );
    let err = "";
    let sent = false;
    const held: string[] = [];
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (text: string) => {
      err += text;
      const match = /KKB_TEST_HOLD (.+)\n/.exec(err);
      if (match && !sent) {
        sent = true;
        held.push(match[1]);
        // The temporary files exist now: check, then signal.
        held.push(...temps(path.dirname(match[1])));
        child.kill(signal);
      }
    });
    return new Promise<{
      code: number | null;
      signal: NodeJS.Signals | null;
      held: string[];
      err: string;
    }>((resolve) => child.on("close", (code, sig) => resolve({ code, signal: sig, held, err })));
  }

  it.each(["SIGINT", "SIGTERM"] as const)(
    "on %s: no temporary file stays, the earlier output stays whole",
    async (signal) => {
      const dir = folder(`signal-${signal}`);
      const out = path.join(dir, "ringkasan.xlsx");
      const json = path.join(dir, "hasil.json");
      writeFileSync(json, '{"lama": true}\n');
      const result = await signalled(
        ["summarize", EXAMPLE, "-o", out, "--json", json, "--force"],
        signal
      );
      expect(result.held.length).toBeGreaterThan(0);
      // Both temporary files existed when the signal came.
      expect(result.held.slice(1)).toHaveLength(2);
      expect(result.signal).toBe(signal);
      expect(temps(dir)).toEqual([]);
      expect(existsSync(out)).toBe(false);
      expect(readFileSync(json, "utf8")).toBe('{"lama": true}\n');
    },
    60_000
  );

  it("on an input that cannot be read: no temporary file and no output", async () => {
    const dir = folder("error");
    const bad = path.join(dir, "rusak.xlsx");
    writeFileSync(bad, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 1)]));
    const r = await run(
      "summarize",
      bad,
      "-o",
      path.join(dir, "r.xlsx"),
      "--json",
      path.join(dir, "h.json")
    );
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(["rusak.xlsx"]);
    expect(trackedTempFiles()).toEqual([]);
  });
});

describe("exit 2 with one clear line for output problems (issue 17 item 6)", () => {
  (existsSync("/dev/full") ? it : it.skip)(
    "standard output on a full disk: exit 2 and one line, no stack trace (skipped without /dev/full)",
    async () => {
      const full = fs.openSync("/dev/full", "w");
      try {
        const child = spawn(
          process.execPath,
          [
            "-r",
            path.join(ROOT, "test/helpers/ts-register.js"),
            path.join(ROOT, "test/helpers/kkb-main.ts"),
            "validate",
            EXAMPLE,
            "--json",
          ],
          { stdio: ["ignore", full, "pipe"] }
        );
        let err = "";
        child.stderr!.setEncoding("utf8");
        child.stderr!.on("data", (text: string) => (err += text));
        const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
        expect(code).toBe(2);
        oneLine(err);
        expect(err).toMatch(/Disk penuh: stdout/);
      } finally {
        fs.closeSync(full);
      }
    },
    60_000
  );

  it("-o into a folder that cannot be created", async () => {
    const dir = folder("blocked");
    writeFileSync(path.join(dir, "berkas"), "bukan folder");
    const out = path.join(dir, "berkas", "sub", "r.xlsx");
    const r = await run("summarize", EXAMPLE, "-o", out);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toMatch(/tidak dapat dibuat/);
    const en = await run("summarize", EXAMPLE, "-o", out, "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/cannot be created/);
  });

  it("--json into a read-only folder, before anything is written", async () => {
    const dir = folder("readonly");
    const locked = folder("readonly/locked");
    const out = path.join(dir, "r.xlsx");
    // (The tests may run as root, whom permissions do not stop: the file system's answer is
    // simulated for that one folder.)
    const real = fs.open;
    const open = jest.spyOn(fs, "open").mockImplementation(((
      file: PathLike,
      ...rest: unknown[]
    ) => {
      if (!String(file).startsWith(locked + path.sep)) {
        return (real as (...a: unknown[]) => void)(file, ...rest);
      }
      const callback = rest[rest.length - 1] as (error: Error) => void;
      process.nextTick(() => callback(errno("EACCES", "open")));
    }) as typeof fs.open);
    try {
      const r = await run("summarize", EXAMPLE, "-o", out, "--json", path.join(locked, "h.json"));
      expect(r.code).toBe(2);
      oneLine(r.err);
      expect(r.err).toMatch(/izin menulis/);
      const en = await run(
        "summarize",
        EXAMPLE,
        "-o",
        out,
        "--json",
        path.join(locked, "h.json"),
        "--lang",
        "en"
      );
      expect(en.err).toMatch(/No permission/);
    } finally {
      open.mockRestore();
    }
    expect(readdirSync(dir)).toEqual(["locked"]);
    expect(readdirSync(locked)).toEqual([]);
  });

  it("-o naming a folder", async () => {
    // A folder whose name looks like a workbook.
    const dir = path.join(folder("isdir"), "hasil.xlsx");
    mkdirSync(dir);
    const r = await run("summarize", EXAMPLE, "-o", dir);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toMatch(/adalah folder/);
    expect(r.err).toContain("/ringkasan.xlsx");
  });

  it("--json naming a folder proposes a JSON file in it", async () => {
    const dir = folder("jsondir");
    const r = await run("summarize", EXAMPLE, "-o", path.join(dir, "r.xlsx"), "--json", dir);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toContain(
      `${dir} adalah folder. Berikan nama file, misalnya ${dir}/ringkasan.json.`
    );
  });

  it("templat -o into a missing folder makes it; into one that cannot be made, exit 2", async () => {
    const dir = folder("templat");
    expect((await run("templat", "-o", path.join(dir, "baru", "t.xlsx"))).code).toBe(0);
    writeFileSync(path.join(dir, "berkas"), "x");
    const r = await run("templat", "-o", path.join(dir, "berkas", "t.xlsx"));
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toMatch(/tidak dapat dibuat/);
    expect(temps(dir)).toEqual([]);
  });
});
