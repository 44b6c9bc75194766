import type { OrganizationKind } from '@/generated/graphql';
import { useT } from '@/i18n';
import { kindKey } from '../model/labels';

export function OrganizationKindLabel({ kind }: { kind: OrganizationKind }) {
  const t = useT();
  return <>{t(kindKey(kind))}</>;
}
