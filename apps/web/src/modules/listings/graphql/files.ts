import { graphql } from '@/generated';

/** A demand's files with their signed links (for whoever may read the demand). */
export const ListingFilesQuery = graphql(`
  query ListingFiles($id: ID!) {
    listing(id: $id) {
      id
      ... on DemandListing {
        files {
          id
          name
          size
          contentType
          downloadUrl
        }
      }
    }
  }
`);

export const AttachListingFilesMutation = graphql(`
  mutation AttachListingFiles($listingId: ID!, $fileIds: [ID!]!) {
    attachListingFiles(listingId: $listingId, fileIds: $fileIds) {
      id
    }
  }
`);

export const DetachListingFileMutation = graphql(`
  mutation DetachListingFile($listingId: ID!, $fileId: ID!) {
    detachListingFile(listingId: $listingId, fileId: $fileId)
  }
`);
