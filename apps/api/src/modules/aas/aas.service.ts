import {
  AASX_CONTENT_TYPE,
  exportListingToAas,
  exportListingToAasx,
  exportVocabularyToAas,
  templateConceptDescriptions,
} from '@aimatch/capability-model';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import type { RequestContext } from '../../graphql/request-context';
import { FilesService } from '../files/files.service';
import { LISTING_FILES_OWNER_TYPE } from '../listings/listing-files.service';
import { ListingsService } from '../listings/listings.service';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';
import { decodeIdentifier, encodeIdentifier, offsetPage, parseListingId } from './aas-ids';

/** The parts of the exported JSON this service reads (the export itself is aas-core's toJsonable output). */
interface RefJson {
  type: string;
  keys: Array<{ type: string; value: string }>;
}
interface ShellJson {
  id: string;
  idShort?: string;
  displayName?: unknown;
  description?: unknown;
  administration?: unknown;
  assetInformation: { assetKind: string; globalAssetId?: string; specificAssetIds?: unknown[] };
  submodels?: RefJson[];
}
interface SubmodelJson {
  id: string;
  idShort?: string;
  semanticId?: RefJson;
}
interface EnvJson {
  assetAdministrationShells: ShellJson[];
  submodels?: SubmodelJson[];
}
type Json = object;
export interface AasPage<T> {
  paging_metadata: { cursor?: string };
  result: T[];
}

/** The largest file put into a package, and the most bytes of files in one package. */
const PACKAGE_FILE_MAX = 20 * 1_048_576;
const PACKAGE_MAX = 60 * 1_048_576;

/**
 * The read-only AAS API over published listings (IDTA-01002 Part 2 subset). Every shell and
 * submodel is the listing's AAS export under the viewer's rules (ListingsService decides what the
 * viewer may see: published listings, VERIFIED_SUPPLIERS demands only for verified suppliers and
 * staff, contact details and the BRN only for signed-in users); nothing here reads a table.
 */
@Injectable()
export class AasService {
  private conceptCache?: { version: string; items: Array<{ idShort?: unknown }> };

