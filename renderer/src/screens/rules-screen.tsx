/** The Rules screen: what counts as focus time, and the working hours. */
import type { ReactNode } from 'react';
import { FocusRulesEditor } from './focus-rules-editor.js';
import { WorkingHoursEditor } from './working-hours-editor.js';

/** Both rule editors. */
export function RulesScreen(): ReactNode {
  return (
    <section aria-labelledby="rules-heading" className="screen">
      <h1 id="rules-heading" tabIndex={-1}>
        Rules
      </h1>
      <FocusRulesEditor />
      <WorkingHoursEditor />
    </section>
  );
}
