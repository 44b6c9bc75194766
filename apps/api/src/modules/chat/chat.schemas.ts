/** Input rules of chat events and operations (zod); every socket payload goes through one of these. */
import { CHAT_MAX_BODY, CHAT_MAX_FILES, CHAT_SYNC_MAX_PAGE } from '@aimatch/contracts';
import { neutralizeFreeText, parseInput } from '@aimatch/validation';
import { z } from 'zod';
import { AppError } from '../../common/errors/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = z.string().refine((s) => UUID.test(s), { params: { rule: 'format', format: 'uuid' } });

/**
 * Counted in code points, as PostgreSQL's char_length counts them; blank text is no message.
 * Zero-width characters and bidi overrides are removed first, so they can neither spoof nor pad a message.
 */
export const messageBody = z
  .string()
  .overwrite((s) => neutralizeFreeText(s, 'body'))
  .refine((s) => s.trim().length > 0, { params: { rule: 'required' } })
  .refine((s) => [...s].length <= CHAT_MAX_BODY, { params: { rule: 'max-length', max: CHAT_MAX_BODY } });

export const seqNumber = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const joinSchema = z.object({ conversationId: uuid }).strict();
/** A message's text when it carries files: may be empty. */
const optionalBody = z
  .string()
  .overwrite((s) => neutralizeFreeText(s, 'body'))
  .refine((s) => [...s].length <= CHAT_MAX_BODY, { params: { rule: 'max-length', max: CHAT_MAX_BODY } });

/** Text, files (staged uploads of the sender, attached with the message), or both; never neither. */
export const sendSchema = z
  .object({
    conversationId: uuid,
    clientMessageId: z
      .string()
      .min(1)
      .max(64)
      .refine((s) => /^[A-Za-z0-9._:-]+$/.test(s), { params: { rule: 'format', format: 'client-message-id' } }),
    body: optionalBody.default(''),
    fileIds: z.array(uuid).max(CHAT_MAX_FILES).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.fileIds?.length && v.body.trim().length === 0) ctx.addIssue({ code: 'custom', path: ['body'], params: { rule: 'required' } });
  });
export const editSchema = z.object({ messageId: uuid, body: messageBody }).strict();
export const deleteSchema = z.object({ messageId: uuid }).strict();
export const syncSchema = z
  .object({
    conversationId: uuid,
    afterSeq: seqNumber,
    limit: z.number().int().min(1).max(CHAT_SYNC_MAX_PAGE).optional(),
    /** The `serverTime` of the client's previous sync: edits and deletes since then come back in `changed`. */
    changedSince: z.string().datetime({ offset: true }).optional(),
  })
  .strict();
export const typingSchema = z.object({ conversationId: uuid, typing: z.boolean().optional() }).strict();
export const readSchema = z.object({ conversationId: uuid, seq: seqNumber }).strict();
export const reportReason = z
  .string()
  .refine((s) => s.trim().length > 0, { params: { rule: 'required' } })
  .refine((s) => [...s].length <= 1000, { params: { rule: 'max-length', max: 1000 } });

export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

/** Parses or throws BAD_USER_INPUT with one field error per broken rule. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = parseInput(schema, input);
  if (!r.ok) throw AppError.badInput(r.violations);
  return r.value;
}
