// Every page a person reaches, in German and in Arabic (right to left): no WCAG 2.1 A/AA
// violation (axe-core), nothing from other origins, no script error; screenshots at phone
// and desk size for review.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";

import { staffLogin, codeLogin, useLanguage, startDemo } from "../lib/demo.mjs";
import { newContext, assertAccessible, assertClean, screenshot, PHONE, DESK } from "../lib/browser.mjs";

let server, browser, demo, stop, learnerState;

before(async () => {
  ({ server, demo, browser, stop } = await startDemo());
  // An access code works once: log in once and carry the session into each test.
  const learner = await newContext(browser, server, PHONE);
  await codeLogin(await learner.newPage(), server, demo.learnerCode);
  learnerState = await learner.storageState();
  await learner.close();
});

after(async () => stop?.());

/** Opens each path, checks it and takes its screenshot as `<prefix>-<name>`. */
async function checkPages(page, prefix, paths) {
  for (const [name, path] of paths) {
    const response = await page.goto(`${server.url}${path}`);
    assert.equal(response.status(), 200, `${path} answers`);
    await assertAccessible(page, `${prefix} ${name}`);
    await screenshot(page, `${prefix}-${name}`);
  }
}

for (const lang of ["de", "ar"]) {
  describe(`pages in ${lang}`, () => {
    test("public pages", async () => {
      const context = await newContext(browser, server, { ...PHONE, lang });
      const page = await context.newPage();
      await checkPages(page, `${lang}-phone`, [
        ["start", "/"],
        ["login", "/login"],
        ["code", "/code"],
      ]);
      const dir = await page.locator("html").getAttribute("dir");
      assert.equal(dir, lang === "ar" ? "rtl" : "ltr");
      assertClean(context);
      await context.close();
    });

    test("learner pages on a phone", async () => {
      const context = await newContext(browser, server, { ...PHONE, lang, storageState: learnerState });
      const page = await context.newPage();
      await useLanguage(page, server, lang);
      await checkPages(page, `${lang}-phone-learner`, [
        ["home", "/learn"],
        ["account", "/account"],
      ]);
      await page.goto(`${server.url}/learn`);
      await page.locator("a.big-button").first().click();
      await page.waitForURL(/\/learn\/lessons\/\d+/);
      await assertAccessible(page, `${lang} lesson`);
      await screenshot(page, `${lang}-phone-learner-lesson`);
      assertClean(context);
      await context.close();
    });

    test("trainer pages on a desk", async () => {
      const context = await newContext(browser, server, { ...DESK, lang });
      const page = await context.newPage();
      await staffLogin(page, server, demo.trainer);
      await useLanguage(page, server, lang);
      await checkPages(page, `${lang}-desk-trainer`, [
        ["home", "/trainer"],
        ["videos", "/trainer/videos"],
        ["courses", "/trainer/courses"],
        ["groups", "/trainer/groups"],
      ]);
      // One of each detail page, reached the way a trainer does: by following links from
      // the page before (`null`: the detail page just checked).
      let here = null;
      for (const [from, link, name] of [
        ["/trainer/videos", "a[href^='/trainer/videos/']", "video"],
        ["/trainer/courses", "a[href^='/trainer/courses/']", "course"],
        [null, "a[href^='/trainer/lessons/']:not([href$='/preview'])", "lesson"],
        [null, "a[href$='/preview']", "lesson-preview"],
        ["/trainer/groups", "a[href^='/trainer/groups/']", "group"],
        [null, "a[href$='/report']", "group-report"],
        [null, "a[href^='/trainer/learners/'][href$='/report']", "learner-report"],
      ]) {
        if (from) here = from;
        await page.goto(`${server.url}${here}`);
        const href = await page.locator(link).first().getAttribute("href");
        await checkPages(page, `${lang}-desk-trainer`, [[name, href]]);
        if (from) here = href;
      }
      assertClean(context);
      await context.close();
    });

    test("error pages", async () => {
      const context = await newContext(browser, server, { ...PHONE, lang, storageState: learnerState });
      const page = await context.newPage();
      await useLanguage(page, server, lang);
      for (const [name, path, status] of [
        ["not-found", "/learn/lessons/999999", 404],
        ["forbidden", "/trainer", 403],
      ]) {
        const response = await page.goto(`${server.url}${path}`);
        assert.equal(response.status(), status, path);
        await assertAccessible(page, `${lang} ${name}`);
        await screenshot(page, `${lang}-phone-error-${name}`);
      }
      await context.close();
    });

    test("admin pages on a desk", async () => {
      const context = await newContext(browser, server, { ...DESK, lang });
      const page = await context.newPage();
      await staffLogin(page, server, demo.admin);
      await useLanguage(page, server, lang);
      await checkPages(page, `${lang}-desk-admin`, [
        ["home", "/admin"],
        ["learners", "/admin/learners"],
        ["audit", "/admin/audit"],
      ]);
      assertClean(context);
      await context.close();
    });
  });
}
