// @ts-check
// Tiny DOM helpers. Text from data files only ever reaches the page through
// textContent (never innerHTML), so markup inside a quiz option shows as text.

/**
 * @typedef {Node | string | number | boolean | null | undefined} Child
 * @typedef {Record<string, unknown>} Attrs  `class`, `text`, `on<event>` handlers, other attributes
 */

/**
 * An element with attributes and children. Callers that need an input's `value` or a
 * button's `disabled` narrow the result with a JSDoc cast (HTMLInputElement, …).
 * @param {string} tag
 * @param {Attrs} [attrs]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "class") el.className = /** @type {string} */ (value);
    else if (name === "text") el.textContent = /** @type {string} */ (value);
    else if (name.startsWith("on") && typeof value === "function")
      el.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// A deterministic shuffle (seeded by a string), so a page looks the same on every
// load and in every test. With `avoidIdentity` (the items of an order question) it
// never returns the solved order for two or more items; without it (options) every
// order is equally likely, so no position is a tell.
/**
 * @param {number} count
 * @param {string} seedText
 * @param {boolean} [avoidIdentity]
 * @returns {number[]}
 */
export function shuffled(count, seedText, avoidIdentity = true) {
  let seed = 2166136261;
  for (const ch of seedText) seed = Math.imul(seed ^ /** @type {number} */ (ch.codePointAt(0)), 16777619) >>> 0;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const order = [...Array(count).keys()];
  for (let i = count - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  if (avoidIdentity && count > 1 && order.every((v, i) => v === i)) order.push(/** @type {number} */ (order.shift()));
  return order;
}

// Announce a message to screen readers through a polite live region.
/**
 * @param {HTMLElement} parent
 * @returns {(message: string) => void}
 */
export function announcer(parent) {
  const region = h("div", { class: "cb-sr-only", role: "status", "aria-live": "polite" });
  parent.append(region);
  return (message) => {
    region.textContent = "";
    window.setTimeout(() => {
      region.textContent = message;
    }, 30);
  };
}
