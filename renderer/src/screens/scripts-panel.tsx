/** The ready-to-send wording for one client, in English or German, to copy or open as an e-mail draft. */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { ClientScripts, ScriptText } from '../../../shared/rate-case.js';
import { useApi } from '../api-context.js';
import { copyText } from '../clipboard.js';
import { SCRIPT_TITLES, mailtoLink, scriptAsText } from '../rate-case-model.js';
import { errorMessage } from '../use-async.js';
import { CopyFallback } from './copy-fallback.js';

type Language = 'en' | 'de';
const LANGUAGE_LABELS: Record<Language, string> = { en: 'English', de: 'Deutsch' };

/** One script: subject, text, Copy and "Open as e-mail draft". */
function ScriptCard({
  title,
  script,
  recommended,
}: {
  title: string;
  script: ScriptText;
  recommended: boolean;
}): ReactNode {
  const [copied, setCopied] = useState<'copied' | 'fallback' | null>(null);
  const headingId = useId();
  const text = scriptAsText(script);
  // A different text (language, period, a new contact) resets what the buttons said about the old one.
  const [shownFor, setShownFor] = useState(text);
  if (shownFor !== text) {
    setShownFor(text);
    setCopied(null);
  }
  return (
    <article className="script" aria-labelledby={headingId} lang={script.language}>
      <h3 id={headingId}>
        {title}
        {recommended && <span className="badge">Recommended</span>}
      </h3>
      {script.subject && (
        <p className="script-subject">
          <span className="muted">Subject: </span>
          {script.subject}
        </p>
      )}
      <div className="script-body">{script.body}</div>
      <div className="actions">
        <button
          type="button"
          aria-label={`Copy ${title.toLowerCase()}`}
          onClick={() => void copyText(text).then((ok) => setCopied(ok ? 'copied' : 'fallback'))}
        >
          Copy
        </button>
        <a
          className="button-link"
          href={mailtoLink(script)}
          aria-label={`Open ${title.toLowerCase()} as e-mail draft`}
        >
          Open as e-mail draft
        </a>
        <p role="status" className="ok">
          {copied === 'copied' ? 'Copied.' : ''}
        </p>
      </div>
      {copied === 'fallback' && <CopyFallback label={`${title} text`} text={text} multiline />}
    </article>
  );
}

/** The four scripts for `clientId` over the period; reloaded when `version` changes (a contact was logged). */
export function ScriptsPanel({
  clientId,
  clientName,
  from,
  to,
  version,
  defaultLanguage,
}: {
  clientId: string;
  clientName: string;
  from: string;
  to: string;
  version: number;
  defaultLanguage: Language;
}): ReactNode {
  const api = useApi();
  const [language, setLanguage] = useState<Language>(defaultLanguage);
  const [scripts, setScripts] = useState<ClientScripts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const [languageFor, setLanguageFor] = useState(clientId);
  if (languageFor !== clientId) {
    // Another client: start in their language.
    setLanguageFor(clientId);
    setLanguage(defaultLanguage);
  }
  useEffect(() => {
    let current = true;
    api.getScripts({ clientId, language, from, to }).then(
      (s) => {
        if (!current) return;
        setScripts(s);
        setError(null);
      },
      (e: unknown) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [api, clientId, language, from, to, version]);

  return (
    <section className="panel scripts" aria-labelledby={headingId}>
      <h2 id={headingId}>Ready-to-send wording for {clientName}</h2>
      <fieldset className="language-choice">
        <legend>Language</legend>
        {(Object.keys(LANGUAGE_LABELS) as Language[]).map((l) => (
          <label key={l} className="radio">
            <input
              type="radio"
              name={`${headingId}-language`}
              value={l}
              checked={language === l}
              onChange={() => setLanguage(l)}
            />
            {LANGUAGE_LABELS[l]}
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="error">
          Could not load the wording: {error}
        </p>
      )}
      {scripts === null && !error && <p aria-busy="true">Loading…</p>}
      {scripts &&
        SCRIPT_TITLES.map(([key, title]) => {
          const script = scripts[key];
          if (!script)
            return (
              <article className="script" key={key}>
                <h3>{title}</h3>
                <p className="muted">
                  {key === 'standingCallProposal'
                    ? 'A standing call is in place already: there is nothing to propose.'
                    : 'No rate change is recommended for this period.'}
                </p>
              </article>
            );
          return (
            <ScriptCard
              key={key}
              title={title}
              script={script}
              recommended={scripts.recommended === key}
            />
          );
        })}
    </section>
  );
}
