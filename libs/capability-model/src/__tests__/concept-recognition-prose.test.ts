import { describe, expect, it } from '@jest/globals';
import { recognizeConcepts } from '../concept-recognition';
import { U, vocabulary } from './factory';

const SCHEMES = ['task', 'industry', 'modality', 'integration', 'deployment', 'certification'];
const read = (text: string) => recognizeConcepts(text, vocabulary, { schemes: SCHEMES, prose: true });
const ids = (text: string) => read(text).map((c) => c.id);
/** What the drafting help proposes: incidental mentions left out. */
const proposed = (text: string) =>
  read(text)
    .filter((c) => !c.incidental)
    .map((c) => c.id);

describe('recognizeConcepts in prose: words, not substrings', () => {
  it('does not find a concept word inside a longer word that is not a compound of it', () => {
    expect(ids('스마트공장 고도화 사업입니다')).not.toContain(U('industry', 'retail'));
    expect(ids('스마트스토어에서 팔아요')).not.toContain(U('industry', 'retail'));
    expect(ids('블로그에 올라온 글')).not.toContain(U('modality', 'log-event'));
    expect(ids('할인 이벤트 포스터도 만들고, 포스코 협력사입니다')).not.toContain(U('integration', 'pos'));
    expect(ids('K-POP 앨범을 파는 자사몰')).not.toContain(U('integration', 'mes'));
    expect(ids('시청률 데이터로 예측')).not.toContain(U('industry', 'public-administration'));
    expect(ids('은행나무 열매가 달린 나무')).not.toContain(U('industry', 'financial-services'));
    expect(ids('산재보험료가 올랐어요')).not.toContain(U('industry', 'finance-insurance'));
  });

  it('finds a concept word with its particle or ending, or inside a known compound', () => {
    expect(ids('대형마트에 납품')).toContain(U('industry', 'retail'));
    expect(ids('치과의원 세 곳을 운영합니다')).toContain(U('industry', 'healthcare'));
    expect(ids('케이블 방송사 편성팀입니다')).toContain(U('industry', 'media-content'));
    expect(ids('불량을 검출하고 싶다')).toContain(U('task', 'visual-inspection'));
    expect(ids('결과는 MES에 남겨 주세요')).toContain(U('integration', 'mes'));
    const pharma = read('제약회사 품질관리팀입니다').find((c) => c.id === U('industry', 'pharmaceutical-manufacturing'));
    expect(pharma?.spans).toEqual([{ text: '제약회사', name: '제약', kind: 'compound' }]);
  });

  it('reads a word that names a concept only in a compound as the everyday word elsewhere', () => {
    expect(ids('예산 제약이 있어서 싸게 하고 싶어요')).not.toContain(U('industry', 'pharmaceutical-manufacturing'));
    expect(ids('하이브리드 차량용 배터리 하우징')).not.toContain(U('deployment', 'hybrid'));
  });

  it('knows places: a county is not the audio modality', () => {
    expect(ids('충북 음성군에서 김치를 만드는 공장')).not.toContain(U('modality', 'audio'));
    expect(ids('충북 음성에 있는 공장입니다')).not.toContain(U('modality', 'audio'));
    expect(ids('상담 음성을 글로 바꾸고 싶어요')).toContain(U('modality', 'audio'));
    expect(ids('충남 예산군에 있는 사과 농가입니다')).toEqual([U('industry', 'agriculture')]);
  });
});

describe('recognizeConcepts in prose: negation, headings, incidental mentions', () => {
  it('drops a concept the text refuses', () => {
    expect(ids('클라우드 서비스는 안 됩니다. 사내 서버에 설치해 주세요')).toEqual([U('deployment', 'on-premise')]);
    expect(ids('예산이 적어서 설치형은 어렵습니다')).not.toContain(U('deployment', 'on-premise'));
    expect(ids('OCR 말고 다른 방식이면 좋겠어요')).not.toContain(U('task', 'document-ai'));
    expect(ids('POS 연동은 필요 없음, 엑셀로 충분합니다')).toEqual([U('integration', 'excel-csv')]);
    expect(ids('클라우드 서비스 제외')).toEqual([]);
    expect(ids('OCR 솔루션도 써 봤는데 저희 일에는 안 맞았어요')).not.toContain(U('task', 'document-ai'));
    expect(ids('클라우드 서비스를 제외하고 사내 서버로 해 주세요')).toEqual([U('deployment', 'on-premise')]);
  });

  it('keeps a concept that is hard or impossible today: that is the need', () => {
    expect(ids('육안으로는 불량 검출이 어려워서 AI가 필요합니다')).toContain(U('task', 'visual-inspection'));
    expect(ids('지금은 수요 예측이 안 돼서 재고가 쌓여요')).toContain(U('task', 'demand-forecasting'));
  });

  it('does not read form headings', () => {
    expect(ids('[기타] 지원사업 요건상 전문기업이어야 합니다')).not.toContain(U('industry', 'machinery-manufacturing'));
    expect(ids('■ 배경\n사출 공장 설비 고장을 미리 잡고 싶습니다')).toContain(U('task', 'predictive-maintenance'));
  });

  it("marks industries of customers and goods, and the writer's own certificate, as incidental", () => {
    const text = '화물차 15대로 편의점 납품 물량을 나르는 운송회사입니다. 배송지 주소로 경로를 짜 주세요.';
    expect(proposed(text)).toContain(U('industry', 'freight-transport'));
    expect(proposed(text)).not.toContain(U('industry', 'retail'));
    expect(ids(text)).toContain(U('industry', 'retail'));
    expect(proposed('미용실 두 곳 하는 원장이에요. 손님 염색 색을 미리 보여주고 싶어요')).not.toContain(
      U('industry', 'textile-manufacturing'),
    );
    expect(proposed('저희가 이노비즈 기업이라 정책자금으로 하려고 해요')).not.toContain(U('certification', 'innobiz'));
    expect(proposed('공급사는 ISMS-P 인증이 있었으면 합니다')).toContain(U('certification', 'isms-p'));
  });
});

describe('recognizeConcepts in prose: the food-factory example of issue #16', () => {
  it('yields vision inspection, food manufacturing and on-premise, each with its evidence', () => {
    const text =
      '식품 공장입니다. CCTV 영상으로 머리카락, 비닐, 금속 조각 같은 이물질을 실시간으로 찾아내고 결과는 공장 안 서버에 설치해서 보고 싶어요.';
    const found = read(text).filter((c) => !c.incidental);
    const byId = new Map(found.map((c) => [c.id, c]));
    expect([...byId.keys()]).toEqual(
      expect.arrayContaining([U('task', 'visual-inspection'), U('industry', 'food-manufacturing'), U('deployment', 'on-premise')]),
    );
    expect(byId.has(U('integration', 'mes'))).toBe(false);
    expect(byId.has(U('industry', 'fabricated-metal-manufacturing'))).toBe(false);
    expect(byId.get(U('task', 'visual-inspection'))?.spans).toContainEqual({ text: '이물질을', name: '이물질', kind: 'name' });
    expect(byId.get(U('deployment', 'on-premise'))?.spans?.[0]).toEqual({ text: '공장 안 서버에', name: '공장 안 서버', kind: 'name' });
  });

  it('recognises a named video-management integration, but not a bare CCTV camera as one', () => {
    expect(ids('기존 NVR에서 영상을 받아 와야 합니다')).toContain(U('integration', 'cctv-vms'));
    expect(ids('라인 위에 CCTV를 달아서')).not.toContain(U('integration', 'cctv-vms'));
  });
});
