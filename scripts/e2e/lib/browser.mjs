// Debian's Chromium driven by playwright-core (no browser download), plus what every
// browser test checks on every page: no request leaves our origin, no CSP violation or
// script error, and axe-core finds no WCAG 2.1 A/AA violation.
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import assert from "node:assert/strict";

import jsQR from "jsqr";
import { chromium } from "playwright-core";

import { ROOT } from "./server.mjs";

const require = createRequire(import.meta.url);
export const SCREENSHOTS = join(ROOT, "screenshots");

export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const PROJECTOR = { viewport: { width: 1920, height: 1080 } };
export const DESK = { viewport: { width: 1280, height: 900 } };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}

/**
 * A browser context for `server` that records every problem a page shows: requests to
 * other origins, console errors (CSP violations among them) and uncaught exceptions.
 * `context.problems` lists them; `assertClean(context)` fails the test when there are any.
 */
export async function newContext(browser, server, options = {}) {
  const { lang = "de", ...rest } = options;
  const context = await browser.newContext({ locale: lang, ...rest });
  const origin = new URL(server.url).origin;
  context.problems = [];
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) {
      context.problems.push(`request to another origin: ${request.url()}`);
    }
  });
  context.on("page", (page) => watchPage(context, page));
  return context;
}

function watchPage(context, page) {
  page.on("console", (message) => {
    if (message.type() === "error" && !expectedConsoleError(message.text())) {
      context.problems.push(`console error on ${page.url()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => context.problems.push(`script error on ${page.url()}: ${error.message}`));
}

// Chromium logs a failed request (4xx/5xx) as a console error; tests that provoke one
// say so by asserting the status themselves.
function expectedConsoleError(text) {
  return /^Failed to load resource: the server responded with a status of (4\d\d)/.test(text);
}

export function assertClean(context) {
  assert.deepEqual(context.problems, [], "the pages showed problems");
}

const axeSource = readFile(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now. */
export async function assertAccessible(page, label) {
  await page.evaluate(await axeSource);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  const violations = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  assert.deepEqual(violations, [], `axe-core on ${label} (${page.url()})`);
}

/** Writes a full-page screenshot to screenshots/NAME.png for people to review. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The cues of every text track of the page's video, once the browser has read them. */
export async function trackCues(page) {
  return page.evaluate(async () => {
    const video = document.querySelector("video");
    const tracks = [...video.textTracks];
    for (const track of tracks) track.mode = "hidden";
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && tracks.some((t) => !t.cues || t.cues.length === 0)) {
      await new Promise((ok) => setTimeout(ok, 200));
    }
    return Object.fromEntries(tracks.map((t) => [t.language, t.cues ? [...t.cues].map((c) => c.text) : []]));
  });
}

/**
 * Reads the QR code in `locator` as a phone camera would: from the pixels Chromium drew
 * (a screenshot), decoded by jsQR. Returns the text it holds.
 */
export async function readQr(page, locator) {
  const png = (await locator.screenshot()).toString("base64");
  const { width, height, pixels } = await page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext("2d");
    context.drawImage(img, 0, 0);
    return { width: canvas.width, height: canvas.height, pixels: Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data) };
  }, png);
  const found = jsQR(Uint8ClampedArray.from(pixels), width, height);
  assert.ok(found, "the QR code can be read");
  return found.data;
}

/**
 * The controls inside `scope` that are smaller than 44 × 44 px (buttons, form fields,
 * labels around a choice, links styled as buttons), as "text: w×h" lines.
 */
export function smallTargets(page, scope) {
  return page.evaluate((scope) => {
    const controls = `button, select, input:not([type=hidden]), label:has(input), summary, a.button, a.big-button`;
    return Array.from(document.querySelectorAll(scope))
      .flatMap((root) => Array.from(root.querySelectorAll(controls)))
      // A box is measured where it is drawn; an input inside its label is the label's.
      .filter((el) => el.offsetParent !== null && !(el.matches("input") && el.closest("label")))
      .map((el) => [(el.textContent || el.name || el.type).trim().slice(0, 30), el.getBoundingClientRect()])
      .filter(([, r]) => r.height < 44 || r.width < 44)
      .map(([name, r]) => `${name}: ${Math.round(r.width)}×${Math.round(r.height)}`);
  }, scope);
}
