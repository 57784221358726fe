// Drives the tracking server's web dashboard in headless chromium: every page loads without console errors or
// requests leaving the server, a sort header click reorders the runs, the filter box narrows them, the compare view
// draws its parallel-coordinates SVG, PNG previews decode.
// Usage: node check-dashboard.mjs <server base url> <experiment id> <screenshot.png>
// Prints one JSON line with what it saw; exits 1 with the reasons when a check fails.
import { isSorted, runBrowserCheck } from "./headless.mjs";

const [baseUrl, experimentId, screenshotPath] = process.argv.slice(2);
if (!baseUrl || !experimentId || !screenshotPath) {
  console.error("usage: node check-dashboard.mjs <server base url> <experiment id> <screenshot.png>");
  process.exit(2);
}

const origin = new URL(baseUrl).origin;
await runBrowserCheck("dashboard", url => url.startsWith(origin), "the server", { pages: [] }, async (page, result, problems) => {
  const visit = async action => {
    const [response] = await Promise.all([page.waitForNavigation({ waitUntil: "load" }), action()]);
    result.pages.push({ url: page.url().slice(origin.length), status: response.status() });
    if (response.status() !== 200) problems.push(`${page.url()} answered ${response.status()}`);
  };
  const rows = () => page.$$eval("#runs tbody tr", trs => trs.map(r => ({ run: r.dataset.run, depth: r.dataset.depth })));

  await visit(() => page.goto(baseUrl));
  await visit(() => page.click(`#experiments a[href="/experiments/${experimentId}"]`));
  result.before = await rows();

  // Sort by the first metric column, ascending then descending; trials are siblings, so their order shows it.
  const key = await page.$eval("#runs thead tr.columns th.metric", th => th.dataset.key);
  result.sortedBy = key;
  const trialValues = async () => {
    const index = await page.$$eval("#runs thead tr.columns th", (ths, k) => ths.findIndex(th => th.dataset.key === k), key);
    return page.$$eval("#runs tbody tr[data-depth='1']", (trs, i) => trs.map(r => parseFloat(r.cells[i].textContent)), index);
  };
  await visit(() => page.click(`#runs thead th[data-key="${key}"] a`));
  result.afterFirstClick = await rows();
  result.ascending = await trialValues();
  await visit(() => page.click(`#runs thead th[data-key="${key}"] a`));
  result.descending = await trialValues();
  const sorted = (list, sign) => list.length > 1 && !list.some(isNaN) && isSorted(list, sign);
  if (JSON.stringify(result.before) === JSON.stringify(result.afterFirstClick)) problems.push("clicking a sort header did not change the row order");
  if (!sorted(result.ascending, 1)) problems.push(`first click did not sort ${key} ascending: ${result.ascending}`);
  if (!sorted(result.descending, -1)) problems.push(`second click did not sort ${key} descending: ${result.descending}`);

  // Filter: the text box goes to the store's search grammar.
  await page.fill("#filter", "params.kernel = 'rbf'");
  await visit(() => page.click("#apply-filter"));
  result.filtered = await rows();
  const kernels = await page.$$eval("#runs thead tr.columns th", ths => ths.findIndex(th => th.dataset.key === "params.kernel"))
    .then(i => page.$$eval("#runs tbody tr", (trs, i) => trs.map(r => r.cells[i].textContent), i));
  if (result.filtered.length === 0 || result.filtered.length >= result.before.length) problems.push(`the filter did not narrow the table: ${result.before.length} -> ${result.filtered.length}`);
  if (kernels.some(k => k !== "rbf")) problems.push(`filtered rows include kernels ${kernels}`);

  // Compare the trials of the unfiltered table.
  await visit(() => page.goto(`${baseUrl}experiments/${experimentId}`));
  const trials = await page.$$("#runs tbody tr[data-depth='1'] input[type=checkbox]");
  for (const box of trials) await box.check();
  await visit(() => page.click("#compare"));
  result.compare = await page.$eval("#parallel", svg => {
    const box = svg.getBoundingClientRect();
    return { width: box.width, height: box.height, lines: svg.querySelectorAll("path.run-line").length, axes: svg.querySelectorAll("line.axis").length };
  }).catch(error => ({ error: String(error) }));
  if (!(result.compare.lines === trials.length && trials.length > 1)) problems.push(`compare view drew ${JSON.stringify(result.compare)} for ${trials.length} runs`);
  if (!(result.compare.width > 100 && result.compare.height > 100)) problems.push(`parallel-coordinates SVG is not visible: ${JSON.stringify(result.compare)}`);
  await page.screenshot({ path: screenshotPath, fullPage: true });

  // A run page (charts) and the parent's plots folder (PNG previews), then the models page.
  await visit(() => page.click("#compare-table thead a"));
  result.runCharts = await page.$$eval("#metric-charts svg polyline", lines => lines.length);
  if (result.runCharts === 0) problems.push("the run page drew no metric chart");
  const parent = await page.$eval("#parent-run a", a => a.getAttribute("href")).catch(() => null);
  if (parent) {
    await visit(() => page.goto(`${origin}${parent}?path=plots`));
    result.images = await page.$$eval("img.preview", images => images.map(i => ({ alt: i.alt, ok: i.complete && i.naturalWidth > 0 })));
    for (const image of result.images.filter(i => !i.ok)) problems.push(`preview '${image.alt}' did not decode`);
  } else {
    problems.push("the trial's run page does not link its parent");
  }
  await visit(() => page.goto(`${baseUrl}models`));
});
