// What a person checks on the dashboard at 1400x900 (issue 15), against a server behind an auth token:
// the selection metric's column is in view on the runs page, the winning trial is marked, every run id on a run page
// is a link that resolves, comparing 4 runs needs no sideways scroll, the wine parallel coordinates draw one whole line
// per trial, and an alias set on the model version page through its form reaches the registry (the C# test reads it
// back through the REST API).
// Usage: node check-dashboard-team.mjs <base url> <token> <screenshot folder> <json with the ids to visit>
import { runBrowserCheck } from "./headless.mjs";

const [baseUrl, token, screenshots, idsJson] = process.argv.slice(2);
if (!baseUrl || !token || !screenshots || !idsJson) {
  console.error("usage: node check-dashboard-team.mjs <base url> <token> <screenshot folder> <ids json>");
  process.exit(2);
}
const ids = JSON.parse(idsJson);
const origin = new URL(baseUrl).origin;
const width = 1400, height = 900;

await runBrowserCheck("dashboard-team", url => url.startsWith(origin), "the server", {}, async (page, result, problems) => {
  const open = async (name, path) => {
    const response = await page.goto(origin + path, { waitUntil: "load" });
    if (response.status() !== 200) problems.push(`${path} answered ${response.status()}`);
    await page.screenshot({ path: `${screenshots}/${name}.png` });
  };

  // Runs page: the selection metric's header lies inside the window; the winner's row is marked.
  await open("runs", `/experiments/${ids.breastCancer}`);
  result.selection = await page.$eval(`#runs thead th[data-key="metrics.roc_auc"]`, th => {
    const box = th.getBoundingClientRect();
    return { left: box.left, right: box.right, top: box.top, visible: getComputedStyle(th).display !== "none" && !th.hidden };
  }).catch(error => ({ error: String(error) }));
  result.selectionInView = !!result.selection.visible && result.selection.left >= 0 && result.selection.right <= width && result.selection.top < height;
  result.winners = await page.$$eval("#runs tr.winner", rows => rows.map(r => ({ run: r.dataset.run, badge: r.querySelector(".badge")?.textContent ?? "" })));

  // Run pages: every text that is a run id sits in a link, and the link answers 200.
  result.runIds = [];
  for (const [name, run] of [["run-sweep", ids.sweep], ["run-evaluation", ids.evaluation]]) {
    await open(name, `/runs/${run}`);
    const found = await page.$$eval("main *", elements => elements
      .filter(e => e.children.length === 0 && /^[0-9a-f]{32}$/.test(e.textContent.trim()))
      .map(e => ({ id: e.textContent.trim(), href: e.closest("a")?.getAttribute("href") ?? null })));
    for (const item of found) {
      item.page = name;
      item.status = item.href ? (await page.request.get(origin + item.href)).status() : null;
      result.runIds.push(item);
    }
  }
  for (const item of result.runIds.filter(i => i.href === null || i.status !== 200)) problems.push(`run id ${item.id} on ${item.page}: ${item.href ?? "not a link"} (${item.status})`);

  // Compare 4 runs: nothing scrolls sideways.
  await open("compare-4", `/compare?runs=${ids.breastCancerTrials.slice(0, 4).join(",")}`);
  result.compare4 = await page.evaluate(() => {
    const box = document.querySelector("#compare-table").closest(".scroll");
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, table: box.scrollWidth - box.clientWidth };
  });

  // Wine: one unbroken line per trial across every axis.
  await open("compare-wine", `/compare?runs=${ids.wineTrials.join(",")}`);
  await page.locator("#parallel").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshots}/compare-wine-parallel.png` });
  result.wine = await page.$eval("#parallel", svg => {
    const axes = svg.querySelectorAll("line.axis").length;
    const lines = [...svg.querySelectorAll("path.run-line")].map(p => (p.getAttribute("d").match(/[ML]/g) || []).length);
    return { axes, lines, whole: lines.filter(points => points === axes).length };
  });

  // Model version page: set an alias through the form (the page's script calls the REST API).
  await open("model-version", `/models/wine-classifier/versions/1`);
  await page.fill("#new-alias", "staging");
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("#set-alias")]);
  result.aliasesShown = await page.$$eval("#aliases code", codes => codes.map(c => c.textContent));
  await page.screenshot({ path: `${screenshots}/model-version-after-alias.png` });
  // The browser sends the credentials a person typed at the login prompt with every request, the edit forms' too.
}, { viewport: { width, height }, extraHTTPHeaders: { Authorization: `Basic ${Buffer.from(`team:${token}`).toString("base64")}` } });
