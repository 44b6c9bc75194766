import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { CombinedError } from 'urql';
import { Field, FormActions, useFormErrors, type FormErrors } from '..';
import { summariseError, withoutField } from '../errors';

type Path = 'email' | 'displayName' | 'password';
const PATHS: readonly Path[] = ['email', 'displayName', 'password'];

let exposed: FormErrors<Path>;

/** A small form on the shared layer: three fields, buttons with the alert next to them. */
function TestForm() {
  const form = useFormErrors<Path>(PATHS);
  exposed = form;
  const [values, setValues] = useState<Record<Path, string>>({ email: '', displayName: '', password: '' });
  return (
    <form noValidate>
      {PATHS.map((path) => (
        <Field key={path} form={form} path={path} label={path}>
          {(props) => (
            <input
              {...props}
              value={values[path]}
              onChange={(e) => setValues((v) => ({ ...v, [path]: e.target.value }))}
              data-testid={path}
            />
          )}
        </Field>
      ))}
      <FormActions form={form}>
        <button type="submit" data-testid="submit">
          submit
        </button>
      </FormActions>
    </form>
  );
}

function badInput(fields: Array<{ path: string; rule: string; message: string }>): CombinedError {
  return new CombinedError({
    graphQLErrors: [{ message: '입력값을 확인해 주세요.', extensions: { code: 'BAD_USER_INPUT', fields } }],
  });
}

/** Types into a controlled input the way React notices (the native value setter, then an input event). */
function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the forms layer (#14 item 7)', () => {
  let container: HTMLDivElement;
  let root: Root;
  const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  beforeAll(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    // jsdom has no layout: scrolling is recorded, not done.
    Element.prototype.scrollIntoView = function (this: Element) {
      this.setAttribute('data-scrolled', 'true');
    };
  });

  async function mount() {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root.render(<TestForm />));
  }

  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
  });

  it('after a refused submit, shows every field error at once and focuses the first field in error', async () => {
    await mount();
    await act(async () =>
      exposed.setError(
        badInput([
          { path: 'password', rule: 'password-common', message: '너무 흔한 비밀번호입니다.' },
          { path: 'displayName', rule: 'required', message: '필수 입력 항목입니다.' },
        ]),
      ),
    );
    expect(byTestId('field-error-displayName')?.textContent).toBe('필수 입력 항목입니다.');
    expect(byTestId('field-error-password')?.textContent).toBe('너무 흔한 비밀번호입니다.');
    // First in the form's order, not in the server's.
    expect(document.activeElement).toBe(byTestId('displayName'));
    expect(byTestId('displayName')?.getAttribute('data-scrolled')).toBe('true');
    // The server's summary stands next to the submit button.
    const alert = byTestId('form-alert')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('입력값을 확인해 주세요.');
    expect(alert.previousElementSibling?.contains(byTestId('submit'))).toBe(true);
  });

  it('drops a field error on the keystroke that changes the field, and the summary with the last one', async () => {
    await mount();
    await act(async () =>
      exposed.setError(
        badInput([
          { path: 'email', rule: 'email', message: '올바른 이메일 주소가 아닙니다.' },
          { path: 'displayName', rule: 'required', message: '필수 입력 항목입니다.' },
        ]),
      ),
    );
    await act(async () => type(byTestId('email') as HTMLInputElement, 'a@example.kr'));
    expect(byTestId('field-error-email')).toBeNull();
    expect(byTestId('email')?.getAttribute('aria-invalid')).toBe('false');
    expect(byTestId('field-error-displayName')).not.toBeNull();
    expect(byTestId('form-alert')).not.toBeNull();
    await act(async () => type(byTestId('displayName') as HTMLInputElement, '홍길동'));
    expect(byTestId('field-error-displayName')).toBeNull();
    expect(byTestId('form-alert')).toBeNull();
  });

  it('adds client-side messages to the server answer, and scrolls to the alert when no field is in error', async () => {
    await mount();
    await act(async () =>
      exposed.setError(badInput([{ path: 'email', rule: 'unique', message: '이미 사용 중입니다.' }]), { password: '10자 이상' }),
    );
    expect(byTestId('field-error-email')?.textContent).toBe('이미 사용 중입니다.');
    expect(byTestId('field-error-password')?.textContent).toBe('10자 이상');
    expect(document.activeElement).toBe(byTestId('email'));

    await act(async () =>
      exposed.setError(new CombinedError({ graphQLErrors: [{ message: '권한이 없습니다.', extensions: { code: 'FORBIDDEN' } }] })),
    );
    expect(byTestId('form-alert')?.textContent).toBe('권한이 없습니다.');
    expect(byTestId('form-alert')?.getAttribute('data-scrolled')).toBe('true');
  });

  it('says next to the button how many fields the client-side checks found, until the last is fixed', async () => {
    await mount();
    await act(async () => exposed.setFieldMessages({ password: '10자 이상', email: '필수 입력 항목입니다.' }));
    expect(byTestId('form-alert')?.textContent).toBe('입력한 내용 중 2곳을 확인해 주세요.');
    expect(document.activeElement).toBe(byTestId('email'));
    await act(async () => type(byTestId('email') as HTMLInputElement, 'a@example.kr'));
    expect(byTestId('form-alert')).not.toBeNull();
    await act(async () => type(byTestId('password') as HTMLInputElement, 'correct horse battery'));
    expect(byTestId('form-alert')).toBeNull();
  });

  it('keeps alert messages about fields the form does not show when one field is fixed', () => {
    const summary = summariseError(
      badInput([
        { path: 'email', rule: 'email', message: 'bad e-mail' },
        { path: 'organization.kind', rule: 'enum', message: 'bad kind' },
      ]),
      { knownPaths: ['email'], networkMessage: 'network', unknownMessage: 'unknown' },
    );
    expect(withoutField(summary, 'email').general).toEqual(['bad kind']);
  });
});
