// @ts-check
// Scripts the build writes once for every page that needs them (coursebook/sphinxext/
// previews.py and shared.py). A page names such a script with a <script type="text/plain">
// element (so it is not run with the page), with the ?v= checksum of this build; the
// script sets one global. Loading it as a classic script works from file:// too.

// A link in a shared script is written from the site's root, after "cb-root:"
// (coursebook/sphinxext/shared.py); the page's content root (Sphinx writes it on <html>)
// makes it relative to the page, so it works under any sub-path and from file://.
const ROOT_PREFIX = "cb-root:";

/**
 * `value` with every "cb-root:" link made relative to this page.
 * @param {unknown} value
 * @returns {unknown}
 */
export function fromRoot(value) {
  const root = document.documentElement.dataset.content_root ?? "";
  /** @param {unknown} v @returns {unknown} */
  const walk = (v) => {
    if (typeof v === "string") return v.startsWith(ROOT_PREFIX) ? root + v.slice(ROOT_PREFIX.length) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** @type {Map<string, Promise<unknown>>} */
const loading = new Map();

/**
 * The value the page's named script sets on `window[name]` (its links made relative to
 * this page), loading the script the first time it is asked for. Resolves to undefined when the page names no such script or it
 * cannot be loaded (the caller says what that means for the reader).
 * @param {string} id  the id of the page's script element
 * @param {string} name  the global the script sets
 * @returns {Promise<unknown>}
 */
export function loadShared(id, name) {
  const win = /** @type {any} */ (window);
  if (!loading.has(id)) {
    loading.set(
      id,
      new Promise((resolve) => {
        const named = /** @type {HTMLScriptElement | null} */ (document.getElementById(id));
        if (!named || win[name] !== undefined) return resolve(fromRoot(win[name]));
        const script = document.createElement("script");
        script.src = named.src;
        script.onload = script.onerror = () => resolve(fromRoot(win[name]));
        document.head.append(script);
      }),
    );
  }
  return /** @type {Promise<unknown>} */ (loading.get(id));
}
