/** The Rules screen: what counts as focus time (working hours and the time zone are under Settings). */
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n.js';
import { FocusRulesEditor } from './focus-rules-editor.js';

/** The focus rules editor with its preview. */
export function RulesScreen(): ReactNode {
  const { t } = useTranslation('rules');
  return (
    <section aria-labelledby="rules-heading" className="screen">
      <h1 id="rules-heading" tabIndex={-1}>
        {t('title')}
      </h1>
      <FocusRulesEditor />
    </section>
  );
}
