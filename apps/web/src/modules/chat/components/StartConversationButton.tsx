import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import type { OpenConversationInput } from '@/generated/graphql';
import { useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { OpenConversationMutation } from '../graphql/operations';
import { useChatStore } from '../hooks/useChat';

/**
 * Opens (or finds) the conversation about a context, then goes to its thread. Used for the
 * supplier's "질문하기" on a demand and the owner's "대화 시작" on a match card.
 */
export function StartConversationButton({
  input,
  label,
  className = 'button',
  testId,
  title,
}: {
  input: OpenConversationInput;
  label: string;
  className?: string;
  testId: string;
  title?: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  const store = useChatStore();
  const [{ fetching, error }, open] = useMutation(OpenConversationMutation);
  const [failed, setFailed] = useState(false);

  const onClick = async () => {
    setFailed(false);
    const result = await open({ input });
    const conversation = result.data?.openConversation;
    if (!conversation) {
      setFailed(true);
      return;
    }
    store?.upsertConversation(conversation);
    void navigate(`/messages/${conversation.id}`);
  };

  return (
    <>
      <button type="button" className={className} onClick={() => void onClick()} disabled={fetching} title={title} data-testid={testId}>
        {fetching ? t('chat.opening') : label}
      </button>
      {failed && error ? (
        <FormAlert
          summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })}
          testId={`${testId}-alert`}
        />
      ) : null}
    </>
  );
}
