import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachmentDisposition, sanitizeFileName } from '../file-name';
import { isHwpx, sniffFileType } from '../file-type-sniffer';
import { checkDownloadLink, downloadSigningKey, signDownload } from '../signed-link';
import { storageKeyOf } from '../storage/file-storage';
import { s3ClientConfig } from '../storage/s3-file-storage';
import { samples, zip } from './sample-files';

describe('file names', () => {
  it('keeps only the last path segment, without controls or direction overrides', () => {
    expect(sanitizeFileName('../../x')).toBe('x');
    expect(sanitizeFileName('C:\\Users\\kim\\사업자등록증.pdf')).toBe('사업자등록증.pdf');
    expect(sanitizeFileName('/etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('bad\u0000na\u001fme\u007f.pdf')).toBe('badname.pdf');
    expect(sanitizeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeFileName('  .hidden.pdf ')).toBe('hidden.pdf');
  });

  it('never answers an empty name, and normalises Korean to NFC', () => {
    expect(sanitizeFileName('..')).toBe('file');
    expect(sanitizeFileName('../')).toBe('file');
    expect(sanitizeFileName(undefined)).toBe('file');
    const decomposed = '사업자'.normalize('NFD') + '.pdf';
    expect(sanitizeFileName(decomposed)).toBe('사업자.pdf');
  });

  it('caps the length at 200 characters and keeps the extension', () => {
    const name = sanitizeFileName('가'.repeat(500) + '.pdf');
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('offers the exact name as RFC 5987 filename* with an ASCII fallback', () => {
    expect(attachmentDisposition('사업자 등록증 (1).pdf')).toBe(
      `attachment; filename="___ ___ (1).pdf"; filename*=UTF-8''%EC%82%AC%EC%97%85%EC%9E%90%20%EB%93%B1%EB%A1%9D%EC%A6%9D%20%281%29.pdf`,
    );
    expect(attachmentDisposition('a"b\\c.pdf')).toContain('filename="a_b_c.pdf"');
  });
});

describe('signed download links', () => {
  const key = downloadSigningKey({ JWT_ACCESS_SECRET: 'x'.repeat(40) });
  const id = '0b5c6d3e-1111-4222-8333-944445555666';

  it('accepts its own signature until exp and refuses other ids, other expiries and junk', () => {
    const exp = 1_900_000_000;
    const sig = signDownload(key, id, exp);
    expect(checkDownloadLink(key, id, String(exp), sig, exp * 1000 - 1)).toBe('valid');
    expect(checkDownloadLink(key, id, String(exp), sig, exp * 1000 + 1000)).toBe('expired');
    expect(checkDownloadLink(key, id, String(exp + 3600), sig, exp * 1000)).toBe('forged');
    expect(checkDownloadLink(key, id.replace('0b', '0c'), String(exp), sig, exp * 1000)).toBe('forged');
    expect(checkDownloadLink(key, id, String(exp), undefined, 0)).toBe('forged');
    expect(checkDownloadLink(key, id, 'soon', sig, 0)).toBe('forged');
    expect(checkDownloadLink(downloadSigningKey({ JWT_ACCESS_SECRET: 'y'.repeat(40) }), id, String(exp), sig, 0)).toBe('forged');
  });

  it('uses FILES_SIGNING_SECRET when given, and never the access-token secret itself', () => {
    const secret = 'z'.repeat(40);
    expect(downloadSigningKey({ JWT_ACCESS_SECRET: secret }).equals(Buffer.from(secret))).toBe(false);
    expect(downloadSigningKey({ JWT_ACCESS_SECRET: secret, FILES_SIGNING_SECRET: 's'.repeat(32) }).toString()).toBe('s'.repeat(32));
  });
});

describe('type by magic bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aimatch-sniff-'));
  const sniff = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return sniffFileType(path);
  };

  it.each([
    ['pdf', 'application/pdf'],
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['hwpx', 'application/hwp+zip'],
    ['hwp', 'application/x-hwp'],
  ] as Array<[keyof typeof samples, string]>)('tells %s', async (sample, contentType) => {
    expect(await sniff(`${sample}.bin`, samples[sample]())).toMatchObject({ contentType });
  });

  it('refuses what is not on the allow-list whatever the name says', async () => {
    expect(await sniff('report.pdf', samples.exe())).toEqual({ type: null, detected: 'exe' });
    expect(await sniff('legacy.hwp', samples.doc())).toEqual({ type: null, detected: 'cfb' });
    expect(await sniff('archive.docx', samples.zip())).toEqual({ type: null, detected: 'zip' });
    expect(await sniff('notes.pdf', Buffer.from('just text, no magic'))).toEqual({ type: null, detected: 'unknown' });
  });

  it('tells HWPX only by a stored first `mimetype` entry', () => {
    expect(isHwpx(samples.hwpx())).toBe(true);
    expect(
      isHwpx(
        zip([
          ['version.xml', '<x/>'],
          ['mimetype', 'application/hwp+zip'],
        ]),
      ),
    ).toBe(false);
    expect(isHwpx(zip([['mimetype', 'application/epub+zip']]))).toBe(false);
  });
});

describe('storage adapters: pure parts', () => {
  it('keys files by a two-character prefix of their id and refuses anything else', () => {
    expect(storageKeyOf('0b5c6d3e-1111-4222-8333-944445555666')).toBe('0b/0b5c6d3e-1111-4222-8333-944445555666');
    expect(() => storageKeyOf('../../etc/passwd')).toThrow();
  });

  it('configures the S3 client from S3_* (endpoint, path style, static keys only when both are given)', () => {
    expect(
      s3ClientConfig({
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_REGION: 'ap-northeast-2',
        S3_FORCE_PATH_STYLE: true,
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
      }),
    ).toEqual({
      region: 'ap-northeast-2',
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
    });
    expect(s3ClientConfig({ S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: false, S3_ACCESS_KEY_ID: 'id' })).toEqual({
      region: 'us-east-1',
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      forcePathStyle: false,
    });
  });
});
