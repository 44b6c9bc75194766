import type DataLoader from 'dataloader';

/** Builds one kind of DataLoader; each feature module provides its factories as injectables. */
export interface LoaderFactory<K, V> {
  create(): DataLoader<K, V>;
}

/** Fresh loaders per request (batching and caching never cross requests or users). */
export class LoaderRegistry {
  private readonly loaders = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(factory as LoaderFactory<unknown, unknown>);
    if (!loader) {
      loader = factory.create() as DataLoader<unknown, unknown>;
      this.loaders.set(factory as LoaderFactory<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }
}
