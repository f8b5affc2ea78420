/** The visible fallback when the clipboard refuses: the text in a read-only field, already selected. */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n.js';

/** A labelled read-only field (one line) or box (several lines) whose text is selected when it appears. */
export function CopyFallback({
  label,
  text,
  multiline = false,
}: {
  label: string;
  text: string;
  multiline?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    // Focus and select so Ctrl+C / Cmd+C is the only step left.
    ref.current?.focus();
    ref.current?.select();
  }, [text]);
  return (
    <div className="copy-fallback">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          ref={ref}
          readOnly
          value={text}
          rows={8}
          onFocus={(e) => e.target.select()}
        />
      ) : (
        <input
          id={id}
          ref={ref}
          type="text"
          readOnly
          value={text}
          onFocus={(e) => e.target.select()}
        />
      )}
      <p className="hint">{t('copyFallbackHint')}</p>
    </div>
  );
}
