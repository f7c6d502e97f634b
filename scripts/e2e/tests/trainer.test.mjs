// The desk with the keyboard alone: log in, print a sheet of access codes for a new
// group, build a course (module, lessons, order), publish it, give it to the group and
// open the group's report; upload a video, add and remove subtitles; an admin adds a
// colleague; a learner plays a lesson — no mouse anywhere. Sheets and new pages are
// checked with axe-core in German and Arabic.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";

import { codeLogin, staffLogin, useLanguage, startDemo } from "../lib/demo.mjs";
import { ROOT } from "../lib/server.mjs";
import { videoState } from "../lib/learner.mjs";
import { newContext, assertAccessible, assertClean, screenshot, DESK, PHONE } from "../lib/browser.mjs";
import { activate, tabTo, typeInto } from "../lib/keyboard.mjs";

let server, browser, demo, stop;

before(async () => {
  ({ server, demo, browser, stop } = await startDemo());
});

after(async () => stop?.());

async function keyboardLogin(page, { name, password }) {
  await page.goto(`${server.url}/login`);
  await typeInto(page, page.locator("#username"), name, "user name");
  await typeInto(page, page.locator("#password"), password, "password");
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.keyboard.press("Enter")]);
}

/** Tabs to a file field and opens it with the space bar, as a keyboard user does. */
async function chooseFile(page, locator, file, label) {
  await tabTo(page, locator, { label });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  await chooser.setFiles(file);
}

test("a course from nothing to a group report, with the keyboard alone", async () => {
  const context = await newContext(browser, server, DESK);
  const page = await context.newPage();
  await keyboardLogin(page, demo.trainer);

  // A group for the new course.
  await activate(page, page.locator("a[href='/trainer/groups']").first(), "groups link");
  await typeInto(page, page.locator("form[action='/trainer/groups'] input[name=name]"), "Tastaturgruppe", "group name");
  await Promise.all([page.waitForURL(/\/trainer\/groups\/\d+$/), page.keyboard.press("Enter")]);
  const groupUrl = page.url();

  // Eight learners straight into the group, on a sheet in Turkish.
  await page.goto(`${server.url}/trainer`);
  await typeInto(page, page.locator("#sheet-count"), "8", "sheet size");
  await typeInto(page, page.locator("#sheet-prefix"), "Tastatur", "sheet nickname");
  await tabTo(page, page.locator("#sheet-group"), { label: "sheet group" });
  await page.keyboard.press("End"); // groups are listed by name: "Tastaturgruppe" is last
  await tabTo(page, page.locator("#sheet-lang"), { label: "sheet language" });
  await page.keyboard.press("T"); // type-ahead: Türkçe
  await activate(page, page.locator("form[action='/trainer/learners/batch'] button[type=submit]"), "create sheet");
  assert.equal(await page.locator(".code-cards .code-sheet").count(), 8);
  assert.equal(await page.locator(".code-cards").getAttribute("lang"), "tr");
  assert.match(await page.locator(".code-cards .card-name").first().innerText(), /Tastatur 1/);
  await assertAccessible(page, "code sheet");
  await screenshot(page, "de-desk-trainer-code-sheet");
  // On paper: no navigation or buttons, only the cards.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".site-header").isVisible(), false);
  assert.equal(await page.locator("[data-print]").isVisible(), false);
  await screenshot(page, "de-print-code-sheet");
  await page.emulateMedia({ media: "screen" });
  const printButton = page.locator("[data-print]");
  assert.equal(await printButton.isVisible(), true, "the print button shows where scripts run");

  // A course with a module and two lessons of demo videos.
  await page.goto(`${server.url}/trainer/courses`);
  await typeInto(page, page.locator("#course-title"), "Kurs per Tastatur", "course title");
  await activate(page, page.locator("form[action='/trainer/courses'] button[type=submit]"), "create course");
  assert.match(page.url(), /\/trainer\/courses\/\d+/);
  await typeInto(page, page.locator("#new-module"), "Erstes Modul", "module title");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  for (const [title, video] of [["Lektion A", 1], ["Lektion B", 2]]) {
    // The lesson form waits folded in the module: open it like a keyboard user does.
    await tabTo(page, page.locator(".module-box summary").first(), { label: "add-lesson fold" });
    await page.keyboard.press("Enter");
    const form = page.locator("form[action$='/lessons']").first();
    await typeInto(page, form.locator("input[name=title]"), title, `${title} title`);
    await tabTo(page, form.locator("select"), { label: `${title} video` });
    for (let i = 0; i < video; i++) await page.keyboard.press("ArrowDown");
    await activate(page, form.locator("button[type=submit]"), `add ${title}`);
  }
  const lessonTitles = () => page.locator(".module-box li[data-id] > a:not(.small)").allInnerTexts();
  assert.deepEqual((await lessonTitles()).map((t) => t.trim()), ["Lektion A", "Lektion B"]);
  // Lesson B up, with its keyboard button.
  await activate(page, page.locator("button[aria-label*='Lektion B']").first(), "move Lektion B up");
  assert.deepEqual((await lessonTitles()).map((t) => t.trim()), ["Lektion B", "Lektion A"]);

  await activate(page, page.locator("form[action$='/publish'] button"), "publish");
  assert.ok(await page.locator("form[action$='/publish'] button.secondary").count(), "now published");

  // Give it to the group and open the report.
  await page.goto(groupUrl);
  const assign = page.locator("form[action$='/courses']");
  await tabTo(page, assign.locator("select"), { label: "course to assign" });
  await page.keyboard.type("Kurs per Tastatur");
  await activate(page, assign.locator("button[type=submit]"), "assign course");
  assert.ok(await page.locator("a", { hasText: "Kurs per Tastatur" }).count(), "course assigned");
  assert.equal(await page.locator(".rows li", { hasText: "Tastatur 8" }).count(), 1, "sheet learners are members");
  await activate(page, page.locator(`a[href$='/report']`).first(), "group report");
  assert.match(page.url(), /\/report$/);
  assert.ok((await page.content()).includes("Lektion B"));
  await assertAccessible(page, "group report");
  assertClean(context);
  await context.close();
});

