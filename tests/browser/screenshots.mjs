// Takes a 1400x900 screenshot of dashboard pages, as a person at a laptop sees them (the first screen, not the whole page).
// Usage: node screenshots.mjs <server base url> <folder> <name>=<path>...   (writes <folder>/<name>.png)
import { runBrowserCheck } from "./headless.mjs";

const [baseUrl, folder, ...pages] = process.argv.slice(2);
if (!baseUrl || !folder || pages.length === 0) {
  console.error("usage: node screenshots.mjs <server base url> <folder> <name>=<path>...");
  process.exit(2);
}

const origin = new URL(baseUrl).origin;
await runBrowserCheck("screenshots", url => url.startsWith(origin), "the server", { pages: [] }, async (page, result, problems) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  for (const spec of pages) {
    const [name, path] = [spec.slice(0, spec.indexOf("=")), spec.slice(spec.indexOf("=") + 1)];
    const response = await page.goto(origin + path, { waitUntil: "load" });
    if (response.status() !== 200) problems.push(`${path} answered ${response.status()}`);
    await page.screenshot({ path: `${folder}/${name}.png` });
    result.pages.push({ name, path, status: response.status() });
  }
});
