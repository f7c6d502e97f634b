// The trainer's desk with the keyboard alone: log in, print a sheet of access codes for a
// new group, build a course (module, lessons, order), publish it, give it to the group and
// open the group's report — no mouse anywhere. Sheets and new pages are checked with
// axe-core in German and Arabic.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";

import { staffLogin, useLanguage, startDemo } from "../lib/demo.mjs";
import { newContext, assertAccessible, assertClean, screenshot, DESK, PHONE } from "../lib/browser.mjs";
import { activate, tabTo, typeInto } from "../lib/keyboard.mjs";

let server, browser, demo, stop;

before(async () => {
  ({ server, demo, browser, stop } = await startDemo());
});

after(async () => stop?.());

test("a course from nothing to a group report, with the keyboard alone", async () => {
  const context = await newContext(browser, server, DESK);
  const page = await context.newPage();

  await page.goto(`${server.url}/login`);
  await typeInto(page, page.locator("#username"), demo.trainer.name, "user name");
  await typeInto(page, page.locator("#password"), demo.trainer.password, "password");
  await Promise.all([page.waitForURL(/\/trainer/), page.keyboard.press("Enter")]);

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
