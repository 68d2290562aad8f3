// The HTML trace viewer, and the Mermaid chart of the job summary, in a real browser: Debian's
// Chromium driven by playwright-core. The page must make no request but its own file, show one
// step per step of the counterexample, show the state after a step when it is clicked, and keep
// markup from the model as text. Screenshots go to test-results/report/ for a person to look at.
// Without /usr/bin/chromium (`apt-get install chromium`) these tests are skipped, and say so.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestOutcome } from "../../src/explore/check.ts";
import { githubSummary } from "../../src/report/github.ts";
import { htmlTrace, scriptJson } from "../../src/report/html.ts";
import type { ModelRun } from "../../src/report/run-report.ts";
import { linkedRun, modelRun, ORDER_BUG, report, ROOT, traceOf } from "./fixture.ts";

const CHROMIUM = "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const OUT = join(ROOT, "test-results", "report");

if (!HAVE_CHROMIUM) console.warn(`test/report/html.test.ts: browser tests SKIPPED: ${CHROMIUM} is absent (apt-get install -y --no-install-recommends chromium)`);

describe("scriptJson", () => {
  it("keeps data from ending the script element it sits in", () => {
    const text = scriptJson({ s: "</script><!-- \u2028" });
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toEqual({ s: "</script><!-- \u2028" });
  });
});