test("a video uploaded, subtitled and unsubtitled with the keyboard alone", async () => {
  const context = await newContext(browser, server, DESK);
  const page = await context.newPage();
  await keyboardLogin(page, demo.trainer);
  await activate(page, page.locator("a[href='/trainer/videos']").first(), "videos link");
  await typeInto(page, page.locator("#title"), "Per Tastatur hochgeladen", "video title");
  await chooseFile(page, page.locator("#video"), join(ROOT, "tests/fixtures/downloaded/bbb.mp4"), "video file");
  await tabTo(page, page.locator("#upload-form button[type=submit]"), { label: "upload" });
  await Promise.all([page.waitForURL(/\/trainer\/videos\/\d+$/, { timeout: 60_000 }), page.keyboard.press("Enter")]);
  assert.match(await page.locator("h1").textContent(), /Per Tastatur hochgeladen/);
  assert.equal(await page.locator("video.preview").count(), 0, "still processing (the video takes seconds)");
  await page.evaluate(() => { window.notReloaded = true; });

  // Turkish subtitles (type-ahead in the language list), then removed again. Processing
  // ends while the form is half filled: the page keeps it and offers the reload instead.
  const form = page.locator("#subtitles form[enctype]");
  await tabTo(page, form.locator("select[name=language]"), { label: "subtitle language" });
  await page.keyboard.type("Tü");
  assert.equal(await form.locator("select[name=language]").inputValue(), "tr");
  await page.locator("[data-reload]:not([hidden])").waitFor({ timeout: 120_000 });
  assert.equal(await page.evaluate(() => window.notReloaded), true, "the half-filled form was kept");
  assert.equal(await form.locator("select[name=language]").inputValue(), "tr");
  await page.locator(".processing .status-text", { hasText: "Fertig" }).waitFor();
  const srt = "1\n00:00:00,000 --> 00:00:01,500\nMerhaba\n";
  await tabTo(page, form.locator("input[type=file]"), { label: "subtitle file" });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  await chooser.setFiles({ name: "selam.tr.srt", mimeType: "application/x-subrip", buffer: Buffer.from(srt) });
  await activate(page, form.locator("button[type=submit]"), "add subtitles");
  assert.match(await page.locator(".subtitle-tracks").textContent(), /Türkçe/);
  await activate(page, page.locator("form[action$='/subtitles/tr/delete'] button"), "remove subtitles");
  assert.equal(await page.locator(".subtitle-tracks", { hasText: "Türkçe" }).count(), 0, "the track is gone");
  assertClean(context);
  await context.close();
});

test("an admin adds a colleague with the keyboard alone", async () => {
  const context = await newContext(browser, server, DESK);
  const page = await context.newPage();
  await keyboardLogin(page, demo.admin);
  await page.goto(`${server.url}/admin`);
  await typeInto(page, page.locator("#username"), "tastatur-kollegin", "new user name");
  await typeInto(page, page.locator("#password"), "ein langes Passwort", "new password");
  await activate(page, page.locator("form[action='/admin/users'] button[type=submit]"), "create user");
  assert.equal(await page.locator(".rows li", { hasText: "tastatur-kollegin" }).count(), 1);
  await activate(page, page.locator("a[href='/admin/audit']"), "audit log");
  assert.match(await page.locator("main").textContent(), /user\.created/);
  await assertAccessible(page, "audit log");
  assertClean(context);
  await context.close();
});

test("a learner plays a lesson with the keyboard alone", async () => {
  const context = await newContext(browser, server, DESK);
  const page = await context.newPage();
  await codeLogin(page, server, demo.learnerCode);
  await activate(page, page.locator("a.big-button"), "Weiter lernen");
  await page.waitForFunction(() => document.querySelector("[data-lesson-player]")?.dataset.player);
  await tabTo(page, page.locator("[data-player-play]"), { label: "play" });
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("video").currentTime > 1, null, { timeout: 20_000 });
  await tabTo(page, page.locator("[data-player-rate='1.25']"), { label: "faster" });
  await page.keyboard.press("Space");
  assert.equal((await videoState(page)).rate, 1.25);
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  const focused = await page.evaluate(() => document.activeElement?.dataset.playerPlay !== undefined);
  assert.ok(focused, "back with Shift+Tab to the play button");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("video").paused);
  assertClean(context);
  await context.close();
});

test("the code sheet in Arabic on a phone", async () => {
  const context = await newContext(browser, server, { ...PHONE, lang: "ar" });
  const page = await context.newPage();
  await staffLogin(page, server, demo.trainer);
  await useLanguage(page, server, "ar");
  await page.goto(`${server.url}/trainer`);
  await page.locator("#sheet-count").fill("2");
  await page.locator("#sheet-lang").selectOption("ar");
  await page.locator("form[action='/trainer/learners/batch'] button[type=submit]").click();
  await page.waitForLoadState();
  assert.equal(await page.locator(".code-cards .code-sheet").count(), 2);
  assert.equal(await page.locator(".code-cards").getAttribute("dir"), "rtl");
  await assertAccessible(page, "code sheet (ar)");
  await screenshot(page, "ar-phone-trainer-code-sheet");
  assertClean(context);
  await context.close();
});
