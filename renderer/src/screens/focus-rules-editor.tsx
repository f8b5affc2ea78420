/** Editor of the focus keywords and the tentative rule, with a live preview of how upcoming events sort. */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { RulePreviewRow } from '../../../shared/api.js';
import type { ClassificationRules } from '../../../shared/domain.js';
import { useApi } from '../api-context.js';
import { errorMessage } from '../use-async.js';
import { addKeyword } from '../validation.js';
import { RulesPreview } from './rules-preview.js';

/** Wait after the last edit before asking for a new preview, ms (typing should not flood the core). */
const PREVIEW_DELAY_MS = 250;

/** The focus rules form. */
export function FocusRulesEditor(): ReactNode {
  const api = useApi();
  const [saved, setSaved] = useState<ClassificationRules | null>(null);
  const [draft, setDraft] = useState<ClassificationRules | null>(null);
  const [newKeyword, setNewKeyword] = useState('');
  const [keywordError, setKeywordError] = useState<string | null>(null);
  const [preview, setPreview] = useState<RulePreviewRow[] | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const ids = { input: useId(), error: useId(), tentative: useId() };

  useEffect(() => {
    api.getRules({}).then(
      (rules) => {
        setSaved(rules);
        setDraft(rules);
      },
      (e: unknown) =>
        setMessage({ error: true, text: `Could not load the rules: ${errorMessage(e)}` }),
    );
  }, [api]);

  useEffect(() => {
    if (!draft) return;
    let stale = false;
    const timer = setTimeout(() => {
      api.previewRules(draft).then(
        (rows) => !stale && setPreview(rows),
        (e: unknown) =>
          !stale && setMessage({ error: true, text: `Preview failed: ${errorMessage(e)}` }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [api, draft]);

  if (!draft) {
    return <p aria-busy={message ? undefined : true}>{message?.text ?? 'Loading rules…'}</p>;
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
      setMessage({ error: false, text: 'Rules saved.' });
    } catch (e) {
      setMessage({ error: true, text: errorMessage(e) });
    }
  };

  return (
    <section aria-labelledby="focus-rules-heading" className="panel">
      <h2 id="focus-rules-heading">Focus time</h2>
      <p className="hint">Events whose title contains one of these words count as focus blocks.</p>
      <ul className="keywords" aria-label="Focus keywords">
        {draft.focusKeywords.map((keyword) => (
          <li key={keyword}>
            <span>{keyword}</span>
            <button
              type="button"
              aria-label={`Remove keyword ${keyword}`}
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
        <label htmlFor={ids.input}>New keyword</label>
        <input
          id={ids.input}
          type="text"
          value={newKeyword}
          maxLength={120}
          aria-invalid={keywordError ? true : undefined}
          aria-describedby={keywordError ? ids.error : undefined}
          onChange={(e) => setNewKeyword(e.target.value)}
        />
        <button type="submit">Add keyword</button>
        {keywordError && (
          <p id={ids.error} role="alert" className="error">
            {keywordError}
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
        <label htmlFor={ids.tentative}>Tentative events make me busy</label>
      </div>
      <div className="actions">
        <button type="button" disabled={!changed} onClick={() => void save()}>
          Save rules
        </button>
        <button type="button" disabled={!changed} onClick={() => setDraft(saved)}>
          Undo changes
        </button>
        <p role="status" className={message?.error ? 'error' : 'ok'}>
          {message?.text ?? ''}
        </p>
      </div>
      <RulesPreview rows={preview} />
    </section>
  );
}
