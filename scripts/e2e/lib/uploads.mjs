// Helpers for the upload browser tests: a trainer made with the CLI, a slow network
// (so that an upload can be cut off mid-way), and what the server stored.
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";

import { waitFor } from "./server.mjs";

/** A trainer account made with `lernwerk user add`. */
export async function makeTrainer(server, name = "e2e-trainer") {
  const password = "a long enough password";
  await server.cli(["user", "add", name, "--role", "trainer"], `${password}\n`);
  return { name, password };
}

/** Limits how fast the page may send (bytes per second), like a weak office line. */
export async function throttleUploads(context, page, bytesPerSecond) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return cdp;
}

export function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The sha256 of every original the server stored. */
export async function storedOriginals(server) {
  const dir = join(server.media, "originals");
  const names = await readdir(dir).catch(() => []);
  return Promise.all(names.map(async (name) => sha256(await readFile(join(dir, name)))));
}

/** Waits until the progress bar on the page shows at least `percent`. */
export async function waitForProgress(page, percent, ms = 60_000) {
  await waitFor(
    async () => Number(await page.locator("#upload-status progress").getAttribute("value")) >= percent,
    ms,
    () => `upload progress did not reach ${percent} %`,
  );
}
