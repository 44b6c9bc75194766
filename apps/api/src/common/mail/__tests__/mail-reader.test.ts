import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEml } from '@aimatch/api-testing';
import { renderEml } from '../mailer';

/** The tests' mail reader decodes exactly what the mailer writes (so flows can be tested from the .eml a user gets). */
describe('readEml (test harness) on renderEml output', () => {
  it('decodes a long Korean subject, the recipient, the body and the token link', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aimatch-eml-'));
    const subject = '[aimatch] 이메일 주소를 인증해 주세요 — 한국AI협회 매칭 플랫폼 가입을 마치려면 링크를 여세요';
    const text = '안녕하세요.\n아래 링크를 여세요:\nhttps://aimatch.example/verify-email?token=abc_DEF-123\n감사합니다.';
    const file = join(dir, 'm.eml');
    writeFileSync(
      file,
      renderEml({ id: 'm1', to: 'kim@example.kr', toName: '김 대표', subject, text, date: new Date() }, 'aimatch <no-reply@aimatch.local>'),
    );
    const mail = readEml(file);
    expect(mail.to).toBe('kim@example.kr');
    expect(mail.subject).toBe(subject);
    expect(mail.text).toBe(text);
    expect(mail.links).toEqual(['https://aimatch.example/verify-email?token=abc_DEF-123']);
    expect(mail.token).toBe('abc_DEF-123');
  });
});
