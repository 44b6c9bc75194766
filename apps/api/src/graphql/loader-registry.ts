import type DataLoader from 'dataloader';

/** Builds one kind of DataLoader; each feature module provides its factories as injectables. */
export interface LoaderFactory<K, V> {
  create(): DataLoader<K, V>;
}

/** Fresh loaders per request (batching and caching never cross requests or users). */
export class LoaderRegistry {
  private readonly loaders = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(factory);
    if (!loader) {
      loader = factory.create();
      this.loaders.set(factory, loader);
    }
    return loader as DataLoader<K, V>;
  }
}
