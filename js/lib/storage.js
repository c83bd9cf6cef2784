// Progress kept in the student's own browser (localStorage), one key per record.
//
// Keys look like "<namespace>:<kind>:<id>". Reading never throws: storage may be
// disabled (private mode), full, or hold something unreadable — then we behave as if
// nothing was stored, and remove the unreadable entry so it cannot break the page again.

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

export function keyFor(namespace, kind, id) {
  return `${namespace}:${kind}:${id}`;
}

export function read(key, isValid = () => true) {
  if (!canStore) return null;
  const raw = window.localStorage.getItem(key);
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw);
    if (isValid(value)) return value;
  } catch {
    // fall through: unreadable
  }
  window.localStorage.removeItem(key);
  return null;
}

export function write(key, value) {
  if (!canStore) return false;
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function remove(key) {
  if (canStore) window.localStorage.removeItem(key);
}

export function keysWithPrefix(prefix) {
  if (!canStore) return [];
  const keys = [];
  for (let i = 0; i < window.localStorage.length; i += 1) {
    const key = window.localStorage.key(i);
    if (key.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

export const storageAvailable = canStore;

// A student's stored answer to one quiz question: {response, correct, at}.
export function answerKey(namespace, questionId) {
  return keyFor(namespace, "quiz", questionId);
}

export function isStoredAnswer(value) {
  return value !== null && typeof value === "object" && "response" in value && typeof value.correct === "boolean";
}
