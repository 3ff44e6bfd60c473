import { useState } from 'react';
import { useConsole, useReference } from '../lib/context';

/** The office a page works on: the user's own, or a choice for national staff. */
export function useOfficeChoice(): [string, (code: string) => void] {
  const { session } = useConsole();
  const { ref } = useReference();
  const [office, setOffice] = useState(session?.user.officeCode ?? '');
  return [office || ref.offices[0]?.code || '', setOffice];
}

export function OfficePicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t, session } = useConsole();
  const { ref } = useReference();
  if (session?.user.officeCode || ref.offices.length < 2) return null;
  return (
    <label>
      {t('users.office')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {ref.offices.map((o) => (
          <option key={o.code} value={o.code}>
            {o.code}
          </option>
        ))}
      </select>
    </label>
  );
}
