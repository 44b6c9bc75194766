/** Zones (권역) within which a supplier can work on site regularly; the table is data, shipped with this library. */
import zonesFile from './data/region-zones.json';

export interface Zone {
  id: string;
  labels: { ko: string; en: string };
  regions: string[];
}

export const ZONES: readonly Zone[] = zonesFile.zones;

const zoneOfRegion = new Map<string, Zone>(ZONES.flatMap((z) => z.regions.map((r) => [r, z] as const)));

export function zoneOf(regionId: string | null): Zone | null {
  return regionId ? (zoneOfRegion.get(regionId) ?? null) : null;
}
