import { useCallback, useEffect, useState } from 'react';
import { useClient, type Client, type CombinedError } from 'urql';

/*
 * The curation operations that helper P's pre-checks module adds to the API
 * (listingPrechecks, bulkApproveListings, prohibitedKeywords…) and the published-version diff
 * (Listing.changesSincePublished). They are written as plain strings with hand-written types, so
 * that the web builds and codegen passes before they are in schema.gql; every screen treats a
 * failed or missing answer as "could not load the automated checks" and stays usable.
 * Once they are in the schema: turn these into `graphql(...)` documents and drop the types here.
 */

export type PrecheckKind =
  'INCOMPLETE' | 'NEAR_DUPLICATE' | 'CONTACT_DETAILS' | 'EXTERNAL_PAYMENT' | 'PERSONAL_DATA' | 'PROHIBITED_KEYWORD';
export type PrecheckSeverity = 'WARNING' | 'BLOCKER';

export interface PrecheckFlag {
  kind: PrecheckKind;
  severity: PrecheckSeverity;
  path: string | null;
  message: string;
  excerpt: string | null;
  similarity: number | null;
  relatedListing: { id: string; title: string; organizationId: string; organizationName: string | null; status: string } | null;
}

export interface PrecheckReport {
  listingId: string;
  version: number;
  checkedAt: string;
  completeness: number;
  missing: string[];
  flags: PrecheckFlag[];
}

export interface ListingChange {
  path: string;
  label: string | null;
  before: string | null;
  after: string | null;
}

export interface ChangesSincePublished {
  publishedVersion: number;
  publishedAt: string;
  changes: ListingChange[];
}

export interface BulkApproveResult {
  approved: string[];
  skipped: Array<{ id: string; reason: string }>;
}

export interface ProhibitedKeyword {
  id: string;
  term: string;
  note: string | null;
  createdAt: string;
}

export const LISTING_PRECHECKS = `
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
        relatedListing { id title organizationId organizationName status }
      }
    }
  }
`;

export const CHANGES_SINCE_PUBLISHED = `
  query ListingChangesSincePublished($id: ID!) {
    listing(id: $id) {
      id
      changesSincePublished {
        publishedVersion
        publishedAt
        changes { path label before after }
      }
    }
  }
`;

export const BULK_APPROVE = `
  mutation BulkApproveListings($ids: [ID!]!) {
    bulkApproveListings(ids: $ids) {
      approved
      skipped { id reason }
    }
  }
`;

export const PROHIBITED_KEYWORDS = `
  query ProhibitedKeywords {
    prohibitedKeywords { id term note createdAt }
  }
`;

export const ADD_PROHIBITED_KEYWORD = `
  mutation AddProhibitedKeyword($term: String!, $note: String) {
    addProhibitedKeyword(term: $term, note: $note) { id term note createdAt }
  }
`;

export const REMOVE_PROHIBITED_KEYWORD = `
  mutation RemoveProhibitedKeyword($id: ID!) {
    removeProhibitedKeyword(id: $id)
  }
`;

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
    const r = await client
      .query<{ listingPrechecks: PrecheckReport[] }>(LISTING_PRECHECKS, { listingIds: ids }, { requestPolicy: 'network-only' })
      .toPromise();
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
      .query<{ listing: { changesSincePublished: ChangesSincePublished | null } | null }>(
        CHANGES_SINCE_PUBLISHED,
        { id },
        { requestPolicy: 'network-only' },
      )
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
  const r = await client.mutation<{ bulkApproveListings: BulkApproveResult }>(BULK_APPROVE, { ids }).toPromise();
  return r.data?.bulkApproveListings ? { ok: true, result: r.data.bulkApproveListings } : { ok: false, error: r.error };
}

/** Flags that keep an item out of "bulk approve": any flag at all. */
export function isClean(report: PrecheckReport | undefined): boolean {
  return !!report && report.flags.length === 0;
}
