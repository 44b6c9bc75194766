import { paragraphs } from '../model';

/** A legal document's text: plain paragraphs (rendered escaped). */
export function LegalDocumentBody({ body, testId }: { body: string; testId?: string }) {
  return (
    <div className="legal-text" data-testid={testId}>
      {paragraphs(body).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}