describe.skipIf(!HAVE_CHROMIUM)(`in headless Chromium${HAVE_CHROMIUM ? "" : ` (SKIPPED: ${CHROMIUM} is absent)`}`, () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  interface Opened {
    readonly page: Page;
    readonly requests: string[];
    readonly errors: string[];
    readonly url: string;
  }

  /** Writes the page for `outcome` of `run` and opens it from file://, recording every request. */
  async function open(run: ModelRun, outcome: TestOutcome, name: string): Promise<Opened> {
    const path = join(OUT, `${name}.html`);
    writeFileSync(path, htmlTrace(run, outcome, traceOf(run, outcome)));
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    const url = pathToFileURL(path).href;
    await page.goto(url, { waitUntil: "load" });
    return { page, requests, errors, url };
  }

  const panelStep = (page: Page) => page.locator("#panel").getAttribute("data-step");
  const card = (page: Page, name: string) => page.locator(`#panel .card[data-name="${name}"]`);
  const cell = (page: Page, machine: string, variable: string) => card(page, machine).locator("tr", { has: page.locator(`td:text-is("${variable}")`) }).locator("td").nth(1);

  it("with the link map, the panel says where the implementation handles the step", async () => {
    const run = await linkedRun();
    const { page, errors } = await open(run, run.outcomes[0], "order-bug-linked");
    try {
      expect(errors).toEqual([]);
      await page.click("#step-4");
      expect(await page.locator("#panel .impl").textContent()).toBe("In the implementation: test/report/order-bug-impl/server.ts:17 (onReq)");
      await page.click("#step-1");
      expect(await page.locator("#panel .impl").count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it("shows the known violation: no request, a step per step, the state after the step clicked", async () => {
    const run = await modelRun(ORDER_BUG);
    const outcome = run.outcomes[0];
    const { page, requests, errors, url } = await open(run, outcome, "order-bug");
    try {
      expect(requests).toEqual([url]);
      expect(errors).toEqual([]);
      expect(await page.locator("g.step").count()).toBe(outcome.violation!.steps.length);
      expect(await page.locator(".lane").allTextContents()).toEqual(["Client(0)", "Server(1)", "Answered"]);
      expect(await page.locator("h1").textContent()).toBe("✗ assertion in test tcOrder");
      expect(await page.locator("g.step.failed").getAttribute("data-index")).toBe("7");

      // At first the failing step is selected; it left no state, so the state before it is shown.
      expect(await panelStep(page)).toBe("7");
      expect(await page.locator("#panel .failure").textContent()).toBe("✗ assertion: responses out of order: [10, 2]");
      expect(await page.locator("#panel .note").textContent()).toContain("this is the state after step 6");

      await page.click("#step-5");
      expect(await panelStep(page)).toBe("5");
      expect(await page.locator("#panel h2").textContent()).toBe("Step 5 of 7");
      expect(await page.locator("#panel .title").textContent()).toBe("Client(0) in Init handles eResp 10");
      expect(await card(page, "Client(0)").locator('[data-role="state"]').textContent()).toBe("Init");
      expect(await cell(page, "Client(0)", "got").textContent()).toBe("[10]");
      expect(await cell(page, "Client(0)", "got").getAttribute("class")).toBe("changed");
      expect(await cell(page, "Client(0)", "server").textContent()).toBe("Server(1)");
      expect(await cell(page, "Client(0)", "inbox").textContent()).toBe("empty");
      expect(await cell(page, "Server(1)", "inbox").textContent()).toBe("eReq (client = Client(0), n = 2)");
      expect(await card(page, "Answered").locator('[data-role="state"]').textContent()).toBe("Waiting");
      expect(await cell(page, "Answered", "pending").textContent()).toBe("1");
      expect(await page.locator("g.step.selected").getAttribute("data-index")).toBe("5");

      // The arrow keys move through the steps.
      await page.keyboard.press("ArrowUp");
      expect(await panelStep(page)).toBe("4");
      expect(await cell(page, "Client(0)", "inbox").textContent()).toBe("eResp 10");
      await page.click("#step-1");
      expect(await card(page, "Client(0)").locator('[data-role="state"]').textContent()).toBe("Init");
      expect(await card(page, "Client(0)").locator(".badge").textContent()).toBe("running");

      await page.click("#step-6");
      await page.screenshot({ path: join(OUT, "order-bug.png") });
      expect(requests).toEqual([url]);
    } finally {
      await page.close();
    }
  });

  it("shows a liveness cycle after the steps that lead to it, and the end of the counterexample", async () => {
    const run = await modelRun("test/explore/semantics/live-cycle.p");
    const outcome = run.outcomes.find((o) => o.violation !== undefined)!;
    const { page, requests, errors, url } = await open(run, outcome, "live-cycle");
    try {
      expect(requests).toEqual([url]);
      expect(errors).toEqual([]);
      const v = outcome.violation!;
      expect(await page.locator("g.step").count()).toBe(v.steps.length + v.cycle!.length);
      expect(await page.locator("g.step.cycle").count()).toBe(v.cycle!.length);
      expect(await page.locator(".cycle-label").textContent()).toBe("then, forever:");
      expect(await page.locator("g.end").textContent()).toContain("liveness (monitor Answered): monitor Answered can stay hot forever");
      expect(await page.locator("#panel h2").textContent()).toBe("Step 6 of 6 (repeats forever)");
      await page.click("#step-3");
      expect(await card(page, "Answered").locator('[data-role="state"]').textContent()).toBe("Waiting");
      await page.screenshot({ path: join(OUT, "live-cycle.png") });
    } finally {
      await page.close();
    }
  });

  it("keeps markup from the model as text", async () => {
    const run = await modelRun("test/report/markup.p");
    const outcome = run.outcomes[0];
    const { page, requests, errors, url } = await open(run, outcome, "markup");
    try {
      expect(requests).toEqual([url]);
      expect(errors).toEqual([]);
      expect(await page.title()).toBe("tcMarkup: assertion · Pith counterexample");
      expect(await page.locator("script").count()).toBe(2);
      expect(await page.locator(".message").textContent()).toBe("cannot keep <</script><script>document.title = 'injected'</script>> & more");
      await page.click("#step-1");
      expect(await cell(page, "Writer(0)", "inbox").textContent()).toBe("eNote </script><script>document.title = 'injected'</script>");
    } finally {
      await page.close();
    }
  });

  it("draws the job summary's Mermaid charts", async () => {
    const runs = [await modelRun(ORDER_BUG), await modelRun("test/explore/semantics/live-cycle.p"), await modelRun("test/explore/semantics/deadlock.p")];
    const summary = githubSummary(report(...runs));
    const charts = [...summary.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(charts).toHaveLength(3);
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    try {
      await page.setContent('<!DOCTYPE html><html><body style="margin:0;background:#fff"><div id="out"></div></body></html>');
      await page.addScriptTag({ path: join(ROOT, "node_modules", "mermaid", "dist", "mermaid.min.js") });
      const svgs = await page.evaluate(async (texts: string[]) => {
        const mermaid = (globalThis as unknown as { mermaid: { initialize(c: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
        const out: string[] = [];
        for (const [i, text] of texts.entries()) out.push((await mermaid.render(`chart${i}`, text)).svg);
        (globalThis as unknown as { document: { getElementById(id: string): { innerHTML: string } } }).document.getElementById("out").innerHTML = out[0];
        return out;
      }, charts);
      expect(svgs.every((svg) => svg.startsWith("<svg"))).toBe(true);
      expect(svgs[0]).toContain("responses out of order: [10, 2]");
      expect(svgs[0]).toContain("eReq (client = Client(0), n = 1)");
      await page.locator("#out svg").screenshot({ path: join(OUT, "order-bug.mermaid.png") });
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
