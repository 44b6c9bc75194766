import { useQuery } from 'urql';
import { useT } from '@/i18n';
import { AttachedFiles } from '@/shared/upload';
import { ListingFilesQuery } from '../graphql/files';

/** The demand's RFP / 과업지시서 and sample images on its page, with previews (nothing when it has none). */
export function ListingFilesSection({ listingId }: { listingId: string }) {
  const t = useT();
  const [{ data }] = useQuery({ query: ListingFilesQuery, variables: { id: listingId }, requestPolicy: 'cache-and-network' });
  const files = data && 'files' in data.listing ? data.listing.files : [];
  if (!files.length) return null;
  return (
    <section className="card" aria-labelledby="listing-files-heading" data-testid="listing-files">
      <h2 id="listing-files-heading" className="card__title">
        {t('listingFiles.heading')}
      </h2>
      <AttachedFiles files={files} testId="listing-files-list" />
    </section>
  );
}
