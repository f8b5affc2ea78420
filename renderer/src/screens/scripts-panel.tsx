/** The ready-to-send wording for one client, in English or German, to copy or open as an e-mail draft. */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { ClientScripts, ScriptText } from '../../../shared/rate-case.js';
import { useApi } from '../api-context.js';
import { copyText } from '../clipboard.js';
import { useTranslation } from '../i18n.js';
import { SCRIPT_KEYS, mailtoLink, scriptAsText } from '../rate-case-model.js';
import { errorMessage } from '../use-async.js';
import { CopyFallback } from './copy-fallback.js';

type Language = 'en' | 'de';
const LANGUAGES: readonly Language[] = ['en', 'de'];
type ScriptKey = (typeof SCRIPT_KEYS)[number];

/** One script: subject, text, Copy and "Open as e-mail draft". */
function ScriptCard({
  scriptKey,
  script,
  recommended,
}: {
  scriptKey: ScriptKey;
  script: ScriptText;
  recommended: boolean;
}): ReactNode {
  const { t } = useTranslation('rateCase');
  const title = t(`scripts.title.${scriptKey}`);
  const inSentence = t(`scripts.inSentence.${scriptKey}`);
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
        {recommended && <span className="badge">{t('scripts.recommended')}</span>}
      </h3>
      {script.subject && (
        <p className="script-subject">
          <span className="muted">{t('scripts.subject')} </span>
          {script.subject}
        </p>
      )}
      <div className="script-body">{script.body}</div>
      <div className="actions">
        <button
          type="button"
          aria-label={t('scripts.copyLabel', { title: inSentence })}
          onClick={() => void copyText(text).then((ok) => setCopied(ok ? 'copied' : 'fallback'))}
        >
          {t('scripts.copy')}
        </button>
        <a
          className="button-link"
          href={mailtoLink(script)}
          aria-label={t('scripts.draftLabel', { title: inSentence })}
        >
          {t('scripts.draft')}
        </a>
        <p role="status" className="ok">
          {copied === 'copied' ? t('scripts.copied') : ''}
        </p>
      </div>
      {copied === 'fallback' && (
        <CopyFallback label={t('scripts.fallbackLabel', { title })} text={text} multiline />
      )}
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
  const { t, i18n } = useTranslation('rateCase');
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
      <h2 id={headingId}>{t('scripts.heading', { name: clientName })}</h2>
      <fieldset className="language-choice">
        <legend>{t('scripts.language')}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} className="radio">
            <input
              type="radio"
              name={`${headingId}-language`}
              value={l}
              checked={language === l}
              onChange={() => setLanguage(l)}
            />
            {/* Each language by its own name, marked as such for screen readers. */}
            <span lang={l}>{t(`scripts.languages.${l}`)}</span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {t('scripts.loadFailed', { error })}
        </p>
      )}
      {scripts === null && !error && <p aria-busy="true">{i18n.t('common:loading')}</p>}
      {scripts &&
        SCRIPT_KEYS.map((key) => {
          const script = scripts[key];
          if (!script)
            return (
              <article className="script" key={key}>
                <h3>{t(`scripts.title.${key}`)}</h3>
                <p className="muted">
                  {key === 'standingCallProposal'
                    ? t('scripts.noStandingCall')
                    : t('scripts.noRateChange')}
                </p>
              </article>
            );
          return (
            <ScriptCard
              key={key}
              scriptKey={key}
              script={script}
              recommended={scripts.recommended === key}
            />
          );
        })}
    </section>
  );
}
