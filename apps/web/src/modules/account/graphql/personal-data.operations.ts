import { graphql } from '@/generated';

export const MyPersonalDataQuery = graphql(`
  query MyPersonalData {
    myPersonalData
  }
`);

export const DeleteAccountMutation = graphql(`
  mutation DeleteAccount($password: String!) {
    deleteAccount(password: $password)
  }
`);
