// What both browser checks share: Debian's chromium launched headless by playwright-core with a throwaway profile,
// console errors and requests leaving the page's own origin collected, one JSON line printed with what was seen, and
// exit code 1 with the reasons when anything failed.
import { chromium } from "playwright-core";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs `check(page, result, problems)` in a fresh headless chromium, then exits the process.
 * @param {string} name          short name for the profile folder
 * @param {(url: string) => boolean} isOwn   whether a request stays where it should (everything else is "external")
 * @param {string} ownPlace      how problems name that place ("the file", "the server")
 * @param {object} result        what the check reports; consoleErrors and externalRequests are added
 * @param {(page, result, problems: string[]) => Promise<void>} check
 * @param {object} contextOptions  extra Playwright context options (viewport, httpCredentials)
 */
export async function runBrowserCheck(name, isOwn, ownPlace, result, check, contextOptions = {}) {
  const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  const userDataDir = await mkdtemp(join(tmpdir(), `${name}-chromium-`));
  const problems = [];
  Object.assign(result, { consoleErrors: [], externalRequests: [] });
  let context;
  try {
    // A persistent context is how Playwright takes a fresh --user-data-dir of our choosing.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      ...contextOptions,
    });
    const page = context.pages()[0] ?? await context.newPage();
    page.on("console", message => { if (message.type() === "error") result.consoleErrors.push(message.text()); });
    page.on("pageerror", error => result.consoleErrors.push(String(error)));
    page.on("request", request => {
      const url = request.url();
      if (!isOwn(url) && !url.startsWith("data:")) result.externalRequests.push(url);
    });

    await check(page, result, problems);

    if (result.consoleErrors.length > 0) problems.push(`console errors: ${result.consoleErrors.join(" | ")}`);
    if (result.externalRequests.length > 0) problems.push(`requests left ${ownPlace}: ${result.externalRequests.join(", ")}`);
  } catch (error) {
    problems.push(String(error && error.stack || error));
  } finally {
    if (context) await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
  result.problems = problems;
  console.log(JSON.stringify(result));
  process.exit(problems.length === 0 ? 0 : 1);
}

/** True when every number follows its predecessor in the direction of `sign` (1 ascending, -1 descending); NaNs are skipped. */
export const isSorted = (list, sign) => list.every((v, i) => i === 0 || isNaN(v) || isNaN(list[i - 1]) || sign * (v - list[i - 1]) >= 0);