  constructor(
    private readonly listings: ListingsService,
    private readonly vocabulary: VocabularyCache,
    private readonly files: FilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get base(): string {
    return (this.config.PUBLIC_URL ?? 'https://aimatch.or.kr').replace(/\/+$/, '');
  }

  async shells(rc: RequestContext, limit: number, cursor: string | undefined): Promise<AasPage<ShellJson>> {
    const page = await this.page(rc, limit, cursor);
    return { paging_metadata: page.paging_metadata, result: page.result.map((env) => env.assetAdministrationShells[0]) };
  }

  async shell(rc: RequestContext, encodedId: string): Promise<ShellJson> {
    return (await this.environmentOf(rc, encodedId, 'aasIdentifier')).assetAdministrationShells[0];
  }

  async submodelRefs(rc: RequestContext, encodedId: string, limit: number, cursor: string | undefined): Promise<AasPage<RefJson>> {
    const shell = await this.shell(rc, encodedId);
    return offsetPage(shell.submodels ?? [], limit, cursor);
  }

  async submodel(rc: RequestContext, encodedId: string): Promise<SubmodelJson> {
    const id = decodeIdentifier(encodedId, 'submodelIdentifier');
    const parsed = parseListingId(id, this.base);
    if (!parsed?.submodel) throw AppError.notFound();
    const env = await this.environment(rc, parsed.listingId);
    const submodel = (env.submodels ?? []).find((s) => s.id === id);
    if (!submodel) throw AppError.notFound();
    return submodel;
  }

  /** The vocabulary's concepts and the template elements' semanticIds, as ConceptDescriptions (public data). */
  async conceptDescriptions(limit: number, cursor: string | undefined, idShort?: string): Promise<AasPage<Json>> {
    const vocabulary = await this.vocabulary.get();
    if (this.conceptCache?.version !== vocabulary.version) {
      const concepts = (exportVocabularyToAas(vocabulary).conceptDescriptions ?? []) as Array<{ idShort?: unknown }>;
      this.conceptCache = { version: vocabulary.version, items: [...concepts, ...templateConceptDescriptions()] };
    }
    const items = idShort ? this.conceptCache.items.filter((c) => c.idShort === idShort) : this.conceptCache.items;
    return offsetPage(items, limit, cursor);
  }

  async shellDescriptors(rc: RequestContext, limit: number, cursor: string | undefined, origin: string): Promise<AasPage<Json>> {
    const page = await this.page(rc, limit, cursor);
    const href = (path: string) => `${origin}${path}`;
    const result = page.result.map((env) => {
      const shell = env.assetAdministrationShells[0];
      return {
        id: shell.id,
        idShort: shell.idShort,
        ...(shell.displayName ? { displayName: shell.displayName } : {}),
        ...(shell.description ? { description: shell.description } : {}),
        ...(shell.administration ? { administration: shell.administration } : {}),
        assetKind: shell.assetInformation.assetKind,
        globalAssetId: shell.assetInformation.globalAssetId,
        ...(shell.assetInformation.specificAssetIds ? { specificAssetIds: shell.assetInformation.specificAssetIds } : {}),
        endpoints: [endpoint('AAS-3.0', href(`/aas/shells/${encodeIdentifier(shell.id)}`))],
        submodelDescriptors: (env.submodels ?? []).map((s) => ({
          id: s.id,
          idShort: s.idShort,
          semanticId: s.semanticId,
          endpoints: [endpoint('SUBMODEL-3.0', href(`/aas/submodels/${encodeIdentifier(s.id)}`))],
        })),
      };
    });
    return { paging_metadata: page.paging_metadata, result };
  }

  /** The listing as an .aasx package with its files; `name` is a download file name. */
  async package(rc: RequestContext, encodedId: string): Promise<{ bytes: Uint8Array; name: string; contentType: string }> {
    const id = decodeIdentifier(encodedId, 'packageId');
    const parsed = parseListingId(id, this.base);
    if (!parsed || parsed.submodel) throw AppError.notFound();
    const listing = await this.listings.publishedForAasOne(rc, parsed.listingId);
    const records = (await this.files.filesOf(LISTING_FILES_OWNER_TYPE, [listing.id])).get(listing.id) ?? [];
    const files = [];
    let total = 0;
    for (const f of records) {
      if (f.size > PACKAGE_FILE_MAX || total + f.size > PACKAGE_MAX) continue;
      total += f.size;
      files.push({ name: f.name, contentType: f.contentType, bytes: await this.files.bytesOf(f, PACKAGE_FILE_MAX) });
    }
    const bytes = exportListingToAasx(await this.listings.aasExportInput(rc, listing), await this.vocabulary.get(), files);
    return { bytes, name: `aimatch-listing-${listing.id}.aasx`, contentType: AASX_CONTENT_TYPE };
  }

  // --- helpers ----------------------------------------------------------------------------------

  private async environmentOf(rc: RequestContext, encodedId: string, param: string): Promise<EnvJson> {
    const parsed = parseListingId(decodeIdentifier(encodedId, param), this.base);
    if (!parsed || parsed.submodel) throw AppError.notFound();
    return this.environment(rc, parsed.listingId);
  }

  private async environment(rc: RequestContext, listingId: string): Promise<EnvJson> {
    const listing = await this.listings.publishedForAasOne(rc, listingId);
    return exportListingToAas(await this.listings.aasExportInput(rc, listing), await this.vocabulary.get()) as unknown as EnvJson;
  }

  private async page(rc: RequestContext, limit: number, cursor: string | undefined): Promise<AasPage<EnvJson>> {
    let connection;
    try {
      connection = await this.listings.publishedForAas(rc, limit, cursor || null);
    } catch (e) {
      if (e instanceof AppError && e.violations.some((v) => v.path === 'after'))
        throw AppError.field('cursor', 'format', { format: 'cursor' });
      throw e;
    }
    const vocabulary = await this.vocabulary.get();
    const result: EnvJson[] = [];
    for (const { node } of connection.edges)
      result.push(exportListingToAas(await this.listings.aasExportInput(rc, node), vocabulary) as unknown as EnvJson);
    return {
      paging_metadata: connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? { cursor: connection.pageInfo.endCursor } : {},
      result,
    };
  }
}

function endpoint(iface: string, href: string) {
  return { interface: iface, protocolInformation: { href, endpointProtocol: 'HTTP', endpointProtocolVersion: ['1.1'] } };
}
