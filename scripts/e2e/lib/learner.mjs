// Helpers for the learner-on-a-phone browser tests and the lesson page measurement.
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { DEMO_MEDIA } from "./demo.mjs";
import { waitFor } from "./server.mjs";

/**
 * Makes the page's `canPlayType` deny HLS, so the lesson player takes hls.js even where
 * Chromium could play HLS itself. Everything else about the browser stays as it is.
 */
export async function forceHlsJs(context) {
  await context.addInitScript(() => {
    const original = HTMLMediaElement.prototype.canPlayType;
    HTMLMediaElement.prototype.canPlayType = function (type) {
      return /mpegurl/i.test(type) ? "" : original.call(this, type);
    };
  });
}

/** Every URL the context requests, from the moment of the call; `.clear()` starts afresh. */
export function recordRequests(context) {
  const urls = [];
  context.on("request", (request) => urls.push(new URL(request.url()).pathname));
  return {
    urls,
    clear() {
      urls.length = 0;
    },
    matching(re) {
      return urls.filter((u) => re.test(u));
    },
  };
}

/** The video id a lesson page plays, from its player. */
export async function videoIdOf(page) {
  const hls = await page.locator("[data-lesson-player]").getAttribute("data-hls");
  return Number(hls.match(/\/media\/videos\/(\d+)\//)[1]);
}

/**
 * Attaches a subtitle file to a video the way a trainer does, through the subtitle form
 * on the trainer's video page; skips languages the video already has.
 */
export async function attachSubtitles(page, server, videoId, tracks) {
  for (const { language, file, isDefault = false } of tracks) {
    await page.goto(`${server.url}/trainer/videos/${videoId}`);
    const has = await page.locator(`a[href="/media/videos/${videoId}/subs/${language}.vtt"]`).count();
    if (has > 0) continue;
    const form = page.locator(`form[action="/trainer/videos/${videoId}/subtitles"]`);
    await form.locator("select[name=language]").selectOption(language);
    if (isDefault) await form.locator("input[name=default]").check();
    await form.locator("input[type=file]").setInputFiles({
      name: `${language}.srt`,
      mimeType: "application/x-subrip",
      buffer: await readFile(join(DEMO_MEDIA, file)),
    });
    await Promise.all([page.waitForLoadState("load"), form.locator("button[type=submit]").click()]);
    await page.waitForURL(new RegExp(`/trainer/videos/${videoId}`));
    const done = await page.locator(`a[href="/media/videos/${videoId}/subs/${language}.vtt"]`).count();
    if (done === 0) throw new Error(`subtitles ${language} not attached: ${await page.content()}`);
  }
}

/** What the server has stored about the logged-in learner (their own data download). */
export async function myData(page) {
  return page.evaluate(async () => (await fetch("/learn/my-data.json", { credentials: "same-origin" })).json());
}

/** The learner's progress row for a lesson from their data download, or undefined. */
export async function progressOf(page, lessonId) {
  const data = await myData(page);
  const rows = data.progress?.list ?? data.progress ?? [];
  return rows.find((p) => (p.lesson?.id ?? p.lesson_id) === lessonId);
}

/** How the video element is doing. */
export async function videoState(page) {
  return page.locator("video").evaluate((v) => ({
    time: v.currentTime,
    paused: v.paused,
    ready: v.readyState,
    rate: v.playbackRate,
    frames: v.getVideoPlaybackQuality ? v.getVideoPlaybackQuality().totalVideoFrames : 0,
    width: v.videoWidth,
    source: v.closest("[data-lesson-player]").dataset.source,
    player: v.closest("[data-lesson-player]").dataset.player,
    tracks: Array.from(v.textTracks).map((t) => ({
      language: t.language,
      mode: t.mode,
      active: t.activeCues ? t.activeCues.length : 0,
    })),
  }));
}

/** Waits until the video's time passed `seconds` (while it plays). */
export async function playedPast(page, seconds, ms = 60_000) {
  await waitFor(async () => (await videoState(page)).time > seconds, ms, () => `video did not reach ${seconds} s`);
}

/** Waits until the video has played `seconds` more than where it is once it really plays. */
export async function playFor(page, seconds, ms = 60_000) {
  await waitFor(async () => (await videoState(page)).ready >= 3, ms, () => "the video does not play");
  const from = (await videoState(page)).time;
  await playedPast(page, from + seconds, ms);
}

/** Frames the browser really presented, counted with requestVideoFrameCallback. */
export async function presentedFrames(page, wait = 1500) {
  return page.locator("video").evaluate(
    (v, wait) =>
      new Promise((ok) => {
        let frames = 0;
        const count = () => {
          frames += 1;
          v.requestVideoFrameCallback(count);
        };
        v.requestVideoFrameCallback(count);
        setTimeout(() => ok(frames), wait);
      }),
    wait,
  );
}
