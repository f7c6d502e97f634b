// A trainer uploads a real video through the videos page with tus-js-client over a
// slow line; the connection is cut mid-way and the page reloaded, and the upload
// continues from where it stopped; the video page shows the transcoding status pushed
// live until "ready"; subtitles are added (while processing and after), the video goes
// into a lesson of a module, and the lesson shows the subtitles as a <track>. The new
// and changed pages pass axe-core in German and Arabic; screenshots for review.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { ROOT, startServer, waitFor } from "../lib/server.mjs";
import { staffLogin, useLanguage } from "../lib/demo.mjs";
import { launch, newContext, trackCues, assertAccessible, assertClean, screenshot, DESK, PHONE } from "../lib/browser.mjs";
import { makeTrainer, sha256, storedOriginals, throttleUploads, waitForProgress } from "../lib/uploads.mjs";

const VIDEO = join(ROOT, "tests/fixtures/downloaded/bbb.mp4");
const SRT_DE = "1\n00:00:00,500 --> 00:00:02,500\nHallo aus dem Browser\n\n2\n00:00:03,000 --> 00:00:05,000\nZweiter Satz\n";
const VTT_AR = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nمرحبا من المتصفح\n";

let server, browser, trainer;

before(async () => {
  server = await startServer();
  trainer = await makeTrainer(server);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The Upload-Offset of every PATCH the page sends, in order. */
function watchPatches(page) {
  const offsets = [];
  page.on("request", (request) => {
    if (request.method() === "PATCH" && request.url().includes("/api/v1/uploads/")) {
      offsets.push(Number(request.headers()["upload-offset"]));
    }
  });
  return offsets;
}

async function chooseVideo(page) {
  await page.locator("#video").setInputFiles(VIDEO);
}

test("a resumable upload survives a lost connection and a reload, then becomes a lesson with subtitles", async () => {
  const original = await readFile(VIDEO);
  const context = await newContext(browser, server, { ...DESK, lang: "de" });
  // Every stage line the page's script writes (not the one the server rendered), kept
  // across the page's reloads.
  await context.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      const line = document.querySelector(".processing .stage-text");
      if (!line) return;
      new MutationObserver(() => {
        const seen = JSON.parse(sessionStorage.getItem("stages") || "[]");
        seen.push(line.textContent);
        sessionStorage.setItem("stages", JSON.stringify(seen));
      }).observe(line, { childList: true, characterData: true, subtree: true });
    });
  });
  const page = await context.newPage();
  await staffLogin(page, server, trainer);
  await page.goto(`${server.url}/trainer/videos`);
  await assertAccessible(page, "de videos page");
  await screenshot(page, "uploads-de-videos");

  // A slow line: about 10 s for the whole file.
  let cdp = await throttleUploads(context, page, 100_000);
  let patches = watchPatches(page);
  await page.locator("#title").fill("Hase im Browser");
  await chooseVideo(page);
  await page.locator("#upload-form button[type=submit]").click();
  await waitForProgress(page, 25);
  const line = await page.locator("#upload-status .upload-line").textContent();
  assert.match(line, /\d+ % · .+\/s · noch etwa .+/, "percent, speed and time left");
  await assertAccessible(page, "de upload in progress");
  await screenshot(page, "uploads-de-progress");

  // Pause and continue with the keyboard.
  await page.locator("#upload-status .upload-pause").focus();
  await page.keyboard.press("Enter");
  await waitFor(async () => (await page.locator("#upload-status .upload-state").textContent()).includes("Angehalten"), 10_000);
  await page.keyboard.press("Enter");
  await waitForProgress(page, 35);

  // The connection goes: the page says so and keeps trying.
  await context.setOffline(true);
  await waitFor(
    async () => (await page.locator("#upload-status .upload-state").textContent()).includes("Keine Verbindung"),
    20_000,
    () => "no offline message",
  );
  const percentWhenCut = Number(await page.locator("#upload-status progress").getAttribute("value"));
  assert.ok(percentWhenCut < 100, "cut off mid-way");

  // Back online, the trainer reloads the page and chooses the same file again.
  await context.setOffline(false);
  await page.reload();
  await page.locator("#upload-hints li").first().waitFor();
  assert.match(await page.locator("#upload-hints").textContent(), /bbb\.mp4/);
  await assertAccessible(page, "de videos page with an interrupted upload");
  cdp = await throttleUploads(context, page, 100_000);
  patches = watchPatches(page);
  await chooseVideo(page);
  await page.locator("#upload-offer").waitFor();
  const offer = await page.locator("#upload-offer").textContent();
  const already = Number(offer.match(/(\d+) %/)[1]);
  assert.ok(already > 0 && already < 100, `the offer tells how far it got: ${offer}`);
  await screenshot(page, "uploads-de-continue-offer");
  await page.locator("#upload-offer .upload-continue").click();

  // Cut once more, without a reload: it continues by itself when back online.
  await waitForProgress(page, already + 10);
  await context.setOffline(true);
  await new Promise((ok) => setTimeout(ok, 1500));
  await context.setOffline(false);
  await page.waitForURL(/\/trainer\/videos\/\d+$/, { timeout: 120_000 });
  assert.ok(patches.length >= 2, `resumed more than once: ${patches}`);
  assert.ok(patches[0] > 0, `after the reload it continued at ${patches[0]}, not at 0`);
  assert.ok(patches.every((offset, i) => i === 0 || offset >= patches[i - 1]), `never went back: ${patches}`);
  await cdp.detach();
  assert.ok((await storedOriginals(server)).includes(sha256(original)), "the stored original is the file, byte for byte");

  // While it is transcoding: the live status, and subtitles can be added already.
  const videoPath = new URL(page.url()).pathname;
  await assertAccessible(page, "de video page while processing");
  await screenshot(page, "uploads-de-video-processing");
  await page.locator("select[name=language]").selectOption("de");
  await page.locator("input[name=default]").check();
  await page.locator("input[name=file]").setInputFiles({ name: "hase.de.srt", mimeType: "application/x-subrip", buffer: Buffer.from(SRT_DE) });
  await page.locator("#subtitles form[enctype] button[type=submit]").click();
  await page.waitForURL(new RegExp(`${videoPath}#subtitles$`));
  const waiting = await page.locator(".subtitle-tracks").textContent();
  assert.ok(waiting.includes("Deutsch"), waiting);

  // The status is pushed (SSE) and the page shows the package once it is ready.
  await waitFor(
    async () => (await page.locator(".processing .status-text").textContent()).trim() === "Fertig",
    300_000,
    () => `not ready:\n${server.log.join("").slice(-3000)}`,
  );
  await page.locator("video.preview").waitFor();
  const stages = JSON.parse(await page.evaluate(() => sessionStorage.getItem("stages") || "[]")).filter(Boolean);
  const labels = ["Wartet", "Wird gestartet", "Datei wird geprüft", "Video wird umgewandelt", "Dateien werden abgelegt"];
  assert.ok(stages.length > 0 && stages.every((s) => labels.includes(s)), `the stage was pushed live: ${stages}`);
  assert.ok(!(await page.locator(".subtitle-tracks").textContent()).includes("wartet"), "the kept track is in the package");

  // After transcoding: a second track, in Arabic.
  await page.locator("select[name=language]").selectOption("ar");
  await page.locator("input[name=file]").setInputFiles({ name: "hase.ar.vtt", mimeType: "text/vtt", buffer: Buffer.from(VTT_AR) });
  await page.locator("#subtitles form[enctype] button[type=submit]").click();
  await page.waitForURL(new RegExp(`${videoPath}#subtitles$`));
  assert.match(await page.locator(".subtitle-tracks").textContent(), /العربية/);
  await assertAccessible(page, "de video page when ready");
  await screenshot(page, "uploads-de-video-ready");

  // Into a lesson of a module of a new course.
  await page.goto(`${server.url}/trainer/courses`);
  await page.locator("#course-title").fill("Hasen verstehen");
  await Promise.all([page.waitForURL(/\/trainer\/courses\/\d+/), page.locator("form[action='/trainer/courses'] button[type=submit]").click()]);
  await page.locator("#new-module").fill("Erstes Modul");
  await Promise.all([page.waitForLoadState("load"), page.locator("#new-module").press("Enter")]);
  await page.locator("details summary").first().click();
  const lessonTitle = page.locator("input[id^=lesson-title-]").first();
  await lessonTitle.fill("Der Hase");
  const videoId = videoPath.split("/").pop();
  await page.locator("select[id^=lesson-video-]").first().selectOption(videoId);
  await Promise.all([page.waitForLoadState("load"), lessonTitle.press("Enter")]);
  const lessonLink = page.locator("a[href^='/trainer/lessons/']", { hasText: "Der Hase" }).first();
  await lessonLink.waitFor();
  const lessonHref = await lessonLink.getAttribute("href");

  // The lesson shows our WebVTT as <track>: the browser itself reads the cues.
  await page.goto(`${server.url}${lessonHref}/preview`);
  const byLanguage = await trackCues(page);
  assert.deepEqual(byLanguage.de, ["Hallo aus dem Browser", "Zweiter Satz"], JSON.stringify(byLanguage));
  assert.deepEqual(byLanguage.ar, ["مرحبا من المتصفح"], JSON.stringify(byLanguage));
  assertClean(context);
  await context.close();
});

