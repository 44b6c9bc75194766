import { searchIndexContract } from '@aimatch/search/contract';
import { MeilisearchSearchIndex } from '@aimatch/search';

/**
 * The shared SearchIndex contract against a real Meilisearch (≥ 1.18), when MEILI_URL (and
 * MEILI_MASTER_KEY if the instance has one) is set; otherwise one skipped test says why.
 * Each run uses a fresh index, deleted afterwards.
 */
const host = process.env.MEILI_URL;
searchIndexContract(
  'MeilisearchSearchIndex',
  host
    ? async () => {
        const index = new MeilisearchSearchIndex({ host, apiKey: process.env.MEILI_MASTER_KEY, indexUid: `contract_${Date.now()}` });
        return { index, close: () => index.drop() };
      }
    : { skipReason: 'MEILI_URL is not set (no Meilisearch binary on this machine; docker/compose.yaml starts one)' },
);
