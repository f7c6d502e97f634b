// The learner on a phone (360×740, touch), in a real Chromium against the real server:
// code login and the QR link, "Weiter lernen", the video really playing through hls.js
// (and natively), our own controls, subtitles, stored progress, check questions, a module
// that opens once the one before is done, the data saver capping what is loaded, offline
// playback with progress sent afterwards, and every learner page axe-clean in German and
// Arabic, readable at 200 % zoom.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";

import { waitFor } from "../lib/server.mjs";
import { staffLogin, codeLogin, useLanguage, startDemo } from "../lib/demo.mjs";
import { newContext, assertAccessible, assertClean, readQr, screenshot, smallTargets, PHONE, DESK } from "../lib/browser.mjs";
import { recordTransfers, settleLesson } from "../lib/weight.mjs";
import {
  attachSubtitles,
  forceHlsJs,
  myData,
  playedPast,
  playFor,
  presentedFrames,
  progressOf,
  recordRequests,
  videoIdOf,
  videoState,
} from "../lib/learner.mjs";

let server, browser, demo, stop, learnerState, firstLesson, secondLesson;

const HIGH_RUNG = /\/video\/(480p|720p|1080p)\//;
const LOW_RUNG = /\/video\/(240p|360p)\//;
const SEGMENT = /\/seg_\d+\.m4s$/;

before(async () => {
  ({ server, demo, browser, stop } = await startDemo());
  const trainer = await newContext(browser, server, DESK);
  const desk = await trainer.newPage();
  await staffLogin(desk, server, demo.trainer);

  // The demo learner logs in by typing the code; the session is reused by every test.
  const learner = await newContext(browser, server, PHONE);
  const phone = await learner.newPage();
  await codeLogin(phone, server, demo.learnerCode);
  learnerState = await learner.storageState();
  await phone.goto(`${server.url}/learn`);
  firstLesson = Number((await phone.locator("a.big-button").getAttribute("href")).split("/").pop());
  await phone.goto(`${server.url}/learn/lessons/${firstLesson}`);
  const video = await videoIdOf(phone);
  await learner.close();

  // Subtitles in two languages for the first lesson's video, through the trainer's form.
  await attachSubtitles(desk, server, video, [
    { language: "de", file: "prozente-1.de.srt", isDefault: true },
    { language: "tr", file: "prozente-1.tr.srt" },
  ]);
  await trainer.close();
});

after(async () => stop?.());

async function phoneContext({ lang = "de", hlsJs = false } = {}) {
  const context = await newContext(browser, server, { ...PHONE, lang, storageState: learnerState });
  if (hlsJs) await forceHlsJs(context);
  return context;
}

async function openLesson(page, id) {
  await page.goto(`${server.url}/learn/lessons/${id}`);
  await page.waitForFunction(() => document.querySelector("[data-lesson-player]")?.dataset.player);
}

async function chooseDataSaver(page, mode) {
  await page.locator("#data-saver summary").click();
  await page.locator(`#data-saver input[name=mode][value=${mode}]`).check();
  await Promise.all([page.waitForLoadState("load"), page.locator("#data-saver button[type=submit]").click()]);
  await page.waitForFunction((m) => document.querySelector("[data-lesson-player]")?.dataset.dataSaver === m, mode);
  await page.waitForFunction(() => document.querySelector("[data-lesson-player]")?.dataset.player);
}

async function play(page) {
  await page.locator("[data-player-play]").click();
  await waitFor(async () => {
    const state = await videoState(page);
    return !state.paused && state.ready >= 3;
  }, 20_000, () => "the video did not start");
}

async function pause(page) {
  await page.locator("[data-player-play]").click();
  await waitFor(async () => (await videoState(page)).paused, 5_000, () => "the video did not pause");
}

