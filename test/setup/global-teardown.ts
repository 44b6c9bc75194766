import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __AIMATCH_PG__?: { pg: { stop(): Promise<void> }; dataDir: string } }).__AIMATCH_PG__;
  if (!state) return;
  await state.pg.stop();
  rmSync(state.dataDir, { recursive: true, force: true });
}
