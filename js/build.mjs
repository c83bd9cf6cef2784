// Bundles each widget's ES module (js/widgets/<name>.js, with the helpers it imports
// from js/lib/) into one self-contained ESM in coursebook/static/coursebook/widgets/.
// The same file is what anywidget loads in Jupyter and what the page host imports.
import { build } from "esbuild";
import { readdirSync, mkdirSync, copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const srcDir = "js/widgets";
const outDir = "coursebook/static/coursebook/widgets";
mkdirSync(outDir, { recursive: true });
const sources = existsSync(srcDir) ? readdirSync(srcDir) : [];
const entries = sources.filter((f) => f.endsWith(".js")).map((f) => join(srcDir, f));
entries.push("js/host.js");

await build({
  entryPoints: entries,
  outdir: outDir,
  bundle: true,
  format: "esm",
  target: ["es2020"],
  minify: false,
  legalComments: "none",
  logLevel: "warning",
});
for (const css of sources.filter((f) => f.endsWith(".css"))) {
  copyFileSync(join(srcDir, css), join(outDir, css));
}
console.log(`bundled ${entries.length} module(s) into ${outDir}`);
