import file from './data/concepts.json';
import type { VocabularyFile } from './vocabulary';

/**
 * The association's standard vocabulary as shipped with the product (the shared `concepts.json`
 * format, version-stamped). This library owns the file; the api seeds its database from it and
 * tests and measurement scripts read `libs/capability-model/src/data/concepts.json` directly.
 */
export const STANDARD_VOCABULARY: VocabularyFile = file;
