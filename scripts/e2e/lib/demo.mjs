// The demo content for browser tests: the explainer videos of scripts/make-demo-media
// (made once, cached under target/e2e/), seeded by `lernwerk demo` and transcoded by the
// server's own worker, exactly as a newcomer gets them from scripts/run.
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

import { launch, newContext, DESK } from "./browser.mjs";
import { BINARY, ROOT, startServer, waitFor } from "./server.mjs";

const run = promisify(execFile);
export const DEMO_MEDIA = join(ROOT, "target/e2e/demo-src");

/** Makes the demo media (once), seeds the demo and returns its logins. */
export async function seedDemo(server) {
  await run(join(ROOT, "scripts/make-demo-media"), [DEMO_MEDIA], { maxBuffer: 16 << 20 });
  const out = await server.cli(["demo", "--from", DEMO_MEDIA]);
  const grab = (re) => {
    const m = out.match(re);
    if (!m) throw new Error(`demo output lacks ${re}:\n${out}`);
    return m[1];
  };
  return {
    admin: { name: "demo-admin", password: grab(/demo-admin \/ (\S+)/) },
    trainer: { name: "demo-trainer", password: grab(/demo-trainer \/ (\S+)/) },
    learnerCode: grab(/access code (\S+)/),
    joinCode: grab(/join code (\S+)/),
  };
}

/** Logs a staff member in on `page` (on the login page it is on, if `server` is null). */
export async function staffLogin(page, server, { name, password }) {
  if (server) await page.goto(`${server.url}/login`);
  await page.locator("#username").fill(name);
  await page.locator("#password").fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.locator("form button[type=submit]").first().click()]);
}

/** Logs a learner in with their access code on `page`. */
export async function codeLogin(page, server, code) {
  await page.goto(`${server.url}/code`);
  await page.locator("#code").fill(code);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/code")), page.locator("form button[type=submit]").first().click()]);
}

/** Waits until the worker has made every video of the logged-in trainer ready. */
export async function waitForVideosReady(page, server, ms = 600_000) {
  await waitFor(
    async () => {
      await page.goto(`${server.url}/trainer/videos`);
      const all = await page.locator(".rows .status").count();
      const ready = await page.locator(".rows .status-ready").count();
      const failed = await page.locator(".rows .status-failed").count();
      if (failed > 0) throw new Error("a demo video failed to transcode");
      return all > 0 && ready === all;
    },
    ms,
    () => `demo videos not ready after ${ms / 1000} s:\n${server.log.join("").slice(-4000)}`,
  );
}

/** Chooses the interface language the way a person does, with the language switch. */
export async function useLanguage(page, server, lang) {
  await page.goto(`${server.url}/lang/${lang}`);
}

/**
 * What most browser test files start with: the server, the demo with its videos ready
 * and a browser. `stop()` ends both.
 */
export async function startDemo() {
  const server = await startServer({ from: await seededMedia() });
  // Seeding again renews the logins and keeps the courses and their ready videos.
  const demo = await seedDemo(server);
  const browser = await launch();
  return {
    server,
    demo,
    browser,
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}

const SEEDED = join(ROOT, "target/e2e/seeded");

/**
 * A media directory with the demo seeded and every video transcoded, made once per build
 * of the binary (transcoding is most of a test file's set-up time) and copied by each
 * test file, so that no file sees what another one changed.
 */
async function seededMedia() {
  const { mtimeMs, size } = await stat(BINARY);
  const stamp = `${mtimeMs} ${size}`;
  const made = await readFile(join(SEEDED, ".binary"), "utf8").catch(() => "");
  if (made === stamp) return SEEDED;
  await rm(SEEDED, { recursive: true, force: true });
  const server = await startServer();
  const demo = await seedDemo(server);
  const browser = await launch();
  const context = await newContext(browser, server, DESK);
  await staffLogin(await context.newPage(), server, demo.trainer);
  await waitForVideosReady(context.pages()[0], server);
  await browser.close();
  await server.stop({ keepMedia: true });
  await mkdir(dirname(SEEDED), { recursive: true });
  await rename(server.media, SEEDED).catch(async () => {
    // Another filesystem (tmp): copy instead.
    await cp(server.media, SEEDED, { recursive: true });
    await rm(server.media, { recursive: true, force: true });
  });
  await writeFile(join(SEEDED, ".binary"), stamp);
  return SEEDED;
}
