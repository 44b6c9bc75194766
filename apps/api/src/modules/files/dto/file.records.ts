import type { FileKind } from '@aimatch/contracts';
import type { RequestContext, Viewer } from '../../../graphql/request-context';

/** A stored file's metadata as other modules see it. */
export interface StoredFileRecord {
  id: string;
  kind: FileKind;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
  ownerType: string | null;
  ownerId: string | null;
}

/** The object a file belongs to, by a type name its module registered (`organization-verification`) and its id. */
export interface FileOwner {
  ownerType: string;
  ownerId: string;
}

/**
 * May `viewer` see the owner object `ownerId` (and so download its files)? Provided by the owning
 * module. `rc` is the GraphQL request's context when there is one (use its loaders: a list of
 * files then costs one batch, not a query per file).
 */
export type OwnerAccessRule = (viewer: Viewer, ownerId: string, rc?: RequestContext) => Promise<boolean>;

export interface OwnerTypeRegistration {
  canView: OwnerAccessRule;
  /** The file kinds this owner type accepts (default: every kind). */
  kinds?: FileKind[];
  /** May a signed-out visitor see the owner object (e.g. a published public demand)? Default: never. */
  canViewAnonymously?: (ownerId: string, rc?: RequestContext) => Promise<boolean>;
  /** At most this many files attached to one owner object (checked by `attach`, inside the owner's transaction). */
  maxPerOwner?: number;
}
