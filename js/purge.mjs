// Called by the book's build (coursebook/sphinxext/assets.py) once the pages are written.
// Reads a JSON request on stdin: the stylesheets to merge, in cascade order; the pages and
// scripts whose words decide which rules are used; classes to keep whatever happens.
// Writes one stylesheet with only the rules those pages can use (PurgeCSS), its url()s
// rewritten to work from where it is written.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { PurgeCSS } from "purgecss";

const request = JSON.parse(readFileSync(0, "utf8"));
const outDir = dirname(request.out);

function rebase(css, base) {
  return css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (whole, quote, url) => {
    if (/^(data:|[a-z]+:|\/|#)/i.test(url)) return whole;
    const [path, rest = ""] = url.split(/(?=[?#])/);
    const moved = relative(outDir, resolve(base, path)).split("\\").join("/");
    return `url(${quote}${moved}${rest}${quote})`;
  });
}

const raw = request.css
  .map((c) => `/* ${relative(outDir, c.file)} */\n${rebase(readFileSync(c.file, "utf8"), c.base)}`)
  .join("\n");
const [result] = await new PurgeCSS().purge({
  content: request.content,
  skippedContentGlobs: request.exclude,
  css: [{ raw }],
  safelist: {
    standard: request.safelist.standard,
    greedy: request.safelist.greedy.map((r) => new RegExp(r)),
  },
  dynamicAttributes: request.dynamicAttributes,
  keyframes: true,
  fontFace: false,
  variables: false,
});
mkdirSync(outDir, { recursive: true });
writeFileSync(request.out, result.css);
console.log(`${Buffer.byteLength(raw)} -> ${Buffer.byteLength(result.css)} bytes`);
