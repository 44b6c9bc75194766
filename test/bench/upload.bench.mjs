// `npm run bench:upload [-- --runs 10 --mib 20]`: throughput of one upload of a --mib MiB PDF to the
// local-disk adapter through the real HTTP endpoint (POST /files, multipart, Bearer token), on a
// throw-away embedded PostgreSQL and data directory, over loopback with the client in this process.
// Each run streams, hashes (SHA-256), spools, sniffs and stores the file and writes its row.
// Last line: `mib_per_s=… p50_ms=… runs=N` (mib_per_s from the median run).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { dist, signUpVerified, withThrowawayApp } from './boot.mjs';

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

// Node 20's fetch globals (what a browser's XMLHttpRequest would send: a FormData with one file part).
const { FormData, Blob } = globalThis;
const RUNS = flag('runs', 10);
const MIB = flag('mib', 20);
const { businessRegistrationCheckDigit } = dist('libs/validation/src/index.js');

const brn = () => {
  const first9 = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  return first9 + businessRegistrationCheckDigit(first9);
};

await withThrowawayApp(
  { RATE_LIMIT_API_PER_MINUTE: '1000000', RATE_LIMIT_FILE_UPLOADS_PER_HOUR: '100000', SEED_DEMO: 'false', SCHEDULER_ENABLED: 'false' },
  async (app) => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    const { accessToken: token } = await signUpVerified(app, {
      email: `bench-${Date.now()}@example.kr`,
      password: 'correct-horse-battery-9',
      displayName: '벤치',
      organization: { kind: 'AI_SUPPLIER', nameKo: '업로드 벤치', businessRegistrationNumber: brn(), regionId: 'urn:aimatch:region:seoul' },
    });

    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(MIB * 1024 * 1024 - 9)]);
    const upload = async () => {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'bench.pdf');
      const started = performance.now();
      const res = await fetch(`${base}/files?kind=document`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      const body = await res.json();
      const ms = performance.now() - started;
      if (res.status !== 201 || body.size !== bytes.length) throw new Error(`upload failed (${res.status}): ${JSON.stringify(body)}`);
      return ms;
    };

    await upload(); // warm-up: first-request compilation, spool directory
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await upload());
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor((times.length - 1) / 2)];
    const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
    console.log(
      `upload of ${MIB} MiB to the local adapter: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, min ${times[0].toFixed(0)} ms`,
    );
    console.log(`mib_per_s=${(MIB / (p50 / 1000)).toFixed(1)} p50_ms=${p50.toFixed(0)} runs=${RUNS}`);
  },
);
