import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ListingIssueModel } from './listing.models';

@InputType('AasImportSourceInput', {
  description: 'An AAS file to import: AAS v3 JSON text (a UTF-8 BOM is accepted) or an .aasx package as base64; exactly one.',
})
export class AasImportSourceInput {
  @Field(() => String, { nullable: true }) json?: string | null;
  @Field(() => String, { nullable: true, description: 'The file bytes as base64 (.aasx or .json; told apart by content, not name).' })
  base64?: string | null;
}

@ObjectType('AasShellSummary', { description: 'A shell of the file; several shells are a choice, never merged.' })
export class AasShellSummaryModel {
  @Field() id: string;
  @Field(() => String, { nullable: true }) idShort: string | null;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field({ description: "'aimatch' (the product's own export) or 'third-party'." }) source: string;
  @Field(() => Int) submodelCount: number;
}

@ObjectType('AasMappingEntry', { description: 'One element of the chosen shell: read into a listing field, or ignored and why.' })
export class AasMappingEntryModel {
  @Field({ description: 'Element path (submodel idShort, then idShorts and list indices).' }) path: string;
  @Field(() => String, { nullable: true }) semanticId: string | null;
  @Field({ description: "'read' or 'ignored'." }) outcome: string;
  @Field(() => String, { nullable: true, description: 'The listing field read into (contact.email, capability.tasks …).' }) field:
    string | null;
  @Field(() => String, { nullable: true }) value: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was ignored (not-a-listing-field, submodel-not-read, …).' }) reason:
    string | null;
  @Field(() => String, { nullable: true, description: 'The IDTA template of the element.' }) template: string | null;
}

@ObjectType('AasImportPreview', { description: 'What an import would create, before the user confirms.' })
export class AasImportPreviewModel {
  @Field({ description: "'json' or 'aasx'." }) format: string;
  @Field(() => [AasShellSummaryModel]) shells: AasShellSummaryModel[];
  @Field({ description: 'Several shells and none chosen: pass shellId.' }) needsChoice: boolean;
  @Field(() => String, { nullable: true }) selectedShellId: string | null;
  @Field(() => String, { nullable: true, description: 'The listing title the draft would get.' }) title: string | null;
  @Field(() => String, { nullable: true, description: 'SUPPLY or DEMAND: the kind of the draft.' }) kind: string | null;
  @Field(() => [AasMappingEntryModel]) report: AasMappingEntryModel[];
  @Field(() => [ListingIssueModel], { description: 'Parts left out and errors in submodels the product does not read (never block).' })
  warnings: ListingIssueModel[];
  @Field(() => [ListingIssueModel], { description: 'Fields the draft still lacks; completed in the editor.' })
  incomplete: ListingIssueModel[];
  @Field(() => [String]) supplementaryFiles: string[];
}
