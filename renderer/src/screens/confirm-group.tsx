/** The inline "are you sure?" of a destructive action: a message, the action, and Cancel (focused by the caller). */
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from '../i18n.js';

/** Props of ConfirmGroup. */
export interface ConfirmGroupProps {
  /** Accessible name of the group, e.g. "Confirm removing Work". */
  label: string;
  children: ReactNode;
  confirmText: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** The Cancel button, so the caller can move focus to it when the group opens. */
  cancelRef: RefObject<HTMLButtonElement | null>;
}

/** A labelled group asking to confirm a destructive action. */
export function ConfirmGroup({
  label,
  children,
  confirmText,
  busy,
  onConfirm,
  onCancel,
  cancelRef,
}: ConfirmGroupProps): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p>{children}</p>
      <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
        {confirmText}
      </button>
      <button type="button" ref={cancelRef} onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
