/** Every migration, in order. Listed explicitly so that builds and tests load the same set. */
import { Foundation1763900000000 } from './1763900000000-foundation';

export const migrations = [Foundation1763900000000];
