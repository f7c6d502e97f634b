// The real server for browser tests: our own binary on a free port, with a fresh media
// directory and SQLite file, stopped again when the test file ends. (The pages are the
// same on PostgreSQL; the Rust suites cover the database layer there.)
import { spawn, execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const BINARY = process.env.LERNWERK_BIN || join(ROOT, "target/debug/lernwerk");
const run = promisify(execFile);

async function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/**
 * Starts `lernwerk serve` (with its transcoding worker) and waits until it is ready.
 * `from`: a media directory (database and packages) to start with a copy of.
 */
export async function startServer({ env = {}, from } = {}) {
  const media = await mkdtemp(join(tmpdir(), "lernwerk-e2e-"));
  if (from) await cp(from, media, { recursive: true });
  const port = await freePort();
  const baseEnv = {
    ...process.env,
    LERNWERK_BIND: `127.0.0.1:${port}`,
    LERNWERK_MEDIA_DIR: media,
    RUST_LOG: process.env.RUST_LOG || "warn",
    ...env,
  };
  // The media directory as working directory: no lernwerk.toml of the checkout is read.
  const cli = async (args, input) => {
    const child = run(BINARY, args, { cwd: media, env: baseEnv, maxBuffer: 16 << 20 });
    if (input !== undefined) {
      child.child.stdin.end(input);
    }
    return (await child).stdout;
  };
  await cli(["migrate"]);
  const log = [];
  const proc = spawn(BINARY, ["serve"], { cwd: media, env: baseEnv, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.on("data", (chunk) => log.push(chunk.toString()));
  }
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/readyz`)).ok, 30_000, () => `server did not start:\n${log.join("")}`);
  return {
    url,
    media,
    cli,
    log,
    /** Stops the server; the media directory goes too unless `keepMedia`. */
    async stop({ keepMedia = false } = {}) {
      proc.kill("SIGTERM");
      await new Promise((ok) => (proc.exitCode !== null ? ok() : proc.once("exit", ok)));
      if (!keepMedia) await rm(media, { recursive: true, force: true });
    },
  };
}

/** Retries `check` until it returns true or `ms` have passed. */
export async function waitFor(check, ms, describe = () => "timed out") {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(describe());
    await new Promise((ok) => setTimeout(ok, 250));
  }
}
