// Opens the pipeline's HTML report in headless chromium and checks that it renders as a CI artifact must:
// no console errors, no request leaving the file, every plot decoded, the sweep table sorting on a header click.
// Usage: node check-report.mjs <report.html> <screenshot.png>
// Prints one JSON line with what it saw; exits 1 with the reasons when a check fails.
import { chromium } from "playwright-core";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [reportPath, screenshotPath] = process.argv.slice(2);
if (!reportPath || !screenshotPath) {
  console.error("usage: node check-report.mjs <report.html> <screenshot.png>");
  process.exit(2);
}

const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const userDataDir = await mkdtemp(join(tmpdir(), "report-chromium-"));
const problems = [];
const result = { consoleErrors: [], externalRequests: [] };
let context;
try {
  // A persistent context is how Playwright takes a fresh --user-data-dir of our choosing.
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on("console", message => { if (message.type() === "error") result.consoleErrors.push(message.text()); });
  page.on("pageerror", error => result.consoleErrors.push(String(error)));
  page.on("request", request => {
    const url = request.url();
    if (!url.startsWith("file:") && !url.startsWith("data:")) result.externalRequests.push(url);
  });

  await page.goto(pathToFileURL(resolve(reportPath)).href, { waitUntil: "load" });
  result.title = await page.title();
  result.images = await page.$$eval("img", images => images.map(i => ({ alt: i.alt, ok: i.complete && i.naturalWidth > 0, width: i.naturalWidth })));

  const order = () => page.$$eval("#sweep tbody tr", rows => rows.map(r => r.getAttribute("data-run")));
  const column = async key => page.$$eval(`#sweep thead th`, (headers, k) => headers.findIndex(h => h.dataset.key === k), key);
  const values = async index => page.$$eval("#sweep tbody tr", (rows, i) => rows.map(r => parseFloat(r.cells[i].dataset.sort)), index);
  if (await page.$("#sweep")) {
    // The first metric column is the selection metric; sorting by it must reorder the search-space order.
    const key = await page.$eval("#sweep thead th:nth-child(6)", th => th.dataset.key);
    const index = await column(key);
    result.sortedBy = key;
    result.before = await order();
    await page.click(`#sweep thead th[data-key="${key}"]`);
    result.ascending = await values(index);
    result.afterFirstClick = await order();
    await page.click(`#sweep thead th[data-key="${key}"]`);
    result.descending = await values(index);
    const sorted = (list, sign) => list.every((v, i) => i === 0 || isNaN(v) || isNaN(list[i - 1]) || sign * (v - list[i - 1]) >= 0);
    if (JSON.stringify(result.before) === JSON.stringify(result.afterFirstClick)) problems.push("clicking a sweep header did not change the row order");
    if (!sorted(result.ascending, 1)) problems.push(`first click did not sort ${key} ascending: ${result.ascending}`);
    if (!sorted(result.descending, -1)) problems.push(`second click did not sort ${key} descending: ${result.descending}`);
  } else {
    problems.push("no sweep table (#sweep) in the report");
  }
  await page.screenshot({ path: screenshotPath, fullPage: true });

  if (result.consoleErrors.length > 0) problems.push(`console errors: ${result.consoleErrors.join(" | ")}`);
  if (result.externalRequests.length > 0) problems.push(`requests left the file: ${result.externalRequests.join(", ")}`);
  for (const image of result.images.filter(i => !i.ok)) problems.push(`image '${image.alt}' did not decode`);
} catch (error) {
  problems.push(String(error && error.stack || error));
} finally {
  if (context) await context.close();
  await rm(userDataDir, { recursive: true, force: true });
}
result.problems = problems;
console.log(JSON.stringify(result));
process.exit(problems.length === 0 ? 0 : 1);
