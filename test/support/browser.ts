// Real-browser tests: Debian's Chromium driven by playwright-core (no browser download), a fresh
// context per test, screenshots under test-results/screenshots/ (git-ignored, kept by CI), and a
// test that fails when the page throws or logs an error. The machines have no internet: every
// request that leaves this machine (Shopify's CDN for fonts and App Bridge) is blocked at once, so
// the page neither waits for it nor counts its failure as a page error.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
export const SCREENSHOT_DIR = join(ROOT, "test-results", "screenshots");

const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Debian's Chromium (CHROMIUM_PATH overrides); tools/services/ensure.sh installs it when missing. */
export function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: run tools/services/ensure.sh as root (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath, args: LAUNCH_ARGS });
}

export interface PageOptions {
  /** Overrides for the context: by default en-US in UTC, the server's own locale and time zone. */
  context?: BrowserContextOptions;
  /** Console errors matching one of these are not problems (known noise). */
  ignore?: RegExp[];
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Page errors, console errors, failed local requests and 5xx answers seen so far. */
  problems: string[];
  /** Requests that were blocked because they leave this machine. */
  blocked: string[];
  close(): Promise<void>;
}

/** A new context (no cookies, no cache) and page, with remote requests blocked and problems collected. */
export async function openPage(browser: Browser, options: PageOptions = {}): Promise<TestPage> {
  // Pinned so the browser formats dates as the server did when it rendered the page (and as CI does).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", timezoneId: "UTC", ...options.context });
  const blocked: string[] = [];
  const problems: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  const ignored = (text: string) => (options.ignore ?? []).some((re) => re.test(text));
  page.on("pageerror", (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const source = message.location().url;
    // "Failed to load resource: net::ERR_BLOCKED_BY_CLIENT" for a request we blocked on purpose.
    if (source && blocked.includes(source)) return;
    if (ignored(message.text())) return;
    problems.push(`console error: ${message.text()}${source ? ` (${source})` : ""}`);
  });
  page.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? "";
    // A navigation or reload cancels what the previous document still had in flight.
    if (!isLocal(request.url()) || failure === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${request.method()} ${request.url()}: ${failure}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 500) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return { context, page, problems, blocked, close: () => context.close() };
}

/**
 * Registers the hooks for a browser test file: one Chromium for the file, a fresh context per test,
 * a screenshot when a test fails, and a failure when the page reported problems. Use `pages.page`
 * inside a test.
 */
export function useBrowserPages(options: PageOptions = {}): { readonly page: Page; readonly current: TestPage } {
  let browser: Browser | undefined;
  let current: TestPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error("Chromium did not start");
    current = await openPage(browser, options);
  });
  afterEach(async ({ task }) => {
    const open = current;
    current = undefined;
    if (!open) return;
    try {
      if (task.result?.state === "fail") await screenshot(open.page, `${slug(task.name)}-failure`).catch(() => undefined);
      if (open.problems.length > 0) throw new Error(`the page reported problems:\n${open.problems.join("\n")}`);
    } finally {
      await open.close();
    }
  });
  return {
    get current() {
      if (!current) throw new Error("no page: use it inside a test");
      return current;
    },
    get page() {
      return this.current.page;
    },
  };
}

/**
 * Waits until the server-rendered page is interactive: Remix's router exists and React has hydrated
 * the document (React tags each DOM element it owns), and nothing is loading any more.
 */
export async function waitForHydration(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __remixRouter?: { state: { initialized: boolean } } };
      return w.__remixRouter?.state.initialized === true && Object.keys(document.body).some((k) => k.startsWith("__reactProps$"));
    },
    undefined,
    { timeout: timeoutMs },
  );
  await page.waitForLoadState("networkidle", { timeout: timeoutMs });
}

/** Waits until Remix has finished a form submission and the revalidation that follows it. */
export async function waitForIdleNavigation(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __remixRouter?: { state: { navigation: { state: string }; revalidation: string } } };
      const state = w.__remixRouter?.state;
      return state?.navigation.state === "idle" && state.revalidation === "idle";
    },
    undefined,
    { timeout: timeoutMs },
  );
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${slug(name)}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

function isLocal(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === "data:" || protocol === "blob:" || protocol === "about:") return true;
    return LOCAL_HOSTS.has(hostname);
  } catch {
    return false;
  }
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}
