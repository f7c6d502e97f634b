// The measurement behind scripts/measure-lesson-page (see there). Not a test: it prints
// figures; the ≤ 60 KB budget is checked by eye in the closing note of issue 6.
import { waitFor } from "./lib/server.mjs";
import { codeLogin, startDemo } from "./lib/demo.mjs";
import { newContext, PHONE } from "./lib/browser.mjs";
import { forceHlsJs, videoState } from "./lib/learner.mjs";

function kind(request, contentType) {
  const type = request.resourceType();
  const path = new URL(request.url()).pathname;
  if (type === "document") return "HTML";
  if (type === "stylesheet") return "CSS";
  if (type === "script") return "JS";
  if (type === "image" || /^image\//.test(contentType) || path.endsWith(".svg")) return "images";
  if (/\.(m3u8|m4s|mp4|vtt)$/.test(path)) return "media";
  return "other";
}

/** Records every finished request of `page` with its transferred and decoded size. */
function recorder(page) {
  const rows = [];
  page.on("requestfinished", async (request) => {
    const response = await request.response();
    if (!response) return;
    const sizes = await request.sizes();
    const contentType = response.headers()["content-type"] || "";
    let decoded = null;
    try {
      decoded = (await response.body()).length;
    } catch {
      decoded = null; // range or streamed bodies
    }
    rows.push({
      kind: kind(request, contentType),
      path: new URL(request.url()).pathname,
      transferred: sizes.responseBodySize + sizes.responseHeadersSize,
      body: sizes.responseBodySize,
      decoded,
      encoding: response.headers()["content-encoding"] || "",
      status: response.status(),
    });
  });
  return rows;
}

const KB = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";

function table(title, rows) {
  console.log(`\n${title}`);
  const kinds = ["HTML", "CSS", "JS", "images", "media", "other"];
  let total = 0;
  let count = 0;
  for (const k of kinds) {
    const mine = rows.filter((r) => r.kind === k);
    if (!mine.length) continue;
    const bytes = mine.reduce((s, r) => s + r.transferred, 0);
    const raw = mine.reduce((s, r) => s + (r.decoded ?? r.body), 0);
    total += bytes;
    count += mine.length;
    console.log(`  ${k.padEnd(7)} ${String(mine.length).padStart(3)} req ${KB(bytes)} transferred (${KB(raw).trim()} uncompressed)`);
    for (const r of mine) {
      console.log(`            ${KB(r.transferred)}  ${r.status} ${r.encoding.padEnd(4)} ${r.path}`);
    }
  }
  console.log(`  ${"total".padEnd(7)} ${String(count).padStart(3)} req ${KB(total)} transferred`);
  return total;
}

async function settle(page) {
  await page.waitForLoadState("load");
  await page.waitForFunction(() => document.querySelector("[data-lesson-player]")?.dataset.player);
  await page.waitForLoadState("networkidle");
}

const { server, demo, browser, stop } = await startDemo();
try {
  const login = await newContext(browser, server, PHONE);
  const phone = await login.newPage();
  await codeLogin(phone, server, demo.learnerCode);
  const state = await login.storageState();
  const lesson = await phone.locator("a.big-button").getAttribute("href");
  await login.close();
  console.log(`Lesson page ${lesson} of the demo, Chromium ${browser.version()}, 360×740 phone, empty cache.`);

  const results = {};
  for (const [name, hlsJs] of [["native HLS", false], ["hls.js", true]]) {
    const context = await newContext(browser, server, { ...PHONE, storageState: state });
    if (hlsJs) await forceHlsJs(context);
    const page = await context.newPage();
    const rows = recorder(page);
    await page.goto(`${server.url}${lesson}`);
    await settle(page);
    const player = (await videoState(page)).player;
    const before = table(`== ${name} (player: ${player}): before the video starts ==`, rows.splice(0));
    await page.locator("[data-player-play]").click();
    await waitFor(async () => (await videoState(page)).frames > 0, 30_000, () => "no frame");
    await page.waitForTimeout(300);
    const start = table(`== ${name}: pressing play, up to the first frame ==`, rows.splice(0));
    results[name] = { before, start, player };

    // The next lesson view: the same page again with the cache warm.
    await page.goto(`${server.url}${lesson}`);
    await settle(page);
    results[name].again = table(`== ${name}: the same page again, cache warm ==`, rows.splice(0));
    await context.close();
  }
  console.log("\nSummary (transferred before the video starts; budget 60 KB, hls.js excluded where HLS is native):");
  for (const [name, r] of Object.entries(results)) {
    console.log(`  ${name.padEnd(10)} player=${r.player.padEnd(7)} before start ${KB(r.before)}, play to first frame ${KB(r.start)}, warm revisit ${KB(r.again)}`);
  }
} finally {
  await stop();
}
