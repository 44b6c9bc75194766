import type { TrustSignalKind } from '@/generated/graphql';
import { useT } from '@/i18n';

export function TrustKindChip({ kind, count }: { kind: TrustSignalKind; count?: number }) {
  const t = useT();
  return (
    <span className="chip trust-chip" data-kind={kind} data-testid="trust-kind-chip">
      {t(`trust.kind.${kind}`)}
      {count !== undefined && count > 1 ? ` ×${count}` : ''}
    </span>
  );
}
