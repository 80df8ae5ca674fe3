// The checklist as a React component, e.g. for MDX pages in Docusaurus or Gatsby. Plain
// JS (no JSX), so it needs no build step of its own. Props: `loader`, the URL of the
// built loader.js; `id`, the host element's id (drafts are kept under it); every other
// prop is an option of mount() (pipelineTeam, hotIdEvents, storageKey, initialAnswers,
// onChange…). Mounts in an effect (in the browser only, never while the site renders
// pages on the server), unmounts on cleanup, and mounts again when `loader`, `id` or an
// option's value changes (the draft is saved and restored, so nothing typed is lost).
import { createElement, useEffect, useRef } from 'react';

export default function Checklist({ loader = '/checklist/loader.js', id, onChange, ...options }) {
  const host = useRef(null);
  // The latest onChange is called, without mounting again for each new function.
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });
  // Options are compared by value: a new object with the same values keeps the widget.
  const settings = JSON.stringify(options);

  useEffect(() => {
    let handle = null;
    let cleanedUp = false;
    // Imported at run time, not bundled: the loader finds the wasm next to itself.
    import(/* webpackIgnore: true */ /* @vite-ignore */ loader).then(({ mount }) => {
      if (cleanedUp) return;
      handle = mount(host.current, {
        ...JSON.parse(settings),
        onChange: (answers) => latestOnChange.current?.(answers),
      });
    });
    return () => {
      cleanedUp = true;
      handle?.unmount();
    };
  }, [loader, id, settings]);

  return createElement('div', { ref: host, id });
}
