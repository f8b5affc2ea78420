/** Editor of the focus keywords and the tentative rule, with a live preview of how upcoming events sort. */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { RulePreviewRow } from '../../../shared/api.js';
import type { ClassificationRules } from '../../../shared/domain.js';
import { useApi } from '../api-context.js';
import { useTranslation } from '../i18n.js';
import { errorMessage } from '../use-async.js';
import { type KeywordProblem, addKeyword } from '../validation.js';
import { RulesPreview } from './rules-preview.js';

/** Wait after the last edit before asking for a new preview, ms (typing should not flood the core). */
const PREVIEW_DELAY_MS = 250;

/** The focus rules form. */
export function FocusRulesEditor(): ReactNode {
  const api = useApi();
  const { t } = useTranslation(['rules', 'common']);
  const [saved, setSaved] = useState<ClassificationRules | null>(null);
  const [draft, setDraft] = useState<ClassificationRules | null>(null);
  const [newKeyword, setNewKeyword] = useState('');
  const [keywordError, setKeywordError] = useState<KeywordProblem | null>(null);
  const [preview, setPreview] = useState<RulePreviewRow[] | null>(null);
  // What to say, kept as a key and the core's error, so it is said in the language of the moment.
  const [message, setMessage] = useState<{
    key: 'loadFailed' | 'previewFailed' | 'saved' | 'failed';
    error?: string;
  } | null>(null);
  const messageText = (): string =>
    !message
      ? ''
      : message.key === 'failed'
        ? (message.error ?? '')
        : t(message.key, { error: message.error ?? '' });
  const ids = { input: useId(), error: useId(), tentative: useId() };

  useEffect(() => {
    api.getRules({}).then(
      (rules) => {
        setSaved(rules);
        setDraft(rules);
      },
      (e: unknown) => setMessage({ key: 'loadFailed', error: errorMessage(e) }),
    );
  }, [api]);

  useEffect(() => {
    if (!draft) return;
    let stale = false;
    const timer = setTimeout(() => {
      api.previewRules(draft).then(
        (rows) => !stale && setPreview(rows),
        (e: unknown) => !stale && setMessage({ key: 'previewFailed', error: errorMessage(e) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [api, draft]);

  if (!draft) {
    return <p aria-busy={message ? undefined : true}>{message ? messageText() : t('loading')}</p>;
  }
  const changed = JSON.stringify(draft) !== JSON.stringify(saved);
  const add = (event: FormEvent): void => {
    event.preventDefault();
    const result = addKeyword(draft.focusKeywords, newKeyword);
    if ('error' in result) {
      setKeywordError(result.error);
      return;
    }
    setKeywordError(null);
    setNewKeyword('');
    setDraft({ ...draft, focusKeywords: result.list });
  };
  const save = async (): Promise<void> => {
    try {
      const rules = await api.setRules(draft);
      setSaved(rules);
      setDraft(rules);
      setMessage({ key: 'saved' });
    } catch (e) {
      setMessage({ key: 'failed', error: errorMessage(e) });
    }
  };

  return (
    <section aria-labelledby="focus-rules-heading" className="panel">
      <h2 id="focus-rules-heading">{t('focus.heading')}</h2>
      <p className="hint">{t('focus.hint')}</p>
      <ul className="keywords" aria-label={t('focus.keywordsLabel')}>
        {draft.focusKeywords.map((keyword) => (
          <li key={keyword}>
            <span>{keyword}</span>
            <button
              type="button"
              aria-label={t('focus.removeKeyword', { keyword })}
              onClick={() =>
                setDraft({
                  ...draft,
                  focusKeywords: draft.focusKeywords.filter((k) => k !== keyword),
                })
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add} noValidate>
        <label htmlFor={ids.input}>{t('focus.newKeyword')}</label>
        <input
          id={ids.input}
          type="text"
          value={newKeyword}
          maxLength={120}
          aria-invalid={keywordError ? true : undefined}
          aria-describedby={keywordError ? ids.error : undefined}
          onChange={(e) => setNewKeyword(e.target.value)}
        />
        <button type="submit">{t('focus.addKeyword')}</button>
        {keywordError && (
          <p id={ids.error} role="alert" className="error">
            {t(`errors.${keywordError.key}`, {
              keyword: 'keyword' in keywordError ? keywordError.keyword : '',
            })}
          </p>
        )}
      </form>
      <div className="checkbox">
        <input
          id={ids.tentative}
          type="checkbox"
          checked={draft.tentativeIsBusy}
          onChange={(e) => setDraft({ ...draft, tentativeIsBusy: e.target.checked })}
        />
        <label htmlFor={ids.tentative}>{t('focus.tentative')}</label>
      </div>
      <div className="actions">
        <button type="button" disabled={!changed} onClick={() => void save()}>
          {t('focus.save')}
        </button>
        <button type="button" disabled={!changed} onClick={() => setDraft(saved)}>
          {t('focus.undo')}
        </button>
        <p role="status" className={message && message.key !== 'saved' ? 'error' : 'ok'}>
          {messageText()}
        </p>
      </div>
      <RulesPreview rows={preview} />
    </section>
  );
}
