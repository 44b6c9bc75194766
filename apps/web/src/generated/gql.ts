/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    me {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SignOut($refreshToken: String!) {\n    signOut(refreshToken: $refreshToken)\n  }\n": typeof types.SignOutDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      id\n      role\n      organization {\n        id\n        nameKo\n        nameEn\n        kind\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query Viewer {\n    me {\n      user {\n        id\n        email\n        displayName\n        locale\n        platformRoles\n      }\n      memberships {\n        id\n        role\n        createdAt\n        organization {\n          id\n          kind\n          nameKo\n          nameEn\n          verificationStatus\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  fragment OrganizationDetailFields on Organization {\n    id\n    kind\n    nameKo\n    nameEn\n    businessRegistrationNumber\n    region {\n      id\n      label(locale: $locale)\n      deprecated\n    }\n    industry {\n      id\n      label(locale: $locale)\n      deprecated\n    }\n    employeeBand\n    foundedYear\n    website\n    verificationStatus\n    createdAt\n  }\n": typeof types.OrganizationDetailFieldsFragmentDoc,
    "\n  query OrganizationDetail($id: ID!, $locale: Locale!) {\n    organization(id: $id) {\n      ...OrganizationDetailFields\n    }\n  }\n": typeof types.OrganizationDetailDocument,
    "\n  query OrganizationMembers($id: ID!, $first: Int!, $after: String) {\n    organization(id: $id) {\n      id\n      members(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            role\n            createdAt\n            user {\n              id\n              displayName\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrganizationMembersDocument,
    "\n  mutation UpdateMyOrganization($input: UpdateOrganizationInput!, $locale: Locale!) {\n    updateMyOrganization(input: $input) {\n      ...OrganizationDetailFields\n    }\n  }\n": typeof types.UpdateMyOrganizationDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      expiresAt\n      token\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  query ConceptsPage($scheme: String!, $locale: Locale!, $first: Int!, $after: String) {\n    concepts(scheme: $scheme, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          parentId\n          label(locale: $locale)\n          deprecated\n        }\n      }\n    }\n  }\n": typeof types.ConceptsPageDocument,
};
const documents: Documents = {
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    me {\n      user {\n        id\n      }\n    }\n  }\n": types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.SignInDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SignOut($refreshToken: String!) {\n    signOut(refreshToken: $refreshToken)\n  }\n": types.SignOutDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      id\n      role\n      organization {\n        id\n        nameKo\n        nameEn\n        kind\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query Viewer {\n    me {\n      user {\n        id\n        email\n        displayName\n        locale\n        platformRoles\n      }\n      memberships {\n        id\n        role\n        createdAt\n        organization {\n          id\n          kind\n          nameKo\n          nameEn\n          verificationStatus\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  fragment OrganizationDetailFields on Organization {\n    id\n    kind\n    nameKo\n    nameEn\n    businessRegistrationNumber\n    region {\n      id\n      label(locale: $locale)\n      deprecated\n    }\n    industry {\n      id\n      label(locale: $locale)\n      deprecated\n    }\n    employeeBand\n    foundedYear\n    website\n    verificationStatus\n    createdAt\n  }\n": types.OrganizationDetailFieldsFragmentDoc,
    "\n  query OrganizationDetail($id: ID!, $locale: Locale!) {\n    organization(id: $id) {\n      ...OrganizationDetailFields\n    }\n  }\n": types.OrganizationDetailDocument,
    "\n  query OrganizationMembers($id: ID!, $first: Int!, $after: String) {\n    organization(id: $id) {\n      id\n      members(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            role\n            createdAt\n            user {\n              id\n              displayName\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": types.OrganizationMembersDocument,
    "\n  mutation UpdateMyOrganization($input: UpdateOrganizationInput!, $locale: Locale!) {\n    updateMyOrganization(input: $input) {\n      ...OrganizationDetailFields\n    }\n  }\n": types.UpdateMyOrganizationDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      expiresAt\n      token\n    }\n  }\n": types.InviteMemberDocument,
    "\n  query ConceptsPage($scheme: String!, $locale: Locale!, $first: Int!, $after: String) {\n    concepts(scheme: $scheme, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          parentId\n          label(locale: $locale)\n          deprecated\n        }\n      }\n    }\n  }\n": types.ConceptsPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    me {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    me {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut($refreshToken: String!) {\n    signOut(refreshToken: $refreshToken)\n  }\n"): (typeof documents)["\n  mutation SignOut($refreshToken: String!) {\n    signOut(refreshToken: $refreshToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      id\n      role\n      organization {\n        id\n        nameKo\n        nameEn\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      id\n      role\n      organization {\n        id\n        nameKo\n        nameEn\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      user {\n        id\n        email\n        displayName\n        locale\n        platformRoles\n      }\n      memberships {\n        id\n        role\n        createdAt\n        organization {\n          id\n          kind\n          nameKo\n          nameEn\n          verificationStatus\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      user {\n        id\n        email\n        displayName\n        locale\n        platformRoles\n      }\n      memberships {\n        id\n        role\n        createdAt\n        organization {\n          id\n          kind\n          nameKo\n          nameEn\n          verificationStatus\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationDetailFields on Organization {\n    id\n    kind\n    nameKo\n    nameEn\n    businessRegistrationNumber\n    region {\n      id\n      label(locale: $locale)\n      deprecated\n    }\n    industry {\n      id\n      label(locale: $locale)\n      deprecated\n    }\n    employeeBand\n    foundedYear\n    website\n    verificationStatus\n    createdAt\n  }\n"): (typeof documents)["\n  fragment OrganizationDetailFields on Organization {\n    id\n    kind\n    nameKo\n    nameEn\n    businessRegistrationNumber\n    region {\n      id\n      label(locale: $locale)\n      deprecated\n    }\n    industry {\n      id\n      label(locale: $locale)\n      deprecated\n    }\n    employeeBand\n    foundedYear\n    website\n    verificationStatus\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationDetail($id: ID!, $locale: Locale!) {\n    organization(id: $id) {\n      ...OrganizationDetailFields\n    }\n  }\n"): (typeof documents)["\n  query OrganizationDetail($id: ID!, $locale: Locale!) {\n    organization(id: $id) {\n      ...OrganizationDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationMembers($id: ID!, $first: Int!, $after: String) {\n    organization(id: $id) {\n      id\n      members(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            role\n            createdAt\n            user {\n              id\n              displayName\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationMembers($id: ID!, $first: Int!, $after: String) {\n    organization(id: $id) {\n      id\n      members(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            role\n            createdAt\n            user {\n              id\n              displayName\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyOrganization($input: UpdateOrganizationInput!, $locale: Locale!) {\n    updateMyOrganization(input: $input) {\n      ...OrganizationDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyOrganization($input: UpdateOrganizationInput!, $locale: Locale!) {\n    updateMyOrganization(input: $input) {\n      ...OrganizationDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      expiresAt\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      expiresAt\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConceptsPage($scheme: String!, $locale: Locale!, $first: Int!, $after: String) {\n    concepts(scheme: $scheme, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          parentId\n          label(locale: $locale)\n          deprecated\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConceptsPage($scheme: String!, $locale: Locale!, $first: Int!, $after: String) {\n    concepts(scheme: $scheme, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          parentId\n          label(locale: $locale)\n          deprecated\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;