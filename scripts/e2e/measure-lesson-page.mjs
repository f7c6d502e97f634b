// The measurement behind scripts/measure-lesson-page (see there). Not a test: it prints
// the figures; the ≤ 60 KB budget itself is asserted in tests/learner.test.mjs.
import { waitFor } from "./lib/server.mjs";
import { recordTransfers, settleLesson } from "./lib/weight.mjs";
import { codeLogin, startDemo } from "./lib/demo.mjs";
import { newContext, PHONE } from "./lib/browser.mjs";
import { forceHlsJs, videoState } from "./lib/learner.mjs";

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
    const rows = recordTransfers(page);
    await page.goto(`${server.url}${lesson}`);
    await settleLesson(page);
    const player = (await videoState(page)).player;
    const before = table(`== ${name} (player: ${player}): before the video starts ==`, rows.splice(0));
    await page.locator("[data-player-play]").click();
    await waitFor(async () => (await videoState(page)).frames > 0, 30_000, () => "no frame");
    await page.waitForTimeout(300);
    const start = table(`== ${name}: pressing play, up to the first frame ==`, rows.splice(0));
    results[name] = { before, start, player };

    // The next lesson view: the same page again with the cache warm.
    await page.goto(`${server.url}${lesson}`);
    await settleLesson(page);
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
