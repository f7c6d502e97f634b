#!/usr/bin/env node
// Checks WebVTT files with a parser we did not write: the W3C's webvtt-parser (npm).
// Every .vtt under the given files or directories must parse without a single error,
// and its cue text may hold only the elements WebVTT defines (so nothing like <script>
// or <img> survived as markup). Prints a JSON summary; exits 1 on any problem.
//
// One finding is tolerated, and counted: HLS subtitle segments carry the
// `X-TIMESTAMP-MAP=` header on the line after `WEBVTT` (RFC 8216 §3.5, and hls.js and
// Safari look for it there), which the W3C syntax reports as "No blank line after the
// signature". Only that message, only on line 2, only when line 2 is that header.
//
//   node scripts/lib/check-webvtt.mjs DIR_OR_FILE...
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { WebVTTParser } = require("webvtt-parser");
const entities = require("webvtt-parser/html-entities.json");

const ALLOWED = new Set(["b", "i", "u", "c", "v", "lang", "ruby", "rt"]);

function files(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path).flatMap((name) => files(join(path, name)));
  }
  return path.endsWith(".vtt") ? [path] : [];
}

function elements(node, found) {
  for (const child of node.children || []) {
    if (child.type === "object") found.add(child.name);
    elements(child, found);
  }
  return found;
}

const problems = [];
let tolerated = 0;
let checked = 0;
let cues = 0;
for (const file of process.argv.slice(2).flatMap(files)) {
  const text = readFileSync(file, "utf8");
  const parsed = new WebVTTParser(entities).parse(text);
  checked += 1;
  cues += parsed.cues.length;
  const secondLine = text.split(/\r?\n/)[1] || "";
  for (const error of parsed.errors) {
    const hlsHeader =
      error.message === "No blank line after the signature." && error.line === 2 && secondLine.startsWith("X-TIMESTAMP-MAP=");
    if (hlsHeader) tolerated += 1;
    else problems.push(`${file}:${error.line}: ${error.message}`);
  }
  for (const cue of parsed.cues) {
    for (const name of elements(cue.tree, new Set())) {
      if (!ALLOWED.has(name)) problems.push(`${file}: element <${name}> in cue text`);
    }
    if (!(cue.endTime > cue.startTime)) problems.push(`${file}: cue ${cue.startTime}–${cue.endTime} has no length`);
  }
}
console.log(JSON.stringify({ files: checked, cues, tolerated_hls_headers: tolerated, problems }));
process.exit(problems.length === 0 && checked > 0 ? 0 : 1);
