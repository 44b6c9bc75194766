import { useState } from 'react';
import { useMutation } from 'urql';
import { useT } from '@/i18n';
import { summariseError } from '@/shared/forms';
import { InviteToBidMutation } from '../graphql/operations';

/**
 * "입찰 초대" on a supplier's match card of the viewer's demand: the supplier's members are told
 * once; the answer (invited, already invited, or why not) shows next to the button.
 */
export function InviteToBidButton({ demandId, supplyListingId }: { demandId: string; supplyListingId: string }) {
  const t = useT();
  const [{ fetching }, invite] = useMutation(InviteToBidMutation);
  const [answer, setAnswer] = useState<{ kind: 'done' | 'again' | 'error'; text: string } | null>(null);

  const onClick = async () => {
    setAnswer(null);
    const result = await invite({ demandId, supplyListingId });
    if (result.data) {
      const again = result.data.inviteToBid.alreadyInvited;
      setAnswer({ kind: again ? 'again' : 'done', text: again ? t('matching.invite.again') : t('matching.invite.done') });
    } else {
      // Every refusal (not open, supplier cannot bid on it, limit) is a sentence for next to the button.
      setAnswer({
        kind: 'error',
        text: summariseError(result.error, {
          knownPaths: [],
          networkMessage: t('error.network'),
          unknownMessage: t('error.unknown'),
        }).general.join(' '),
      });
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => void onClick()}
        disabled={fetching || answer?.kind === 'done' || answer?.kind === 'again'}
        data-testid={`match-invite-${supplyListingId}`}
      >
        {fetching ? t('common.working') : t('matching.inviteToBid')}
      </button>
      {answer ? (
        <span
          className={answer.kind === 'error' ? 'field__error' : 'muted'}
          role={answer.kind === 'error' ? 'alert' : 'status'}
          data-testid={`match-invite-answer-${supplyListingId}`}
          data-kind={answer.kind}
        >
          {answer.text}
        </span>
      ) : null}
    </>
  );
}
