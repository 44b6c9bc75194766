import { graphql } from '@/generated';

/** AAS import (#17): preview (writes nothing), then the draft of the chosen shell. */
export const PreviewAasImportMutation = graphql(`
  mutation PreviewAasImport($organizationId: ID!, $source: AasImportSourceInput!, $shellId: String) {
    previewAasImport(organizationId: $organizationId, source: $source, shellId: $shellId) {
      format
      needsChoice
      selectedShellId
      title
      kind
      shells {
        id
        idShort
        name
        source
        submodelCount
      }
      report {
        path
        outcome
        field
        value
        reason
        template
      }
      warnings {
        path
        rule
        message
      }
      incomplete {
        path
        rule
        message
      }
    }
  }
`);

export const ImportListingFromAasMutation = graphql(`
  mutation ImportListingFromAas($organizationId: ID!, $source: AasImportSourceInput!, $shellId: String) {
    importListingFromAas(organizationId: $organizationId, source: $source, shellId: $shellId) {
      id
      kind
      status
    }
  }
`);
