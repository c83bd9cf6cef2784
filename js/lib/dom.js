// Tiny DOM helpers. Text from data files only ever reaches the page through
// textContent (never innerHTML), so markup inside a quiz option shows as text.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "class") el.className = value;
    else if (name === "text") el.textContent = value;
    else if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
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
export function shuffled(count, seedText, avoidIdentity = true) {
  let seed = 2166136261;
  for (const ch of seedText) seed = Math.imul(seed ^ ch.codePointAt(0), 16777619) >>> 0;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const order = [...Array(count).keys()];
  for (let i = count - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  if (avoidIdentity && count > 1 && order.every((v, i) => v === i)) order.push(order.shift());
  return order;
}

// Announce a message to screen readers through a polite live region.
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
