// Working a page with the keyboard alone, as a trainer without a mouse does: Tab until
// the wanted control has the focus (failing when it cannot be reached), then type or
// press Enter. Every focused control must show where the focus is.
import assert from "node:assert/strict";

/** Tabs forward until `locator` has the focus; asserts it shows a focus indicator. */
export async function tabTo(page, locator, { maxTabs = 120, label = String(locator) } = {}) {
  const target = await locator.elementHandle();
  assert.ok(target, `${label} is on the page`);
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) {
      await assertFocusVisible(target, label);
      return;
    }
  }
  assert.fail(`${label} cannot be reached with Tab in ${maxTabs} steps`);
}

async function assertFocusVisible(element, label) {
  const style = await element.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2, shadow: s.boxShadow !== "none" };
  });
  assert.ok(style.outline || style.shadow, `${label} shows the keyboard focus`);
}

/** Tabs to a text field and types into it. */
export async function typeInto(page, locator, text, label) {
  await tabTo(page, locator, { label });
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

/** Tabs to a control and presses Enter; waits for the navigation a form or link makes. */
export async function activate(page, locator, label) {
  await tabTo(page, locator, { label });
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
}
