import { useT } from '@/i18n';
import { Dialog } from './Dialog';

/** A confirmation for actions that are hard to undo (archiving a listing, accepting a bid). */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  danger,
  busy,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const t = useT();
  return (
    <Dialog open={open} onClose={onCancel} title={title} testId="confirm-dialog">
      <p>{body}</p>
      <div className="form__actions form__actions--end">
        <button type="button" className="button button--ghost" onClick={onCancel} data-testid="confirm-cancel">
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'button button--danger' : 'button'}
          onClick={onConfirm}
          disabled={busy}
          data-testid="action-confirm"
        >
          {busy ? t('common.working') : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
