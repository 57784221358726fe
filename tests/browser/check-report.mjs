// Opens the pipeline's HTML report in headless chromium and checks that it renders as a CI artifact must:
// no console errors, no request leaving the file, every plot decoded, the sweep table sorting on a header click.
// Usage: node check-report.mjs <report.html> <screenshot.png>
// Prints one JSON line with what it saw; exits 1 with the reasons when a check fails.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isSorted, runBrowserCheck } from "./headless.mjs";

const [reportPath, screenshotPath] = process.argv.slice(2);
if (!reportPath || !screenshotPath) {
  console.error("usage: node check-report.mjs <report.html> <screenshot.png>");
  process.exit(2);
}

await runBrowserCheck("report", url => url.startsWith("file:"), "the file", {}, async (page, result, problems) => {
  await page.goto(pathToFileURL(resolve(reportPath)).href, { waitUntil: "load" });
  result.title = await page.title();
  result.images = await page.$$eval("img", images => images.map(i => ({ alt: i.alt, ok: i.complete && i.naturalWidth > 0, width: i.naturalWidth })));

  const order = () => page.$$eval("#sweep tbody tr", rows => rows.map(r => r.getAttribute("data-run")));
  const column = async key => page.$$eval(`#sweep thead th`, (headers, k) => headers.findIndex(h => h.dataset.key === k), key);
  const values = async index => page.$$eval("#sweep tbody tr", (rows, i) => rows.map(r => parseFloat(r.cells[i].dataset.sort)), index);
  if (await page.$("#sweep")) {
    // The first metric column (after #, trial, status, params) is the selection metric; sorting by it must reorder the search-space order.
    const key = await page.$eval("#sweep thead th:nth-child(5)", th => th.dataset.key);
    const index = await column(key);
    result.sortedBy = key;
    result.before = await order();
    await page.click(`#sweep thead th[data-key="${key}"]`);
    result.ascending = await values(index);
    result.afterFirstClick = await order();
    await page.click(`#sweep thead th[data-key="${key}"]`);
    result.descending = await values(index);
    if (JSON.stringify(result.before) === JSON.stringify(result.afterFirstClick)) problems.push("clicking a sweep header did not change the row order");
    if (!isSorted(result.ascending, 1)) problems.push(`first click did not sort ${key} ascending: ${result.ascending}`);
    if (!isSorted(result.descending, -1)) problems.push(`second click did not sort ${key} descending: ${result.descending}`);
  } else {
    problems.push("no sweep table (#sweep) in the report");
  }
  await page.screenshot({ path: screenshotPath, fullPage: true });
  for (const image of result.images.filter(i => !i.ok)) problems.push(`image '${image.alt}' did not decode`);
});
