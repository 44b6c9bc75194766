import './legal.css';
export { ConsentFields } from './components/ConsentFields';
export { ConsentGate } from './components/ConsentGate';
export { LegalDocumentBody } from './components/LegalDocumentText';
export { chosenConsents, useLegalDocuments, type ConsentChoices, type LegalDocumentText } from './model';
export { MyConsentsQuery, AcceptConsentsMutation, WithdrawConsentMutation } from './graphql/operations';
export { legalRoutes } from './routes';
