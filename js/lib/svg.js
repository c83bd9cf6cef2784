// @ts-check
// Minimal SVG drawing for the model charts: no charting library, no CDN.

const NS = "http://www.w3.org/2000/svg";

/**
 * @param {string} tag
 * @param {Record<string, unknown>} [attrs]
 * @param {...(Node | string | null | undefined | (Node | string | null | undefined)[])} children
 * @returns {SVGElement}
 */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs))
    if (value !== null && value !== undefined) el.setAttribute(name, String(value));
  for (const child of children.flat())
    if (child !== null && child !== undefined)
      el.append(typeof child === "string" ? document.createTextNode(child) : child);
  return el;
}

// "Nice" tick values covering [low, high].
/**
 * @param {number} low
 * @param {number} high
 * @param {number} [count]
 * @returns {number[]}
 */
export function ticks(low, high, count = 5) {
  if (low === high) return [low];
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= raw) ?? 10 * power;
  /** @type {number[]} */
  const out = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

/**
 * @param {number} domainLow
 * @param {number} domainHigh
 * @param {number} rangeLow
 * @param {number} rangeHigh
 * @returns {(v: number) => number}
 */
export function scale(domainLow, domainHigh, rangeLow, rangeHigh) {
  const span = domainHigh - domainLow || 1;
  return (v) => rangeLow + ((v - domainLow) / span) * (rangeHigh - rangeLow);
}

/**
 * @param {[number, number][]} points
 * @returns {string}
 */
export function pathOf(points) {
  return points.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join("");
}
