/** AAS import: the product's own listing shells and third-party shells (IDTA submodel templates). */
export * from './listing-import';
