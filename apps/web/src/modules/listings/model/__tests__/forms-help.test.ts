import { describe, expect, it } from '@jest/globals';
import { carryForward, emptyValues, toDemandInput, type EditorValues } from '../values';

const IMAGE = 'urn:aimatch:modality:image';
const TEXT = 'urn:aimatch:modality:text';
const MES = 'urn:aimatch:integration:mes';

const withCapability = (values: EditorValues, patch: Partial<EditorValues['capability']>): EditorValues => ({
  ...values,
  capability: { ...values.capability, ...patch },
});

describe('the editor carries step 2 into step 3 (#14 item 7)', () => {
  it('fills the data types and systems from the requirement while step 3 was not edited', () => {
    const start = emptyValues();
    const picked = carryForward(start, withCapability(start, { modalities: [IMAGE], integrations: [MES] }));
    expect(picked.dataKinds).toEqual([IMAGE]);
    expect(picked.systems).toEqual([MES]);
    const more = carryForward(picked, withCapability(picked, { modalities: [IMAGE, TEXT] }));
    expect(more.dataKinds).toEqual([IMAGE, TEXT]);
  });

  it('leaves step 3 alone once it was edited there', () => {
    const start = carryForward(emptyValues(), withCapability(emptyValues(), { modalities: [IMAGE] }));
    const edited = { ...start, dataKinds: [TEXT] };
    const after = carryForward(edited, withCapability(edited, { modalities: [IMAGE, 'urn:aimatch:modality:video'] }));
    expect(after.dataKinds).toEqual([TEXT]);
  });

  it('does not undo a change made on step 3 itself', () => {
    const start = carryForward(emptyValues(), withCapability(emptyValues(), { modalities: [IMAGE] }));
    expect(carryForward(start, { ...start, dataKinds: [] }).dataKinds).toEqual([]);
  });
});

describe('budgets typed in Korean units (#14 item 7)', () => {
  it('sends "1억5천" as 150,000,000 and "8천만" as 80,000,000', () => {
    const values: EditorValues = { ...emptyValues(), minAmountKrw: '8천만', maxAmountKrw: '1억5천' };
    const { input, problems } = toDemandInput(values);
    expect(problems).toEqual({});
    expect(input.commercialTerms).toMatchObject({ minAmountKrw: 80_000_000, maxAmountKrw: 150_000_000 });
  });

  it('names a budget it cannot read', () => {
    const { problems } = toDemandInput({ ...emptyValues(), maxAmountKrw: '1억억' });
    expect(problems).toEqual({ 'CommercialTerms.maxAmountKrw': 'krw' });
  });
});
