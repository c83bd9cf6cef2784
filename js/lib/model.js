// A stand-in for anywidget's model, for pages with no kernel.
//
// A widget module only ever talks to its model through get / set / on / off /
// save_changes, so the same module runs against a live kernel (anywidget) and
// against this object in the static book. Here the state comes from the JSON the
// page embeds, and `set` notifies listeners the way a Backbone model would.

export function createModel(initial) {
  const state = { ...initial };
  const listeners = new Map();

  function emit(name, value) {
    for (const callback of listeners.get(name) ?? []) callback(value);
  }

  return {
    get(key) {
      return state[key];
    },
    set(key, value) {
      const previous = state[key];
      state[key] = value;
      if (previous !== value) {
        emit(`change:${key}`, value);
        emit("change", { [key]: value });
      }
    },
    on(name, callback) {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name).add(callback);
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
}
