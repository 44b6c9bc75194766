import type { AppRoute } from '@/shared/routing/route-types';
import { lazyPage } from '@/shared/routing/lazy-page';

const VocabularyEditorPage = lazyPage(() => import('./components/VocabularyEditorPage'), 'VocabularyEditorPage');

export const vocabularyRoutes: AppRoute[] = [
  {
    path: 'staff/vocabulary',
    element: <VocabularyEditorPage />,
    access: 'staff',
    titleKey: 'vocabularyEditor.title',
    nav: { labelKey: 'nav.vocabulary', order: 24, testId: 'nav-vocabulary', inline: false },
  },
];
