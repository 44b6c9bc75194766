import { useCallback, useEffect, useState } from 'react';
import { useClient, type Client, type CombinedError } from 'urql';

import { graphql } from '@/generated';
import type {
  BulkApproveListingsMutation,
  ListingChangesSincePublishedQuery,
  ListingPrechecksQuery,
  PrecheckKind as GeneratedPrecheckKind,
  ProhibitedKeywordsQuery,
} from '@/generated/graphql';

/** The staff curation operations (modules/curation's pre-checks and listings' published-version diff). */
export type PrecheckKind = GeneratedPrecheckKind;
export type PrecheckReport = ListingPrechecksQuery['listingPrechecks'][number];
export type PrecheckFlag = PrecheckReport['flags'][number];
export type PrecheckSeverity = PrecheckFlag['severity'];
export type ChangesSincePublished = NonNullable<NonNullable<ListingChangesSincePublishedQuery['listing']>['changesSincePublished']>;
export type ListingChange = ChangesSincePublished['changes'][number];
export type BulkApproveResult = BulkApproveListingsMutation['bulkApproveListings'];
export type ProhibitedKeyword = ProhibitedKeywordsQuery['prohibitedKeywords'][number];

export const LISTING_PRECHECKS = graphql(`
  query ListingPrechecks($listingIds: [ID!]!) {
    listingPrechecks(listingIds: $listingIds) {
      listingId
      version
      checkedAt
      completeness
      missing
      flags {
        kind
        severity
        path
        message
        excerpt
        similarity
        relatedListing {
          id
          title
          organizationId
          organizationName
          status
        }
      }
    }
  }
`);

export const CHANGES_SINCE_PUBLISHED = graphql(`
  query ListingChangesSincePublished($id: ID!) {
    listing(id: $id) {
      id
      changesSincePublished {
        publishedVersion
        publishedAt
        changes {
          path
          label
          before
          after
        }
      }
    }
  }
`);

export const BULK_APPROVE = graphql(`
  mutation BulkApproveListings($ids: [ID!]!) {
    bulkApproveListings(ids: $ids) {
      approved
      skipped {
        id
        reason
      }
    }
  }
`);

export const PROHIBITED_KEYWORDS = graphql(`
  query ProhibitedKeywords {
    prohibitedKeywords {
      id
      term
      note
      createdAt
    }
  }
`);

export const ADD_PROHIBITED_KEYWORD = graphql(`
  mutation AddProhibitedKeyword($term: String!, $note: String) {
    addProhibitedKeyword(term: $term, note: $note) {
      id
      term
      note
      createdAt
    }
  }
`);

export const REMOVE_PROHIBITED_KEYWORD = graphql(`
  mutation RemoveProhibitedKeyword($id: ID!) {
    removeProhibitedKeyword(id: $id)
  }
`);

export type Loadable<T> = { state: 'loading' } | { state: 'failed'; error?: CombinedError } | { state: 'ready'; value: T };

/** The pre-check reports of these listings, in one batched query; `failed` when the API does not answer it. */
export function usePrechecks(listingIds: readonly string[]): Loadable<Map<string, PrecheckReport>> & { reload: () => void } {
  const client = useClient();
  const key = [...listingIds].sort().join(',');
  const [result, setResult] = useState<{ key: string; value: Loadable<Map<string, PrecheckReport>> }>({
    key: '',
    value: { state: 'loading' },
  });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    const ids = key ? key.split(',') : [];
    if (ids.length === 0) {
      setResult({ key, value: { state: 'ready', value: new Map() } });
      return;
    }
    void fetchPrechecks(client, ids).then((value) => {
      if (live) setResult({ key, value });
    });
    return () => {
      live = false;
    };
  }, [client, key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const value: Loadable<Map<string, PrecheckReport>> = result.key === key ? result.value : { state: 'loading' };
  return { ...value, reload };
}

export async function fetchPrechecks(client: Client, ids: string[]): Promise<Loadable<Map<string, PrecheckReport>>> {
  try {
    const r = await client.query(LISTING_PRECHECKS, { listingIds: ids }, { requestPolicy: 'network-only' }).toPromise();
    if (!r.data?.listingPrechecks) return { state: 'failed', error: r.error };
    return { state: 'ready', value: new Map(r.data.listingPrechecks.map((report) => [report.listingId, report])) };
  } catch {
    return { state: 'failed' };
  }
}

/** What changed since the listing was last published; `null` inside `ready` when it never was. */
export function useChangesSincePublished(id: string, version: number): Loadable<ChangesSincePublished | null> {
  const client = useClient();
  const [result, setResult] = useState<{ key: string; value: Loadable<ChangesSincePublished | null> }>({
    key: '',
    value: { state: 'loading' },
  });
  const key = `${id}@${version}`;
  useEffect(() => {
    let live = true;
    void client
      .query(CHANGES_SINCE_PUBLISHED, { id }, { requestPolicy: 'network-only' })
      .toPromise()
      .then(
        (r) => {
          if (!live) return;
          const value: Loadable<ChangesSincePublished | null> =
            r.data?.listing && 'changesSincePublished' in r.data.listing
              ? { state: 'ready', value: r.data.listing.changesSincePublished }
              : { state: 'failed', error: r.error };
          setResult({ key, value });
        },
        () => live && setResult({ key, value: { state: 'failed' } }),
      );
    return () => {
      live = false;
    };
  }, [client, id, key]);
  return result.key === key ? result.value : { state: 'loading' };
}

/** Approves these listings in one call; the API skips (with a reason) those that have flags or moved on. */
export async function bulkApprove(
  client: Client,
  ids: string[],
): Promise<{ ok: true; result: BulkApproveResult } | { ok: false; error?: CombinedError }> {
  const r = await client.mutation(BULK_APPROVE, { ids }).toPromise();
  return r.data?.bulkApproveListings ? { ok: true, result: r.data.bulkApproveListings } : { ok: false, error: r.error };
}

/** Flags that keep an item out of "bulk approve": any flag at all. */
export function isClean(report: PrecheckReport | undefined): boolean {
  return !!report && report.flags.length === 0;
}
