// What a page costs on the wire: every finished request with its transferred size
// (body and headers, gzip where the server sends it), for the page-weight budget of the
// learner's lesson page and scripts/measure-lesson-page.

function kind(request, contentType) {
  const type = request.resourceType();
  const path = new URL(request.url()).pathname;
  if (type === "document") return "HTML";
  if (type === "stylesheet") return "CSS";
  if (type === "script") return "JS";
  if (type === "image" || /^image\//.test(contentType) || path.endsWith(".svg")) return "images";
  if (/\.(m3u8|m4s|mp4|vtt)$/.test(path)) return "media";
  return "other";
}

/** Records every finished request of `page` with its transferred and decoded size. */
export function recordTransfers(page) {
  const rows = [];
  page.on("requestfinished", async (request) => {
    const response = await request.response();
    if (!response) return;
    const sizes = await request.sizes();
    const contentType = response.headers()["content-type"] || "";
    let decoded = null;
    try {
      decoded = (await response.body()).length;
    } catch {
      decoded = null; // range or streamed bodies
    }
    rows.push({
      kind: kind(request, contentType),
      path: new URL(request.url()).pathname,
      transferred: sizes.responseBodySize + sizes.responseHeadersSize,
      body: sizes.responseBodySize,
      decoded,
      encoding: response.headers()["content-encoding"] || "",
      status: response.status(),
    });
  });
  return rows;
}

/** Waits until the lesson page has loaded, chosen its player and gone quiet. */
export async function settleLesson(page) {
  await page.waitForLoadState("load");
  await page.waitForFunction(() => document.querySelector("[data-lesson-player]")?.dataset.player);
  await page.waitForLoadState("networkidle");
}
