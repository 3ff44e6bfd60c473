import { createContext, type ReactNode, useContext, useEffect, useRef } from 'react';
import { INITIAL_SHORTCUT_STATE, isTextField, matchShortcut, type ShortcutState } from '../lib/shortcuts';

type Handlers = Record<string, () => void>;
type Registry = { layers: Handlers[] };

const ShortcutContext = createContext<Registry>({ layers: [] });

/**
 * One keydown listener for the whole console. Screens add their shortcuts with useShortcuts(); the most recently
 * mounted screen wins when two define the same key.
 */
export function ShortcutProvider({ children, onEscape }: { children: ReactNode; onEscape?: () => void }) {
  const registry = useRef<Registry>({ layers: [] });
  const state = useRef<ShortcutState>(INITIAL_SHORTCUT_STATE);
  const escapeHandler = useRef(onEscape);
  escapeHandler.current = onEscape;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const active = document.activeElement;
      if (event.key === 'Escape') {
        if (isTextField(active)) (active as HTMLElement).blur();
        escapeHandler.current?.();
        return;
      }
      const merged: Handlers = Object.assign({}, ...registry.current.layers);
      const result = matchShortcut(Object.keys(merged), state.current, {
        key: event.key,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        inField: isTextField(active),
        time: event.timeStamp,
      });
      state.current = result.state;
      if (result.match) {
        event.preventDefault();
        merged[result.match]?.();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return <ShortcutContext.Provider value={registry.current}>{children}</ShortcutContext.Provider>;
}

/** Registers shortcuts while the calling component is mounted; handlers may change on every render. */
export function useShortcuts(handlers: Handlers) {
  const registry = useContext(ShortcutContext);
  const layer = useRef<Handlers>({});
  // Keep the same object in the registry, with fresh handler functions.
  for (const key of Object.keys(layer.current)) delete layer.current[key];
  Object.assign(layer.current, handlers);
  useEffect(() => {
    const mine = layer.current;
    registry.layers.push(mine);
    return () => {
      registry.layers = registry.layers.filter((l) => l !== mine);
    };
  }, [registry]);
}