for (const lang of ["de", "ar"]) {
  test(`the upload pages in ${lang}: axe on a phone, with the upload box showing`, async () => {
    const context = await newContext(browser, server, { ...PHONE, lang });
    const page = await context.newPage();
    await staffLogin(page, server, trainer);
    await useLanguage(page, server, lang);
    await page.goto(`${server.url}/trainer/videos`);
    await assertAccessible(page, `${lang} videos page`);
    await screenshot(page, `uploads-${lang}-phone-videos`);
    const cdp = await throttleUploads(context, page, 50_000);
    await chooseVideo(page);
    await page.locator("#upload-form button[type=submit]").click();
    await waitForProgress(page, 5);
    await page.locator("#upload-status .upload-pause").click();
    await assertAccessible(page, `${lang} upload box`);
    await screenshot(page, `uploads-${lang}-phone-upload-box`);
    await page.locator("#upload-status .upload-cancel").click();
    await cdp.detach();
    await page.goto(`${server.url}/trainer/videos`);
    const href = await page.locator("a[href^='/trainer/videos/']").first().getAttribute("href");
    await page.goto(`${server.url}${href}`);
    await assertAccessible(page, `${lang} video page`);
    await screenshot(page, `uploads-${lang}-phone-video`);
    assertClean(context);
    await context.close();
  });
}
