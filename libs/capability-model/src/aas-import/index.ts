/** AAS import: the product's own listing shells and third-party shells (IDTA submodel templates), JSON or .aasx. */
export * from './listing-import';
export { previewAasImport, type AasImportPreview, type AasImportPreviewOptions, type AasShellSummary } from './preview';
export type { AasIgnoredReason, AasMappingEntry } from './third-party';
export { AASX_LIMITS, readAasSource, type AasSource } from './package';
export { IDTA_ELEMENTS, IDTA_SUBMODELS, semanticKey, type IdtaTemplate } from './idta';
