import { graphql } from '@/generated';

/** A bid's proposal and quote files with their signed links (for whoever may see the bid). */
export const BidFilesQuery = graphql(`
  query BidFiles($id: ID!) {
    bid(id: $id) {
      id
      files {
        id
        name
        size
        contentType
        downloadUrl
      }
    }
  }
`);

export const AttachBidFilesMutation = graphql(`
  mutation AttachBidFiles($bidId: ID!, $fileIds: [ID!]!) {
    attachBidFiles(bidId: $bidId, fileIds: $fileIds) {
      id
    }
  }
`);

export const DetachBidFileMutation = graphql(`
  mutation DetachBidFile($bidId: ID!, $fileId: ID!) {
    detachBidFile(bidId: $bidId, fileId: $fileId)
  }
`);
