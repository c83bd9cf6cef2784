// Bundles each widget's ES module (js/widgets/<name>.js, with the helpers it imports
// from js/lib/) into one self-contained ESM, and its CSS (with the shared
// js/lib/common.css it imports) into one stylesheet, in coursebook/static/coursebook/widgets/.
// The same files are what anywidget loads in Jupyter and what the page host imports.
import { build } from "esbuild";
import { readdirSync, mkdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const srcDir = "js/widgets";
const outDir = "coursebook/static/coursebook/widgets";
mkdirSync(outDir, { recursive: true });
const sources = existsSync(srcDir) ? readdirSync(srcDir) : [];

function entries(suffix) {
  return Object.fromEntries(
    sources.filter((f) => f.endsWith(suffix)).map((f) => [f.slice(0, -suffix.length), join(srcDir, f)]),
  );
}

// Minified: these files are what every reader downloads; the readable sources are in js/.
const common = { outdir: outDir, bundle: true, minify: true, legalComments: "none", logLevel: "warning" };
const scripts = { ...entries(".js"), host: "js/host.js", annotate: "js/annotate.js" };
await build({ ...common, entryPoints: scripts, format: "esm", target: ["es2020"] });
await build({ ...common, entryPoints: entries(".css") });
console.log(`bundled ${Object.keys(scripts).length} module(s) and their styles into ${outDir}`);
