import type { ChatFilePayload } from '@aimatch/contracts';
import type { StoredFileRecord } from '../../files/dto/file.records';

/** Files sent in chat are stored under this owner type, owned by their message. */
export const CHAT_FILES_OWNER_TYPE = 'chat-message';

/** A stored file as a chat payload carries it (metadata; links come from GraphQL `storedFile` for participants). */
export function chatFile(f: Pick<StoredFileRecord, 'id' | 'name' | 'size' | 'contentType'>): ChatFilePayload {
  return { id: f.id, name: f.name, size: f.size, contentType: f.contentType };
}
