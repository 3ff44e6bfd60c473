import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type Language, type MessageKey, type Params, type Translate, translate } from '../i18n';
import { type Api, ApiError, createApi, errorText } from './api';
import { type Toast, withToast } from './toasts';
import type { DirectoryEntry, Office, Session, Team } from './types';

export interface ConsoleContext {
  api: Api;
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  session: Session | null;
  setSession: (session: Session | null) => void;
  toast: (text: string, kind?: Toast['kind']) => void;
  toastError: (error: unknown) => void;
  toasts: Toast[];
  dismissToast: (id: number) => void;
  /** Increases (debounced) when the server reports a change in a case the user may see. */
  liveTick: number;
  bumpLive: () => void;
  /** Tracking codes of the inbox as last shown, for j/k in the case view. */
  caseOrder: string[];
  setCaseOrder: (codes: string[]) => void;
  /** The inbox address last visited (view and filters), for "back to inbox". */
  inboxPath: string;
  setInboxPath: (path: string) => void;
}

const Context = createContext<ConsoleContext | null>(null);

const LANGUAGE_KEY = 'loket.console.language';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (saved === 'id' || saved === 'en') return saved;
  } catch {
    // storage may be blocked
  }
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'id';
}

export function ConsoleProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [session, setSessionState] = useState<Session | null>(null);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [liveTick, setLiveTick] = useState(0);
  const [caseOrder, setCaseOrder] = useState<string[]>([]);
  const [inboxPath, setInboxPath] = useState('/inbox/mine');
  const languageRef = useRef(language);
  const sessionRef = useRef(session);
  const nextToast = useRef(1);
  languageRef.current = language;
  sessionRef.current = session;

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    document.documentElement.lang = next;
    try {
      localStorage.setItem(LANGUAGE_KEY, next);
    } catch {
      // not remembered then
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const dismissToast = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);

  const toast = useCallback(
    (text: string, kind: Toast['kind'] = 'success') => {
      const id = nextToast.current++;
      setToasts((all) => withToast(all, { id, text, kind }));
      window.setTimeout(() => dismissToast(id), kind === 'error' ? 10_000 : 5_000);
    },
    [dismissToast],
  );

  const setSession = useCallback((next: Session | null) => setSessionState(next), []);

  const api = useMemo(
    () =>
      createApi({
        language: () => languageRef.current,
        csrfToken: () => sessionRef.current?.csrfToken ?? null,
        onSessionEnded: () => {
          if (sessionRef.current) {
            setSessionState(null);
            toast(translate(languageRef.current, 'error.session'), 'info');
          }
        },
      }),
    [toast],
  );

  const toastError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) return;
      toast(errorText(error, languageRef.current), 'error');
    },
    [toast],
  );

  const t = useCallback<Translate>(
    (key: MessageKey, params?: Params) => translate(language, key, params),
    [language],
  );

  const debounce = useRef<number | undefined>(undefined);
  const bumpLive = useCallback(() => {
    window.clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => setLiveTick((n) => n + 1), 400);
  }, []);

  const value: ConsoleContext = {
    api,
    language,
    setLanguage,
    t,
    session,
    setSession,
    toast,
    toastError,
    toasts,
    dismissToast,
    liveTick,
    bumpLive,
    caseOrder,
    setCaseOrder,
    inboxPath,
    setInboxPath,
  };
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useConsole(): ConsoleContext {
  const value = useContext(Context);
  if (!value) throw new Error('useConsole outside ConsoleProvider');
  return value;
}

/** Loads a resource again whenever `key` changes; `reload(true)` refreshes without the loading state. */
export function useResource<T>(load: () => Promise<T>, key: unknown) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const counter = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback((quiet = false) => {
    const mine = ++counter.current;
    if (!quiet) setState((s) => ({ ...s, loading: true }));
    loader.current().then(
      (data) => mine === counter.current && setState({ data, loading: false }),
      (error: unknown) => mine === counter.current && setState((s) => ({ ...s, error, loading: false })),
    );
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key says when to load again
  useEffect(() => reload(), [reload, key]);
  return { ...state, reload };
}

/** Reference data most screens need: offices (categories), colleagues and teams. Missing endpoints give []. */
export interface Reference {
  offices: Office[];
  directory: DirectoryEntry[];
  teams: Team[];
}

const ReferenceContext = createContext<{ ref: Reference; reload: () => void }>({
  ref: { offices: [], directory: [], teams: [] },
  reload: () => {},
});

export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { api, session } = useConsole();
  const [ref, setRef] = useState<Reference>({ offices: [], directory: [], teams: [] });
  const [tick, setTick] = useState(0);
  const userId = session?.state === 'signed_in' ? session.user.id : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a reload
  useEffect(() => {
    if (!userId) return;
    const soft = <T,>(p: Promise<{ items: T[] }>) => p.then((r) => r.items).catch(() => [] as T[]);
    Promise.all([
      soft(api.get<{ items: Office[] }>('/offices')),
      soft(api.get<{ items: DirectoryEntry[] }>('/staff/directory')),
      soft(api.get<{ items: Team[] }>('/staff/teams')),
    ]).then(([offices, directory, teams]) => setRef({ offices, directory, teams }));
  }, [api, userId, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return <ReferenceContext.Provider value={{ ref, reload }}>{children}</ReferenceContext.Provider>;
}

export function useReference() {
  return useContext(ReferenceContext);
}
