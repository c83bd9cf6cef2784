// @ts-check
// A stand-in for anywidget's model, for pages with no kernel.
//
// A widget module only ever talks to its model through get / set / on / off /
// save_changes, so the same module runs against a live kernel (anywidget) and
// against this object in the static book. Here the state comes from the JSON the
// page embeds, and `set` notifies listeners with the arguments anywidget's
// (Backbone's) model passes: `change:<key>` listeners get (model, value), and
// `change` listeners get (model).

/**
 * @typedef {Record<string, unknown>} WidgetState  the synced traits, by name
 * @typedef {(model: StandInModel, value?: unknown) => void} Listener
 * @typedef {object} StandInModel
 * @property {(key: string) => any} get
 * @property {(key: string, value: unknown) => void} set
 * @property {(name: string, callback: Listener) => void} on
 * @property {(name?: string, callback?: Listener) => void} off
 * @property {() => void} save_changes
 * @property {(content: unknown) => void} send
 */

/**
 * @param {WidgetState} initial  the state the page embeds as JSON
 * @returns {StandInModel}
 */
export function createModel(initial) {
  /** @type {WidgetState} */
  const state = { ...initial };
  /** @type {Map<string, Set<Listener>>} */
  const listeners = new Map();

  /** @type {StandInModel} */
  const model = {
    get(key) {
      return state[key];
    },
    set(key, value) {
      const previous = state[key];
      state[key] = value;
      if (previous !== value) {
        for (const callback of listeners.get(`change:${key}`) ?? []) callback(model, value);
        for (const callback of listeners.get("change") ?? []) callback(model);
      }
    },
    on(name, callback) {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)?.add(callback);
    },
    off(name, callback) {
      if (!name) listeners.clear();
      else if (!callback) listeners.delete(name);
      else listeners.get(name)?.delete(callback);
    },
    save_changes() {
      // Nothing to synchronise with: there is no kernel on a static page.
    },
    send() {},
  };
  return model;
}
