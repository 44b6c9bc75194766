export default async function globalTeardown() {
  await globalThis.__AIMATCH_PG__?.stop();
}
