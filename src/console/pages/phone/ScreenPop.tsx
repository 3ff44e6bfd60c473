import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useConsole } from '../../lib/context';

/** The window event the live stream raises for a screen pop (components/Shell.tsx). */
export const SCREEN_POP_EVENT = 'loket:screen-pop';

export interface ScreenPopData {
  callId: string;
  state: 'ringing' | 'answered';
  callerNumber: string | null;
  contactId: string | null;
}

/** Opens the phone form with the caller's history when the PBX says a call rings at this agent's extension. */
export function ScreenPopListener() {
  const navigate = useNavigate();
  const { t, toast } = useConsole();
  useEffect(() => {
    const onPop = (event: Event) => {
      const pop = (event as CustomEvent<ScreenPopData>).detail;
      if (!pop?.callId) return;
      const query = new URLSearchParams({
        call: pop.callId,
        ...(pop.callerNumber ? { number: pop.callerNumber } : {}),
      });
      navigate(`/phone?${query}`);
      toast(
        t('phone.incoming', { number: pop.callerNumber ? `+${pop.callerNumber}` : t('phone.unknownNumber') }),
        'info',
      );
    };
    window.addEventListener(SCREEN_POP_EVENT, onPop);
    return () => window.removeEventListener(SCREEN_POP_EVENT, onPop);
  }, [navigate, t, toast]);
  return null;
}
