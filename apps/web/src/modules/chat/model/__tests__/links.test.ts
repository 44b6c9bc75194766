import { describe, expect, it } from '@jest/globals';
import { linkHost, splitLinks } from '../links';

describe('splitLinks', () => {
  it('finds http(s) and www. addresses and keeps the surrounding text', () => {
    expect(splitLinks('자료는 https://drive.example.kr/a?b=1 에 있고 www.acme.kr 도 보세요')).toEqual([
      { kind: 'text', text: '자료는 ' },
      { kind: 'link', text: 'https://drive.example.kr/a?b=1', href: 'https://drive.example.kr/a?b=1' },
      { kind: 'text', text: ' 에 있고 ' },
      { kind: 'link', text: 'www.acme.kr', href: 'https://www.acme.kr/' },
      { kind: 'text', text: ' 도 보세요' },
    ]);
  });

  it('leaves closing punctuation of the sentence outside the link', () => {
    expect(splitLinks('See https://acme.kr/offer.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://acme.kr/offer', href: 'https://acme.kr/offer' },
      { kind: 'text', text: '.' },
    ]);
    expect(splitLinks('(https://acme.kr/x)')[1]).toEqual({ kind: 'link', text: 'https://acme.kr/x', href: 'https://acme.kr/x' });
  });

  it('never links other schemes', () => {
    expect(splitLinks('javascript:alert(1) data:text/html,x file:///etc/passwd')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) data:text/html,x file:///etc/passwd' },
    ]);
  });

  it('shows the real host of a look-alike address', () => {
    // The first letter is Cyrillic а.
    expect(splitLinks('https://аcme.kr/login')).toEqual([expect.objectContaining({ kind: 'link' })]);
    expect(linkHost('https://аcme.kr/login')).toMatch(/^xn--/);
  });
});
