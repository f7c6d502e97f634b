// Werkakademie room helpers for browser tests: attaching a subtitle file through the
// trainer's form, pairing a projector page with a phone, and timing commands from the
// phone's click to the projector applying them (both pages stamp performance.timeOrigin
// + performance.now(), one clock for all contexts of one browser).
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";
import { readQr } from "./browser.mjs";
import { staffLogin } from "./demo.mjs";

/** A WebVTT file with one numbered cue every 3 s for `seconds`. */
export function subtitleFile(seconds, text = "Untertitel") {
  const stamp = (s) => `00:${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}.000`;
  const cues = [];
  for (let start = 0, n = 1; start < seconds; start += 3, n += 1) {
    cues.push(`${stamp(start)} --> ${stamp(start + 3)}\n${text} ${n}`);
  }
  return `WEBVTT\n\n${cues.join("\n\n")}\n`;
}

/** Uploads `vtt` as the German default subtitles of the trainer's video titled `title`. */
export async function attachSubtitles(page, server, title, vtt) {
  await page.goto(`${server.url}/trainer/videos`);
  const href = await page.locator(".rows a", { hasText: title }).first().getAttribute("href");
  await page.goto(`${server.url}${href}`);
  const dir = await mkdtemp(join(tmpdir(), "lernwerk-room-subs-"));
  const file = join(dir, "room.de.vtt");
  await writeFile(file, vtt);
  const form = page.locator("form[action$='/subtitles']");
  await form.locator("select[name=language]").selectOption("de");
  await form.locator("input[name=default]").check();
  await form.locator("input[type=file]").setInputFiles(file);
  await Promise.all([page.waitForLoadState("load"), form.locator("button[type=submit]").click()]);
  await page.locator("#subtitles .status").waitFor();
  return Number(href.split("/").pop());
}

/** Waits for the pairing code on the projector page and returns it. */
export async function codeOn(projector) {
  const box = projector.locator("[data-code]");
  await projector.waitForFunction(() => /^[A-Z0-9]{3}-[A-Z0-9]{3}$/.test(document.querySelector("[data-code]").textContent));
  return (await box.textContent()).trim();
}

/** Waits for the projector's QR code of `code` and reads it. */
export async function scanQr(projector, code) {
  await projector.waitForFunction((c) => {
    const img = document.querySelector("[data-qr]");
    return img.src.endsWith(encodeURIComponent(c)) && img.complete && img.naturalWidth > 0 && img.offsetWidth > 0;
  }, code);
  return readQr(projector, projector.locator("[data-qr]"));
}

/**
 * Opens the address from the projector's QR code on a phone that is not logged in: the
 * trainer logs in, lands on the pairing page with the code filled in and confirms it.
 */
export async function pairByScanning(phone, address, code, trainer) {
  await phone.goto(address);
  assert.equal(new URL(phone.url()).pathname, "/login");
  await staffLogin(phone, null, trainer);
  assert.equal(await phone.locator("#code").inputValue(), code, "the code is filled in");
  await Promise.all([
    phone.waitForURL(/\/trainer\/room\/[^/]+$/),
    phone.locator("form:has(#code) button[type=submit]").click(),
  ]);
  await remoteReady(phone);
}

/** Types `code` on the phone's pairing page and waits for the connected remote. */
export async function pairFromPhone(phone, server, code) {
  await phone.goto(`${server.url}/trainer/room`);
  await phone.locator("#code").fill(code);
  await Promise.all([
    phone.waitForURL(/\/trainer\/room\/[^/]+$/),
    phone.locator("form:has(#code) button[type=submit]").click(),
  ]);
  await remoteReady(phone);
}

export async function remoteReady(phone) {
  await phone.locator("[data-remote][data-catalog-state=loaded][data-connection=open][data-seq]").waitFor();
}

/**
 * Runs `act` on the phone and waits until the projector applied a new state; returns the
 * milliseconds from the phone's send to the projector's apply.
 */
export async function timed(phone, projector, act) {
  const before = await projector.evaluate(() => window.lernwerkRoom.applied.length);
  const sentBefore = await phone.evaluate(() => window.lernwerkRemote.sent.length);
  await act();
  await projector.waitForFunction((n) => window.lernwerkRoom.applied.length > n, before, { timeout: 10_000 });
  const sentAt = await phone.evaluate((n) => window.lernwerkRemote.sent[n].at, sentBefore);
  const appliedAt = await projector.evaluate((n) => window.lernwerkRoom.applied[n].at, before);
  assert.ok(appliedAt >= sentAt, "applied after it was sent");
  return appliedAt - sentAt;
}

/** Clicks the remote's button for `command` (play, pause, back, next, clear). */
export function press(phone, command) {
  return () => phone.locator(`[data-command=${command}]`).click();
}

export function video(projector) {
  return projector.evaluate(() => {
    const v = document.querySelector("[data-video]");
    return { time: v.currentTime, paused: v.paused, width: v.videoWidth, height: v.videoHeight };
  });
}