describe("learner on a phone", () => {
  test("the access code sheet's QR link opens the form filled in", async () => {
    const desk = await newContext(browser, server, DESK);
    const trainer = await desk.newPage();
    await staffLogin(trainer, server, demo.trainer);
    await trainer.locator("#nickname").fill("Scan-Test");
    await Promise.all([trainer.waitForURL(/.*/), trainer.locator("form[action='/trainer/learners'] button[type=submit]").click()]);
    const code = (await trainer.locator(".access-code").textContent()).trim();
    const link = (await trainer.locator(".login-url").textContent()).trim();
    assert.equal(await readQr(trainer, trainer.locator(".qr svg").first()), link, "the QR code holds the printed link");
    assert.equal(new URL(link).searchParams.get("c"), code, "the link carries the code");
    await desk.close();

    const context = await newContext(browser, server, PHONE);
    const page = await context.newPage();
    // What scanning does: open the link.
    await page.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    assert.equal(await page.locator("#code").inputValue(), code);
    await Promise.all([page.waitForURL(/\/learn$/), page.locator("form[action='/code'] button[type=submit]").click()]);
    assert.match(await page.locator("main").textContent(), /noch keinen Kurs/);
    assertClean(context);
    await context.close();
  });

  test("Weiter lernen opens the lesson; the video plays through hls.js with our controls", async () => {
    const context = await phoneContext({ hlsJs: true });
    const requests = recordRequests(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/learn`);
    await page.locator("a.big-button").click();
    await page.waitForURL(new RegExp(`/learn/lessons/${firstLesson}$`));
    await page.waitForFunction(() => document.querySelector("[data-lesson-player]")?.dataset.player);
    let state = await videoState(page);
    assert.equal(state.player, "hls.js");
    assert.equal(requests.matching(/hls\.min\./).length, 0, "hls.js is not part of the page's bytes");
    assert.equal(await page.locator("video").getAttribute("controls"), null, "our controls replace the browser's");
    assert.ok(await page.locator("[data-player-controls]").isVisible());

    // Subtitles are on, in German (the learner's language), before anything plays.
    const subs = page.locator("[data-player-subs]");
    assert.equal(await subs.getAttribute("aria-pressed"), "true");

    await play(page);
    await playFor(page, 1.5);
    state = await videoState(page);
    assert.equal(state.source, "hls.js");
    assert.ok(requests.matching(/hls\.min\./).length === 1, "hls.js came with the first play");
    assert.ok(state.frames > 0, `decoded frames: ${state.frames}`);
    assert.ok((await presentedFrames(page)) > 5, "frames are presented");
    assert.ok(state.width > 0, "a picture");
    assert.ok(requests.matching(/\/video\/\d+p\/seg_\d+\.m4s$/).length > 0, "a rung's segments were fetched");
    assert.ok(requests.matching(/\/audio\/seg_\d+\.m4s$/).length > 0, "and its sound");
    await waitFor(async () => {
      const tracks = (await videoState(page)).tracks;
      return tracks.some((t) => t.language === "de" && t.mode === "showing" && t.active > 0);
    }, 10_000, () => "no German cue became active");

    // Pause and play.
    // The label follows the video's own pause/play events, which come just after.
    const label = page.locator("[data-player-play-label]");
    const labelIs = (text) => waitFor(async () => (await label.textContent()).trim() === text, 5_000, () => `label is not ${text}`);
    await pause(page);
    await labelIs("Abspielen");
    await play(page);
    await labelIs("Anhalten");

    // Back 10 s: jump to a transcript line first (as a learner would tap it).
    const line = page.locator(".transcript-line").nth(3);
    const start = Number(await line.getAttribute("data-start"));
    assert.ok(start > 12, `line starts at ${start}`);
    await line.click();
    await waitFor(async () => (await videoState(page)).time >= start, 10_000);
    // The line being spoken is marked, and only that one.
    await page.locator(".transcript-line.current[aria-current=true]").waitFor();
    assert.equal(await page.locator(".transcript-line.current").count(), 1);
    const marked = page.locator(".transcript-line.current");
    const [from, to, now] = [Number(await marked.getAttribute("data-start")), Number(await marked.getAttribute("data-end")), (await videoState(page)).time];
    assert.ok(from <= now && now < to + 0.5, `the marked line (${from}–${to}) is the one at ${now}`);
    const before = (await videoState(page)).time;
    await page.locator("[data-player-back]").click();
    const after = (await videoState(page)).time;
    assert.ok(Math.abs(before - 10 - after) < 1.5, `back 10 s: ${before} → ${after}`);

    // Speed.
    await page.locator("[data-player-rate='1.25']").click();
    assert.equal((await videoState(page)).rate, 1.25);
    // The buttons follow the video's ratechange event, which comes just after.
    const pressed = (rate) => page.locator(`[data-player-rate='${rate}']`).getAttribute("aria-pressed");
    await waitFor(async () => (await pressed("1.25")) === "true" && (await pressed("1")) === "false", 5_000,
      () => "the speed buttons do not show 1.25×");
    await page.locator("[data-player-rate='0.75']").click();
    assert.equal((await videoState(page)).rate, 0.75);
    await page.locator("[data-player-rate='1']").click();
    assert.equal((await videoState(page)).rate, 1);

    // Subtitles off, on, in Turkish.
    await subs.click();
    assert.equal(await subs.getAttribute("aria-pressed"), "false");
    assert.ok((await videoState(page)).tracks.every((t) => t.mode === "disabled"));
    await subs.click();
    assert.ok((await videoState(page)).tracks.some((t) => t.language === "de" && t.mode === "showing"));
    await page.locator("[data-player-subs-lang]").selectOption("tr");
    await waitFor(async () => {
      const tracks = (await videoState(page)).tracks;
      return tracks.some((t) => t.language === "tr" && t.mode === "showing" && t.active > 0)
        && tracks.every((t) => t.language === "tr" || t.mode === "disabled");
    }, 10_000, () => "no Turkish cue became active");
    await page.locator("[data-player-subs-lang]").selectOption("de");
    assertClean(context);
    await context.close();
  });

  test("watching is stored, the questions are answered, the next lesson is next", async () => {
    const context = await phoneContext({ hlsJs: true });
    const page = await context.newPage();
    await openLesson(page, firstLesson);
    // From the start to the end, at 1.25×.
    await page.locator("[data-player-rate='1.25']").click();
    await play(page);
    await page.locator("video").evaluate((v) => { v.currentTime = 0; });
    await waitFor(async () => (await videoState(page)).paused, 60_000, () => "the video did not end");
    await page.waitForSelector("[data-progress-note]:not([hidden])", { timeout: 15_000 });
    const row = await progressOf(page, firstLesson);
    assert.ok(row, "a progress row");
    assert.equal(row.video_complete, true, JSON.stringify(row));
    assert.ok(row.watched_seconds > 20, JSON.stringify(row));

    // The check questions.
    await page.locator("label", { hasText: /^\s*alles\s*$/ }).click();
    await page.locator("label", { hasText: /^\s*5 Euro\s*$/ }).click();
    await Promise.all([page.waitForURL(/#checks$/), page.locator("#checks button[type=submit]").click()]);
    assert.match(await page.locator("#checks .result-pass").textContent(), /2 von 2/);
    secondLesson = Number((await page.locator("[data-next-lesson]").getAttribute("href")).split("/").pop());
    assert.notEqual(secondLesson, firstLesson);

    await page.goto(`${server.url}/learn`);
    assert.equal(await page.locator("a.big-button").getAttribute("href"), `/learn/lessons/${secondLesson}`);
    assert.equal(await page.locator(`a[href='/learn/lessons/${firstLesson}'] .state-icon.done`).count(), 1, "a tick");
    assertClean(context);
    await context.close();
  });

  test("a finished module opens the next one", async () => {
    const context = await phoneContext({ hlsJs: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/learn`);
    // The demo's e-mail course opens its modules in turn.
    const course = page.locator(".course-card", { hasText: "Eine E-Mail schreiben" });
    assert.equal(await course.locator(".lesson-locked", { hasText: "Einen Termin absagen" }).count(), 1, "module 2 waits");
    assert.equal(await course.locator("a", { hasText: "Einen Termin absagen" }).count(), 0, "and has no link");
    const href = await course.locator("a", { hasText: "Die Teile einer E-Mail" }).getAttribute("href");

    await openLesson(page, Number(href.split("/").pop()));
    await page.locator("[data-player-rate='1.25']").click();
    await play(page);
    await page.locator("video").evaluate((v) => { v.currentTime = 0; });
    await waitFor(async () => (await videoState(page)).paused, 60_000, () => "the video did not end");
    await page.waitForSelector("[data-progress-note]:not([hidden])", { timeout: 15_000 });
    await page.locator("label", { hasText: /^\s*Worum es geht\s*$/ }).click();
    await Promise.all([page.waitForURL(/#checks$/), page.locator("#checks button[type=submit]").click()]);
    assert.match(await page.locator("#checks .result-pass").textContent(), /1 von 1/);

    await page.goto(`${server.url}/learn`);
    const next = course.locator("a", { hasText: "Einen Termin absagen" });
    assert.equal(await next.count(), 1, "module 2 is open now");
    await Promise.all([page.waitForURL(/\/learn\/lessons\/\d+$/), next.click()]);
    assert.match(await page.locator("h1").textContent(), /Einen Termin absagen/);
    assertClean(context);
    await context.close();
  });

  test("the browser's own HLS plays it too, without hls.js", async () => {
    const context = await phoneContext();
    const requests = recordRequests(context);
    const page = await context.newPage();
    await openLesson(page, firstLesson);
    // Debian's Chromium plays HLS itself (it answers canPlayType for HLS): the page must
    // use that and never fetch hls.js.
    assert.equal((await videoState(page)).player, "native");
    await play(page);
    await playFor(page, 1.5);
    assert.ok((await videoState(page)).frames > 0);
    assert.equal(requests.matching(/hls\.min\./).length, 0, "no hls.js where HLS is native");
    assert.ok(requests.matching(SEGMENT).length > 0);
    await pause(page);
    assertClean(context);
    await context.close();
  });

  test("the page's own words and the lesson text are read aloud, each in its language", async () => {
    for (const lang of ["de", "ar"]) {
      const context = await phoneContext({ lang });
      // The speech engine is the phone's, not ours (and a headless browser has no voices):
      // a stand-in records what our page asks it to say, and in which language.
      await context.addInitScript(() => {
        window.spoken = [];
        window.SpeechSynthesisUtterance = function (text) { this.text = text; };
        Object.defineProperty(window, "speechSynthesis", {
          value: {
            speak(u) { window.spoken.push({ text: u.text, lang: u.lang }); setTimeout(() => u.onend && u.onend(), 10); },
            cancel() {},
            getVoices() { return []; },
          },
        });
      });
      const page = await context.newPage();
      await useLanguage(page, server, lang);
      const said = async (button) => {
        await page.evaluate(() => { window.spoken = []; });
        await page.locator(button).click();
        return page.evaluate(() => window.spoken);
      };
      await page.goto(`${server.url}/learn`);
      const home = await said("[data-read-aloud=page]");
      const continueLabel = (await page.locator("a.big-button [data-speak-ui]").textContent()).trim();
      assert.ok(home.some((u) => u.text === continueLabel), `${lang}: "${continueLabel}" is read: ${JSON.stringify(home)}`);
      assert.ok(home.every((u) => u.lang === lang), `${lang}: in the interface language`);

      await openLesson(page, firstLesson);
      const lesson = await said("[data-read-aloud=page]");
      const playLabel = (await page.locator("[data-player-play-label]").textContent()).trim();
      assert.ok(lesson.some((u) => u.text === playLabel), `${lang}: the player's "${playLabel}" is read`);
      const text = await said("[data-read-aloud=lesson-text]");
      assert.ok(text.length > 0 && text.every((u) => u.lang === "de"), `${lang}: the German lesson text in German: ${JSON.stringify(text)}`);

      await page.goto(`${server.url}/account`);
      const account = await said("[data-read-aloud=page]");
      const title = (await page.locator("h1").textContent()).trim();
      assert.ok(account.some((u) => u.text === title), `${lang}: the account page too: ${JSON.stringify(account)}`);
      assertClean(context);
      await context.close();
    }
  });

  test("a lesson page costs at most 60 KB before the video starts, with either player", async () => {
    for (const hlsJs of [false, true]) {
      const context = await phoneContext({ hlsJs });
      const page = await context.newPage();
      const rows = recordTransfers(page);
      await page.goto(`${server.url}/learn/lessons/${firstLesson}`);
      await settleLesson(page);
      const bytes = rows.reduce((sum, r) => sum + r.transferred, 0);
      const listing = rows.map((r) => `${r.path} ${r.transferred}`).join(", ");
      assert.ok(bytes <= 60 * 1024, `${hlsJs ? "hls.js" : "native"}: ${bytes} bytes before the video starts: ${listing}`);
      assert.ok(!rows.some((r) => /hls/.test(r.path) && r.kind === "JS"), "hls.js only comes with play");
      assert.ok(!rows.some((r) => /\.m4s$/.test(r.path)), "no segment before play");
      assertClean(context);
      await context.close();
    }
  });

  for (const hlsJs of [true, false]) {
    const how = hlsJs ? "hls.js" : "native HLS";
    test(`"Wenig Daten" never loads a rung above 360p, "Nur Ton" only sound (${how})`, async () => {
      const context = await phoneContext({ hlsJs });
      const requests = recordRequests(context);
      const page = await context.newPage();
      await openLesson(page, secondLesson);
      await chooseDataSaver(page, "low");
      requests.clear();
      await play(page);
      await playFor(page, 5);
      await pause(page);
      assert.deepEqual(requests.matching(HIGH_RUNG), [], "nothing above 360p");
      assert.ok(requests.matching(LOW_RUNG).some((u) => SEGMENT.test(u)), `a low rung played: ${requests.urls.join(" ")}`);
      assert.ok((await videoState(page)).frames > 0);

      await chooseDataSaver(page, "audio");
      assert.match(await page.locator(".player-note").textContent(), /Nur Ton/);
      requests.clear();
      await play(page);
      await playFor(page, 3);
      await pause(page);
      assert.deepEqual(requests.matching(/\/video\//), [], "no picture loaded");
      assert.ok(requests.matching(/\/audio\/seg_\d+\.m4s$/).length > 0, "sound loaded");

      // The choice is the learner's: it is there on the next page and after a new login.
      await page.goto(`${server.url}/learn/data-saver`);
      assert.equal(await page.locator("input[name=mode][value=audio]").isChecked(), true);
      await page.goto(`${server.url}/learn/lessons/${secondLesson}`);
      await chooseDataSaver(page, "auto");
      assertClean(context);
      await context.close();
    });
  }

  test("saved for offline, it plays without a network and its progress arrives later", async () => {
    const context = await phoneContext();
    const page = await context.newPage();
    await openLesson(page, secondLesson);
    const box = page.locator("[data-offline-save]");
    await box.waitFor({ state: "visible" });
    await page.locator("[data-offline-save-button]").click();
    await page.waitForFunction(() => document.querySelector("[data-offline-save]").dataset.saved === "yes", null, { timeout: 60_000 });
    assert.match(await page.locator("[data-offline-size]").textContent(), /MB/);
    await page.goto(`${server.url}/learn/offline`);
    await page.waitForFunction(() => document.querySelector("[data-offline-list]").dataset.count === "1");
    assert.match(await page.locator(".offline-item").textContent(), /Rabatt beim Einkaufen/);
    const before = (await progressOf(page, secondLesson))?.watched_seconds ?? 0;

    await context.setOffline(true);
    await openLesson(page, secondLesson);
    assert.equal((await videoState(page)).player, "offline");
    // A part the data saver tests did not play yet (they played the start).
    await page.locator("video").evaluate((v) => { v.currentTime = 19; });
    await play(page);
    await playedPast(page, 25);
    // The saved subtitles show without a network too.
    await waitFor(async () => (await videoState(page)).tracks.some((t) => t.mode === "showing" && t.active > 0), 10_000,
      () => "no subtitle cue showed offline");
    await pause(page);
    await waitFor(async () => (await page.evaluate(() => window.lernwerkOffline.waiting())).length > 0, 10_000,
      () => "nothing queued while offline");
    // A lesson not saved falls back to the list of saved lessons.
    await page.goto(`${server.url}/learn/lessons/${firstLesson}`);
    await page.waitForFunction(() => document.querySelector("[data-offline-list]")?.dataset.count === "1");
    assert.ok(await page.locator("[data-offline-note]").isVisible(), "says it is offline");
    await openLesson(page, secondLesson);

    await context.setOffline(false);
    await waitFor(async () => (await page.evaluate(() => window.lernwerkOffline.waiting())).length === 0, 40_000,
      () => "the queue was not sent");
    const row = await progressOf(page, secondLesson);
    assert.ok(row.watched_seconds >= before + 4, `offline progress arrived: ${before} → ${row.watched_seconds}`);
    const events = (await myData(page)).learning_events.filter((e) => e.lesson?.id === secondLesson && e.kind === "played");
    assert.ok(events.some((e) => e.detail?.offline === true), "recorded as played offline");

    // Deleting frees the space.
    await page.goto(`${server.url}/learn/offline`);
    await page.waitForFunction(() => document.querySelector("[data-offline-list]").dataset.count === "1");
    await page.locator(".offline-item [data-delete]").click();
    await page.waitForFunction(() => document.querySelector("[data-offline-list]").dataset.count === "0");
    await waitFor(async () => (await page.evaluate(async () => (await caches.keys()).length)) === 0, 5_000,
      () => "the saved files are still there");
    assertClean(context);
    await context.close();
  });
});

const PAGES = () => [
  ["home", "/learn"],
  ["lesson", `/learn/lessons/${secondLesson}`],
  ["data-saver", "/learn/data-saver"],
  ["offline", "/learn/offline"],
  ["account", "/account"],
];

for (const lang of ["de", "ar"]) {
  describe(`learner pages in ${lang}`, () => {
    test("axe-clean, screenshots at 360×740", async () => {
      const context = await phoneContext({ lang });
      const page = await context.newPage();
      await useLanguage(page, server, lang);
      for (const [name, path] of [["code", "/code"], ...PAGES()]) {
        const response = await page.goto(`${server.url}${path}`);
        assert.equal(response.status(), 200, path);
        assert.equal(await page.locator("html").getAttribute("dir"), lang === "ar" ? "rtl" : "ltr");
        if (name === "lesson") {
          await page.waitForFunction(() => document.querySelector("[data-lesson-player]")?.dataset.player);
          await page.locator("#data-saver summary").click();
        }
        await assertAccessible(page, `${lang} ${name}`);
        assert.deepEqual(await smallTargets(page, "main"), [], `${lang} ${name}: every control is at least 44 × 44 px`);
        await screenshot(page, `${lang}-phone-learner-${name}`);
      }
      assertClean(context);
      await context.close();
    });

    test("no horizontal scrolling at 200 % zoom on a 360 px phone", async () => {
      // 200 % zoom on 360 CSS px leaves 180 CSS px of width.
      const context = await newContext(browser, server, {
        viewport: { width: 180, height: 370 }, isMobile: true, hasTouch: true, deviceScaleFactor: 4, lang, storageState: learnerState,
      });
      const page = await context.newPage();
      await useLanguage(page, server, lang);
      for (const [name, path] of PAGES()) {
        await page.goto(`${server.url}${path}`);
        if (name === "lesson") await page.locator("#data-saver summary").click();
        const { scroll, width } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          width: document.documentElement.clientWidth,
        }));
        assert.ok(scroll <= width, `${lang} ${name}: ${scroll} px wide in ${width} px`);
      }
      await screenshot(page, `${lang}-zoom200-learner-lesson`);
      await context.close();
    });
  });
}

test("in Arabic the controls and rings are mirrored", async () => {
  const context = await phoneContext({ lang: "ar" });
  const page = await context.newPage();
  await useLanguage(page, server, "ar");
  await openLesson(page, secondLesson);
  const back = await page.locator("[data-player-back]").boundingBox();
  const playButton = await page.locator("[data-player-play]").boundingBox();
  assert.ok(back.x > playButton.x, "back 10 s is on the right, where reading starts");
  const transform = (locator) => locator.evaluate((el) => getComputedStyle(el).transform);
  assert.equal(await transform(page.locator("[data-player-play] svg")), "none", "play keeps its shape");
  assert.match(await transform(page.locator(".back-link svg")), /^matrix\(-1/, "the way back points right");
  assert.equal(await page.locator(".player-bar").getAttribute("dir"), "ltr", "time runs left to right");
  await page.goto(`${server.url}/learn`);
  const ring = await page.locator(".course-card .ring").first().evaluate((el) => getComputedStyle(el).transform);
  assert.match(ring, /^matrix\(-1/, "rings fill the other way round");
  assertClean(context);
  await context.close();
});
