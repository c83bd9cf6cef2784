// @ts-check
// Progress kept in the student's own browser (localStorage), one key per record.
//
// Keys look like "<namespace>:<kind>:<id>", where the namespace names the book and
// its edition ("coursebook:<book id>:<edition>", coursebook/answers.py). Reading never
// throws and never deletes: storage may be disabled (private mode), full, or hold
// something unreadable or from an older version — then we behave as if nothing was
// stored, and leave the entry alone. A write that fails (quota full) is reported to
// every listener of `onStorageFailure`, so the page can tell the student.

function available() {
  try {
    const probe = "__coursebook_probe__";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

const canStore = typeof window !== "undefined" && available();
const FAILED = "cb-storage-failed";

/** @param {string} namespace @param {string} kind @param {string} id */
export function keyFor(namespace, kind, id) {
  return `${namespace}:${kind}:${id}`;
}

/** @param {string} key @param {(value: any) => boolean} [isValid] */
export function read(key, isValid = () => true) {
  if (!canStore) return null;
  const raw = window.localStorage.getItem(key);
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw);
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

/** Store a value; false (and every failure listener told) when the browser refused. */
/** @param {string} key @param {unknown} value */
export function write(key, value) {
  try {
    if (!canStore) throw new Error("storage is not available");
    window.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    if (typeof window !== "undefined") window.dispatchEvent(new CustomEvent(FAILED));
    return false;
  }
}

/** @param {string} key */
export function remove(key) {
  if (canStore) window.localStorage.removeItem(key);
}

/** @param {string} prefix @returns {string[]} */
export function keysWithPrefix(prefix) {
  if (!canStore) return [];
  const keys = [];
  for (let i = 0; i < window.localStorage.length; i += 1) {
    const key = window.localStorage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

export const storageAvailable = canStore;

/** Call `listener` whenever a write fails; returns a function that stops listening. */
/** @param {() => void} listener */
export function onStorageFailure(listener) {
  window.addEventListener(FAILED, listener);
  return () => window.removeEventListener(FAILED, listener);
}

/**
 * Move the entries an older build kept under `legacy` (the citation key alone) to
 * `namespace`: the reader's settings and saved model readings (record.js migrates the
 * quiz answers, whose format changed too).
 * An entry is removed from its old place only once its copy is written.
 */
/** @param {string} legacy @param {string} namespace */
export function migrateLegacy(legacy, namespace) {
  if (!legacy || legacy === namespace) return;
  for (const key of keysWithPrefix(`${legacy}:`)) {
    const rest = key.slice(legacy.length + 1);
    if (!rest.startsWith("settings:") && !rest.startsWith("model:")) continue;
    const target = `${namespace}:${rest}`;
    const value = window.localStorage.getItem(key);
    if (value === null) continue;
    if (window.localStorage.getItem(target) === null) {
      try {
        window.localStorage.setItem(target, value);
      } catch {
        window.dispatchEvent(new CustomEvent(FAILED));
        continue;
      }
    }
    window.localStorage.removeItem(key);
  }
}
