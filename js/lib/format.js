// @ts-check
// Number formatting shared by the model widgets. coursebook/simulations/display.py does the
// same in Python, so the browser tests can compare what the page shows with the model.

// value.toFixed(digits) with thousands separators, and never "-0.0".
/**
 * @param {number} value
 * @param {number} digits
 * @returns {string}
 */
export function fixed(value, digits) {
  let text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text.replace(/^(\d+)/, (d) => Number(d).toLocaleString("en-US"));
  const [whole, frac] = text.split(".");
  text = Number(whole).toLocaleString("en-US") + (frac !== undefined ? `.${frac}` : "");
  return value < 0 ? `-${text}` : text;
}

// "$1.2bn" / "−$3.4bn" from a value in billions.
/** @param {number} value */
export function billions(value) {
  const text = fixed(Math.abs(value), 1);
  // U+2060 (word joiner) keeps the minus sign on the same line as the amount.
  return value < 0 && text !== "0.0" ? `−\u2060$${text}bn` : `$${text}bn`;
}

// "$120m" from a value in millions.
/** @param {number} value */
export function millions(value) {
  const text = fixed(Math.abs(value), 0);
  return value < 0 && text !== "0" ? `−\u2060$${text}m` : `$${text}m`;
}

// A parameter's value as text, for aria-valuetext and tables: "100 million US dollars a month".
/**
 * @param {number} value
 * @param {string} unit
 */
export function withUnit(value, unit) {
  const number = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  return unit.startsWith("%") ? `${number}${unit}` : `${number} ${unit}`;
}
