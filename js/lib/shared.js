// @ts-check
// Scripts the build writes once for every page that needs them (coursebook/sphinxext/
// previews.py and shared.py). A page names such a script with a <script type="text/plain">
// element (so it is not run with the page), with the ?v= checksum of this build; the
// script sets one global. Loading it as a classic script works from file:// too.

/** @type {Map<string, Promise<unknown>>} */
const loading = new Map();

/**
 * The value the page's named script sets on `window[name]`, loading the script the first
 * time it is asked for. Resolves to undefined when the page names no such script or it
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
        if (!named || win[name] !== undefined) return resolve(win[name]);
        const script = document.createElement("script");
        script.src = named.src;
        script.onload = script.onerror = () => resolve(win[name]);
        document.head.append(script);
      }),
    );
  }
  return /** @type {Promise<unknown>} */ (loading.get(id));
}
