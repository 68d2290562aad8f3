// Writing files (src/files.ts): folders made level by level, and file-system refusals in words.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeFileSystemError, isFileSystemError, makeFolder, writeTextFile } from "../src/files.ts";

const base = () => mkdtempSync(join(tmpdir(), "pith-files-"));

function refusal(f: () => void): string {
  try {
    f();
  } catch (error) {
    if (isFileSystemError(error)) return describeFileSystemError(error);
    throw error;
  }
  throw new Error("expected the file system to refuse");
}

describe("makeFolder and writeTextFile", () => {
  it("make every missing folder, and leave existing ones as they are", () => {
    const dir = base();
    makeFolder(join(dir, "a", "b", "c"));
    expect(statSync(join(dir, "a", "b", "c")).isDirectory()).toBe(true);
    makeFolder(join(dir, "a", "b"));
    writeTextFile(join(dir, "a", "x", "y.txt"), "text");
    expect(readFileSync(join(dir, "a", "x", "y.txt"), "utf8")).toBe("text");
  });

  it("say which path the file system refused and why, leaving the file in the way as it was", () => {
    const dir = base();
    writeFileSync(join(dir, "file"), "kept");
    expect(refusal(() => writeTextFile(join(dir, "file", "deeper", "x.txt"), "lost?"))).toBe(
      `cannot mkdir ${join(dir, "file", "deeper")}: a part of the path is a file, not a folder [ENOTDIR]`,
    );
    expect(readFileSync(join(dir, "file"), "utf8")).toBe("kept");
    expect(refusal(() => writeTextFile(dir, "x"))).toBe(`cannot open ${dir}: it is a folder [EISDIR]`);
  });

  it("tells file-system errors from others", () => {
    expect(isFileSystemError(new Error("plain"))).toBe(false);
    expect(isFileSystemError(Object.assign(new Error("x"), { code: "ENOENT", path: "/x" }))).toBe(true);
  });
});
