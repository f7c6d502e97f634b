// Subtitles in real players: the demo lessons carry the German and Turkish subtitles
// that `lernwerk demo` attached while their videos were still being transcoded; the
// browser reads our side-car WebVTT as <track> cues; and hls.js (served from our own
// origin) plays a package's master playlist, lists its subtitle renditions and loads
// the segmented WebVTT cues.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { ROOT } from "../lib/server.mjs";
import { staffLogin, codeLogin, startDemo } from "../lib/demo.mjs";
import { newContext, trackCues, assertAccessible, assertClean, screenshot, DESK, PHONE } from "../lib/browser.mjs";

let server, browser, demo, stop;

before(async () => {
  ({ server, demo, browser, stop } = await startDemo());
});

after(async () => stop?.());

/** The URL the server gives a static file: its name with a hash of its content. */
async function staticUrl(name, file) {
  const digest = createHash("sha256").update(await readFile(file)).digest("hex").slice(0, 10);
  const dot = name.lastIndexOf(".");
  return `/static/${name.slice(0, dot)}.${digest}${name.slice(dot)}`;
}


test("the demo lessons have German and Turkish subtitles, shown as <track> cues", async () => {
  const context = await newContext(browser, server, { ...PHONE, lang: "de" });
  const page = await context.newPage();
  await codeLogin(page, server, demo.learnerCode);
  await page.goto(`${server.url}/learn`);
  await page.locator("a.big-button").first().click();
  await page.waitForURL(/\/learn\/lessons\/\d+/);
  const languages = await page.locator("video track").evaluateAll((tracks) => tracks.map((t) => t.srclang));
  assert.deepEqual(languages.sort(), ["de", "tr"]);
  const cues = await trackCues(page);
  assert.ok(cues.de.length >= 3 && cues.tr.length === cues.de.length, JSON.stringify(cues));
  assert.ok(cues.de.some((text) => text.includes("Prozent")), JSON.stringify(cues.de));
  assert.ok(cues.tr.some((text) => text.includes("Yüzde")), JSON.stringify(cues.tr));
  // The transcript next to the video reads the default (German) track.
  assert.ok((await page.locator("[data-transcript]").textContent()).includes("Prozent"));
  await assertAccessible(page, "de lesson with subtitles");
  await screenshot(page, "subtitles-de-phone-lesson");
  assertClean(context);
  await context.close();
});

test("hls.js plays a package with its subtitle renditions and loads their cues", async () => {
  const context = await newContext(browser, server, { ...DESK, lang: "de" });
  const page = await context.newPage();
  await staffLogin(page, server, demo.trainer);
  await page.goto(`${server.url}/trainer/videos`);
  const href = await page.locator(".rows a", { hasText: "Was ist ein Prozent?" }).getAttribute("href");
  const id = href.split("/").pop();
  await page.goto(`${server.url}${href}`);
  const hls = await staticUrl("vendor/hls.js/dist/hls.min.js", join(ROOT, "node_modules/hls.js/dist/hls.min.js"));
  // Our origin's CSP allows scripts from our origin only: hls.js comes from there too.
  await page.addScriptTag({ url: hls });
  const result = await page.evaluate(async (master) => {
    const video = document.createElement("video");
    video.muted = true;
    document.body.appendChild(video);
    // Under our CSP: no blob: worker (script-src 'self'), and cues handed to us rather
    // than through the data: <track> hls.js makes for native rendering (media-src).
    const player = new window.Hls({ enableWebVTT: true, enableWorker: false, renderTextTracksNatively: false });
    const cues = [];
    player.on(window.Hls.Events.CUES_PARSED, (_, data) => {
      for (const cue of data.cues) cues.push({ track: data.track, start: cue.startTime, text: cue.text });
    });
    const parsed = new Promise((ok, fail) => {
      player.on(window.Hls.Events.MANIFEST_PARSED, () => ok());
      player.on(window.Hls.Events.ERROR, (_, data) => data.fatal && fail(new Error(`hls.js: ${data.details}`)));
    });
    player.loadSource(master);
    player.attachMedia(video);
    await parsed;
    const renditions = player.subtitleTracks.map((t) => ({ lang: t.lang, name: t.name, default: t.default }));
    player.subtitleTrack = player.subtitleTracks.findIndex((t) => t.lang === "tr");
    await video.play();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(cues.length > 0 && video.currentTime > 1)) {
      await new Promise((ok) => setTimeout(ok, 250));
    }
    const chosen = player.subtitleTracks[player.subtitleTrack];
    return { renditions, cues, chosen: chosen && chosen.lang, played: video.currentTime };
  }, `/media/videos/${id}/master.m3u8`);
  assert.deepEqual(
    result.renditions.map((r) => r.lang).sort(),
    ["de", "tr"],
    JSON.stringify(result.renditions),
  );
  assert.ok(result.renditions.some((r) => r.lang === "de" && r.default && r.name === "Deutsch"), JSON.stringify(result.renditions));
  assert.ok(result.played > 1, `the video played: ${result.played}`);
  assert.ok(result.cues.length > 0, "cues arrived from the segmented WebVTT");
  assert.equal(result.chosen, "tr");
  assert.ok(result.cues.some((c) => c.text.includes("Yüzde")), JSON.stringify(result.cues));
  assert.ok(result.cues.every((c) => c.start >= 0 && c.start < 60), `cue times on the video's clock: ${JSON.stringify(result.cues)}`);
  assertClean(context);
  await context.close();
});
