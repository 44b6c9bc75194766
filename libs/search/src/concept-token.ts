/** A concept as one index term: `urn:aimatch:task:visual-inspection` → `c_task_visual_inspection` (no characters any tokenizer splits on). */
export function conceptToken(conceptId: string): string {
  return `c_${conceptId
    .replace(/^urn:aimatch:/, '')
    .replace(/[^a-z0-9]+/gi, '_')
    .toLowerCase()}`;
}
