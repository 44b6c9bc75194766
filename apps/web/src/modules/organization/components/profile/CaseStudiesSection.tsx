import { useQuery } from 'urql';
import { useState } from 'react';
import type { CaseStudyFieldsFragment } from '@/generated/graphql';
import { useGraphqlLocale, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { CaseStudiesQuery } from '../../graphql/operations';

export const CASE_STUDY_PAGE = 10;

/** One case study as a visitor reads it. */
export function CaseStudyCard({ caseStudy }: { caseStudy: CaseStudyFieldsFragment }) {
  const t = useT();
  return (
    <article className="case-study" data-testid={`case-study-${caseStudy.id}`}>
      <h3 className="case-study__title">{caseStudy.title}</h3>
      <p className="case-study__meta muted">
        {[caseStudy.client ?? t('profile.caseStudies.clientHidden'), caseStudy.industry?.label, t('profile.year', { year: caseStudy.year })]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p className="prose prose--short case-study__summary">{caseStudy.summary}</p>
      {caseStudy.tasks.length > 0 ? (
        <ul className="concept-chips case-study__tasks" aria-label={t('profile.caseStudies.tasks')}>
          {caseStudy.tasks.map((task) => (
            <li key={task.id} className="concept-chip">
              {task.label}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

/** Case studies / references on a profile, in the owners' order, ten at a time. */
export function CaseStudiesSection({ organizationId, isMember }: { organizationId: string; isMember: boolean }) {
  const t = useT();
  const locale = useGraphqlLocale();
  const [pages, setPages] = useState<Array<string | null>>([null]);
  return (
    <section className="card" aria-labelledby="org-case-studies-heading" data-testid="org-case-studies">
      <h2 id="org-case-studies-heading" className="card__title">
        {t('profile.caseStudies.title')}
      </h2>
      {pages.map((after, index) => (
        <CaseStudiesPage
          key={after ?? 'first'}
          organizationId={organizationId}
          locale={locale}
          after={after}
          isFirst={index === 0}
          isLast={index === pages.length - 1}
          isMember={isMember}
          onMore={(cursor) => setPages((current) => [...current, cursor])}
        />
      ))}
    </section>
  );
}

function CaseStudiesPage({
  organizationId,
  locale,
  after,
  isFirst,
  isLast,
  isMember,
  onMore,
}: {
  organizationId: string;
  locale: 'KO' | 'EN';
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  isMember: boolean;
  onMore: (cursor: string) => void;
}) {
  const t = useT();
  const [{ data, fetching, error }] = useQuery({
    query: CaseStudiesQuery,
    variables: { id: organizationId, first: CASE_STUDY_PAGE, after, locale },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.organization.caseStudies;
  if (error)
    return <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />;
  if (!connection) return fetching ? <p className="muted">{t('common.loading')}</p> : null;
  if (isFirst && connection.totalCount === 0)
    return (
      <p className="empty" data-testid="org-case-studies-empty">
        {isMember ? t('profile.caseStudies.emptyOwn') : t('profile.caseStudies.empty')}
      </p>
    );
  return (
    <>
      <div className="case-study-list">
        {connection.edges.map((edge) => (
          <CaseStudyCard key={edge.node.id} caseStudy={edge.node} />
        ))}
      </div>
      {isLast && connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
        <div className="list-more">
          <button
            type="button"
            className="button button--ghost"
            onClick={() => onMore(connection.pageInfo.endCursor!)}
            data-testid="org-case-studies-more"
          >
            {t('listing.more')}
          </button>
        </div>
      ) : null}
    </>
  );
}
