// Grading rules for the static page: the same rules as coursebook/grading.py.
// The browser tests check that both give the same result and the same feedback for
// every question in the book; change them together.

export const MISSED_OPTION = "At least one correct option is not selected yet.";

function isIndex(value, size) {
  return Number.isInteger(value) && value >= 0 && value < size;
}

function choice(q, response) {
  if (!isIndex(response, q.options.length)) return null;
  const option = q.options[response];
  return { correct: option.correct, feedback: [option.feedback] };
}

function multiple(q, response) {
  if (!Array.isArray(response) || !response.every((i) => isIndex(i, q.options.length))) return null;
  const chosen = [...new Set(response)].sort((a, b) => a - b);
  if (chosen.length === 0) return null;
  const correct = q.options.map((o, i) => (o.correct ? i : -1)).filter((i) => i >= 0);
  const feedback = chosen.map((i) => q.options[i].feedback);
  const missed = correct.filter((i) => !chosen.includes(i));
  if (missed.length) feedback.push(MISSED_OPTION);
  const same = chosen.length === correct.length && chosen.every((i, k) => i === correct[k]);
  return { correct: same, feedback };
}

function numeric(q, response) {
  if (typeof response !== "number" || !Number.isFinite(response)) return null;
  if (Math.abs(response - q.answer) <= q.tolerance + 1e-9) {
    return { correct: true, feedback: [q.feedback.correct] };
  }
  return { correct: false, feedback: [response < q.answer ? q.feedback.low : q.feedback.high] };
}

function order(q, response) {
  const total = q.items.length;
  if (!Array.isArray(response) || response.length !== total) return null;
  if ([...response].sort((a, b) => a - b).some((v, i) => v !== i)) return null;
  const right = response.filter((item, position) => item === position).length;
  if (right === total) return { correct: true, feedback: q.items.map((item) => item.feedback) };
  const misplaced = response.flatMap((item, position) => (item === position ? [] : [q.items[item].feedback]));
  return { correct: false, feedback: [`${right} of ${total} items are in the right place.`, ...misplaced] };
}

function match(q, response) {
  const total = q.pairs.length;
  if (!Array.isArray(response) || response.length !== total) return null;
  if (!response.every((v) => v === null || isIndex(v, total))) return null;
  const right = response.filter((chosen, left) => chosen === left).length;
  if (right === total) return { correct: true, feedback: q.pairs.map((p) => p.feedback) };
  const wrong = response.flatMap((chosen, left) => (chosen === left ? [] : [q.pairs[left].feedback]));
  return { correct: false, feedback: [`${right} of ${total} pairs are right.`, ...wrong] };
}

const graders = { single: choice, "true-false": choice, multiple, numeric, order, match };

// Returns {correct, feedback} or null when the response does not fit the question.
export function grade(question, response) {
  return graders[question.type](question, response);
}
