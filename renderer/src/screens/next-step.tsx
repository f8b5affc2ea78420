/**
 * What an empty screen offers instead of just saying it is empty: the next first-run step (a link
 * to the screen where it is done, or a button that takes the focus to the form below) and, while
 * there is no sample data, "Try with sample data".
 */
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n.js';
import { TrySampleButton } from '../sample-data.js';
import { screenHash } from './routes.js';

/** The next step of an empty screen. */
export type NextStepProps =
  /** A link to another screen. */
  | { to: 'clients' | 'calendars'; label: 'addClient' | 'addFirstClient' | 'addCalendar' }
  /** A button that focuses the first field of the screen's add form (found by its form's class). */
  | { focus: string; label: 'addCalendar' | 'addFirstClient' };

/** A link or focus button, then "or Try with sample data". */
export function NextStep(props: NextStepProps): ReactNode {
  const { t } = useTranslation('firstRun');
  return (
    <div className="next-step">
      {'to' in props ? (
        <a href={screenHash(props.to)}>{t(`next.${props.label}`)}</a>
      ) : (
        <button
          type="button"
          onClick={() => {
            const field = document.querySelector<HTMLElement>(
              `form.${props.focus} input, form.${props.focus} select`,
            );
            // focus() scrolls the field into view too.
            field?.focus();
          }}
        >
          {t(`next.${props.label}`)}
        </button>
      )}
      <SampleOffer />
    </div>
  );
}

/** "or" + the sample button, unless sample data is there already (the button then renders nothing). */
function SampleOffer(): ReactNode {
  const { t } = useTranslation('firstRun');
  return (
    <>
      <span className="muted" aria-hidden="true">
        {t('next.orSample')}
      </span>
      <TrySampleButton />
    </>
  );
}
