import { useLocale, useT } from '@/i18n';
import { ListingCard } from '@/modules/listings';
import type { SearchEdge } from '../hooks/useSearchResults';
import { Highlighted } from './Highlighted';

/**
 * A result: the listing card with the search's highlights. Highlights cover the Korean title and
 * summary; in English the card shows the English text when there is one, and where the query
 * matched the Korean original underneath.
 */
export function SearchResultCard({ edge }: { edge: SearchEdge }) {
  const t = useT();
  const locale = useLocale();
  const listing = edge.node;
  const title = edge.highlights.find((h) => h.field === 'title');
  const summary = edge.highlights.find((h) => h.field === 'summary');
  const englishTitle = locale === 'en' && listing.titleEn ? listing.titleEn : null;
  const englishSummary = locale === 'en' && listing.summaryEn ? listing.summaryEn : null;
  const titleMatched = (title?.matches.length ?? 0) > 0;

  const titleContent = englishTitle
    ? { node: englishTitle, lang: 'en' as const }
    : {
        node: title ? <Highlighted text={title.text} matches={title.matches} /> : listing.title || t('listing.untitled'),
        lang: 'ko' as const,
      };
  const summaryText = summary?.text ?? listing.summary;
  const summaryContent = englishSummary
    ? { node: englishSummary, lang: 'en' as const }
    : summaryText
      ? { node: summary ? <Highlighted text={summary.text} matches={summary.matches} /> : summaryText, lang: 'ko' as const }
      : null;

  return (
    <ListingCard
      listing={listing}
      showVerified
      testId={`search-result-${listing.id}`}
      titleContent={titleContent}
      summaryContent={summaryContent}
      extra={
        englishTitle && title && titleMatched ? (
          <p className="search-original">
            <span className="search-original__label">{t('search.matchedOriginal')}</span>{' '}
            <span lang="ko">
              <Highlighted text={title.text} matches={title.matches} />
            </span>
          </p>
        ) : null
      }
    />
  );
}
