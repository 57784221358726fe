// Checks how dashboard pages lay out in headless chromium at 1280 px: the page never scrolls sideways (wide tables and
// plots scroll in their own box), run names and start times stay on one line, and every SVG label lies inside its chart.
// Usage: node check-dashboard-layout.mjs <server base url> <screenshot folder> <path>...
// Prints one JSON line with what it saw per page; exits 1 with the reasons when a check fails.
import { runBrowserCheck } from "./headless.mjs";

const [baseUrl, screenshots, ...paths] = process.argv.slice(2);
if (!baseUrl || !screenshots || paths.length === 0) {
  console.error("usage: node check-dashboard-layout.mjs <server base url> <screenshot folder> <path>...");
  process.exit(2);
}

const origin = new URL(baseUrl).origin;
await runBrowserCheck("dashboard-layout", url => url.startsWith(origin), "the server", { pages: [] }, async (page, result, problems) => {
  for (const [index, path] of paths.entries()) {
    const response = await page.goto(origin + path, { waitUntil: "load" });
    const seen = await page.evaluate(() => {
      const root = document.documentElement;
      const lines = [...document.querySelectorAll("td.name, td.time")].map(td => {
        const style = getComputedStyle(td);
        const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4;
        return Math.round((td.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / line);
      });
      const clipped = [];
      for (const svg of document.querySelectorAll("svg")) {
        const width = svg.viewBox.baseVal.width, height = svg.viewBox.baseVal.height;
        for (const text of svg.querySelectorAll("text")) {
          const box = text.getBBox();
          if (box.x < -0.5 || box.y < -0.5 || box.x + box.width > width + 0.5 || box.y + box.height > height + 0.5)
            clipped.push(`${text.textContent} at x=${box.x.toFixed(1)}..${(box.x + box.width).toFixed(1)} of ${width}`);
        }
      }
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, maxLines: Math.max(0, ...lines), clipped };
    });
    await page.screenshot({ path: `${screenshots}/layout-${index}.png`, fullPage: true });
    result.pages.push({ path, status: response.status(), ...seen });
    if (response.status() !== 200) problems.push(`${path} answered ${response.status()}`);
    if (seen.scrollWidth > seen.clientWidth) problems.push(`${path} is ${seen.scrollWidth} px wide in a ${seen.clientWidth} px window`);
    if (seen.maxLines > 1) problems.push(`${path}: a run name or start time wraps onto ${seen.maxLines} lines`);
    for (const label of seen.clipped) problems.push(`${path}: chart label '${label}' is cut off`);
  }
});
