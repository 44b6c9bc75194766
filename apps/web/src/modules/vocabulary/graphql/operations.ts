import { graphql } from '@/generated';

export const ConceptsPageQuery = graphql(`
  query ConceptsPage($scheme: String!, $locale: Locale!, $first: Int!, $after: String) {
    concepts(scheme: $scheme, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          parentId
          label(locale: $locale)
          deprecated
        }
      }
    }
  }
`);

/** One search of the concept picker (labels and synonyms, ko and en). */
export const ConceptSearchQuery = graphql(`
  query ConceptSearch($scheme: String!, $search: String!, $first: Int!, $locale: Locale!) {
    concepts(scheme: $scheme, search: $search, first: $first) {
      totalCount
      edges {
        node {
          id
          label(locale: $locale)
          parentId
          deprecated
        }
      }
    }
  }
`);

/** One concept's label (e.g. the replacement of a deprecated concept). */
export const ConceptLabelQuery = graphql(`
  query ConceptLabel($id: ID!, $locale: Locale!) {
    concept(id: $id) {
      id
      label(locale: $locale)
      parentId
      deprecated
    }
  }
`);

// Vocabulary governance (#15 item 1, helper V): the staff editor.

export const EditorConceptsQuery = graphql(`
  query EditorConcepts($scheme: String!, $search: String, $first: Int!, $after: String) {
    concepts(scheme: $scheme, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          scheme
          code
          parentId
          labelKo
          labelEn
          synonymsKo
          synonymsEn
          definitionKo
          definitionEn
          deprecated
          replacedById
          revision
        }
      }
    }
  }
`);

export const AddConceptMutation = graphql(`
  mutation AddConcept($input: ConceptInput!) {
    addConcept(input: $input) {
      id
      revision
    }
  }
`);

export const UpdateConceptMutation = graphql(`
  mutation UpdateConcept($id: ID!, $revision: Int, $input: ConceptUpdateInput!) {
    updateConcept(id: $id, revision: $revision, input: $input) {
      id
      revision
    }
  }
`);

export const MoveConceptMutation = graphql(`
  mutation MoveConcept($id: ID!, $parentId: ID) {
    moveConcept(id: $id, parentId: $parentId) {
      id
      parentId
    }
  }
`);

export const DeprecateConceptMutation = graphql(`
  mutation DeprecateConcept($id: ID!, $replacedById: ID!) {
    deprecateConcept(id: $id, replacedById: $replacedById) {
      id
      deprecated
    }
  }
`);

export const ConceptChangesQuery = graphql(`
  query ConceptChanges($conceptId: ID, $first: Int!, $after: String) {
    conceptChanges(conceptId: $conceptId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          conceptId
          kind
          version
          createdAt
        }
      }
    }
  }
`);

export const VocabularyExportQuery = graphql(`
  query VocabularyExport($format: VocabularyExportFormat!) {
    vocabularyExport(format: $format) {
      version
      fileName
      content
    }
  }
`);
