import { useConsole } from '../lib/context';

/** The code and the Indonesian and English names that teams and categories are created with. */
export function CodeAndNameFields({ codeLabel }: { codeLabel: string }) {
  const { t } = useConsole();
  return (
    <>
      <label>
        {codeLabel}
        <input name="code" required pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={40} />
      </label>
      <label>
        {t('teams.nameId')}
        <input name="nameId" required />
      </label>
      <label>
        {t('teams.nameEn')}
        <input name="nameEn" required />
      </label>
    </>
  );
}
