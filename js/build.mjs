// Bundles each widget's ES module (js/widgets/<name>.js, with the helpers it imports
// from js/lib/) and its CSS (with the shared js/lib/common.css it imports) into
// coursebook/static/coursebook/widgets/, twice over for the scripts:
//   <name>.js          one self-contained ES module: what anywidget loads in Jupyter;
//   <name>.classic.js  the same sources as a classic script (an IIFE) that registers the
//                      module in window.cbWidgets: what the static book's page host loads,
//                      because browsers refuse ES modules in a book opened from disk (file://).
// The page scripts (host.js, annotate.js) are classic scripts only.

import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

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
const widgets = entries(".js");
const classic = { ...common, format: "iife", target: ["es2020"] };
await build({ ...common, entryPoints: widgets, format: "esm", target: ["es2020"] });
await Promise.all(
  Object.entries(widgets).map(([name, entry]) =>
    build({
      ...classic,
      entryPoints: { [`${name}.classic`]: entry },
      globalName: "cbWidgetModule",
      footer: {
        js: `(window.cbWidgets=window.cbWidgets||{})[${JSON.stringify(name)}]=cbWidgetModule.default||cbWidgetModule;`,
      },
    }),
  ),
);
await build({ ...classic, entryPoints: { host: "js/host.js", annotate: "js/annotate.js" } });
await build({ ...common, entryPoints: entries(".css") });
const count = Object.keys(widgets).length;
console.log(
  `bundled ${count} widget(s) as ES modules and classic scripts, the page host and the notes script into ${outDir}`,
);
