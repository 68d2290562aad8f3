// `pith check` and `pith replay` with the link map: a model linked to its implementation (by
// --link, or by `link` in pith.json) shows, in every report, the method that handles each step of
// a counterexample; a link to nothing is an error at its place; an unlinked model's reports are
// what they always were.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { folder, pith, pithWith } from "./helpers.ts";

const REPORT = join(import.meta.dirname, "..", "report");

/** The reporters' known violation and its implementation, in a project of its own. */
function project(link: string | undefined): string {
  const entry = link === undefined ? "" : `, "link": ${JSON.stringify(link)}`;
  return folder({
    "pith.json": `{\n  "models": [\n    { "name": "order", "paths": ["model"]${entry} }\n  ]\n}\n`,
    "model/order.p": readFileSync(join(REPORT, "order-bug.p"), "utf8"),
    "impl/server.ts": readFileSync(join(REPORT, "order-bug-impl", "server.ts"), "utf8"),
    "impl/client.ts": readFileSync(join(REPORT, "order-bug-impl", "client.ts"), "utf8"),
  });
}

const SERVER = "impl/server.ts:17";
const CLIENT = "impl/client.ts:22";
const withoutNotes = (text: string) => text.replace(/ {2}\[impl: [^\]]*\]/g, "");

describe("pith check with a link", () => {
  it("--link: the text report shows the implementation next to each step it handles", async () => {
    const dir = project(undefined);
    const linked = await pith(dir, "check", "model", "--link", "impl", "--no-cache");
    expect(linked.code).toBe(1);
    expect(linked.stdout).toContain(`  4. Server(1) in Serve handles eReq (client = Client(0), n = 1)  [impl: ${SERVER}]\n`);
    expect(linked.stdout).toContain(`  7. Client(0) in Init handles eResp 2  [impl: ${CLIENT}]\n`);
    const plain = await pith(dir, "check", "model", "--no-cache");
    expect(withoutNotes(linked.stdout).replace(/\d+\.\d\d s/g, "T")).toBe(plain.stdout.replace(/\d+\.\d\d s/g, "T"));
    expect(plain.stdout).not.toContain("[impl:");
  });

  it("pith.json's link: every report, also when the result comes from the cache", async () => {
    const dir = project("impl");
    const summary = join(dir, "summary.md");
    const args = ["check", "--reporter", "github", "--reporter", "json", "--out", "out/r.json", "--reporter", "sarif", "--out", "out/r.sarif", "--reporter", "junit", "--out", "out/r.xml", "--html", "pages"];
    for (const round of ["checked", "from the cache"]) {
      const ran = await pithWith(dir, { GITHUB_STEP_SUMMARY: summary }, ...args);
      expect(ran.code, round).toBe(1);
      expect(ran.stdout, round).toContain(`  5. Client(0) in Init handles eResp 10  [impl: ${CLIENT}]\n`);
      expect(ran.stdout, round).toMatch(new RegExp(`::error file=model/order.p,.*%0A  4\\. Server\\(1\\) in Serve handles eReq .*  \\[impl: ${SERVER.replace(/\./g, "\\.")}\\]%0A`));
      const json = JSON.parse(readFileSync(join(dir, "out/r.json"), "utf8"));
      expect(json.models[0].tests[0].violation.steps[3].impl, round).toEqual({ file: "impl/server.ts", line: 17, method: "onReq" });
      const sarif = JSON.parse(readFileSync(join(dir, "out/r.sarif"), "utf8"));
      expect(sarif.runs[0].results[0].relatedLocations.map((l: { physicalLocation: { artifactLocation: { uri: string } } }) => l.physicalLocation.artifactLocation.uri)).toEqual([
        "impl/server.ts",
        "impl/client.ts",
      ]);
      expect(readFileSync(join(dir, "out/r.xml"), "utf8")).toContain(`[impl: ${SERVER}]`);
      expect(readFileSync(join(dir, "pages/order/tcOrder.html"), "utf8")).toContain(`${SERVER} (onReq)`);
      expect(readFileSync(summary, "utf8")).toContain(`[impl: ${CLIENT}]`);
    }
  });

  it("a counterexample from the cache, whose model was not parsed, is linked too", async () => {
    const dir = project("impl");
    const first = await pith(dir, "check");
    const again = await pith(dir, "check", "--reporter", "json");
    expect(first.stdout).toContain(`[impl: ${SERVER}]`);
    const doc = JSON.parse(again.stdout);
    expect(doc.models[0]).toMatchObject({ cached: ["tcOrder"], parsed: false });
    expect(doc.models[0].tests[0].violation.steps[6].impl).toEqual({ file: "impl/client.ts", line: 22, method: "onResp" });
  });

  it("a link to nothing is an error at its place in pith.json", async () => {
    const dir = project("impl/nowhere");
    const ran = await pith(dir, "check");
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toBe(
      [
        'pith.json:3:52: error: the link of model "order": impl/nowhere: no such file or folder. "link" names the model\'s implementation: a tsconfig.json, or a folder of .ts files, relative to pith.json.',
        "  |",
        '3 |     { "name": "order", "paths": ["model"], "link": "impl/nowhere" }',
        "  |                                                    ^^^^^^^^^^^^^^",
        "",
        "1 error in pith.json; docs/config.md describes every field.",
        "",
      ].join("\n"),
    );
    const file = await pith(project("model/order.p"), "check");
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('pith.json:3:52: error: the link of model "order": model/order.p: the code is a tsconfig.json or a folder of .ts files (it comes after the model).');
  });

  it("a link that is not a path is a pith.json error", async () => {
    const dir = folder({ "pith.json": '{ "models": [{ "name": "m", "paths": ["m.p"], "link": 3 }] }\n', "m.p": "" });
    const ran = await pith(dir, "check");
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("pith.json:1:55: error: models[0].link must be a string in double quotes, not 3. The model's implementation: a tsconfig.json, or a folder");
  });

  it("--link goes with paths, and must name something", async () => {
    const dir = project(undefined);
    expect(await pith(dir, "check", "--link", "impl")).toMatchObject({ code: 2, stderr: expect.stringContaining('--link names the implementation of the model given by paths; for the models of pith.json, write "link"') });
    expect(await pith(dir, "check", "model", "--link", "nowhere")).toMatchObject({ code: 2, stderr: expect.stringContaining("--link nowhere: no such file or folder") });
  });

  it("pith replay --link", async () => {
    const dir = project(undefined);
    expect((await pith(dir, "check", "model", "--trace-out", "bug.json", "--no-cache")).code).toBe(1);
    const ran = await pith(dir, "replay", "bug.json", "--link", "impl");
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain(`  6. Server(1) in Serve handles eReq (client = Client(0), n = 2)  [impl: ${SERVER}]\n`);
    const plain = await pith(dir, "replay", "bug.json");
    expect(withoutNotes(ran.stdout)).toBe(plain.stdout);
  });
});
