import { useQuery } from 'urql';
import type { ViewerQuery as ViewerQueryResult } from '@/generated/graphql';
import { ViewerQuery } from './operations';
import { useSession } from './useSession';

export type Viewer = ViewerQueryResult['me'];
export type ViewerMembership = Viewer['memberships'][number];

export interface ViewerState {
  /** Signed in (tokens present). The viewer data may still be loading. */
  signedIn: boolean;
  /** Session still being restored from the stored refresh token. */
  restoring: boolean;
  viewer: Viewer | null;
  fetching: boolean;
  error: ReturnType<typeof useQuery>[0]['error'];
  isStaff: boolean;
  /** A staff account without two-factor sign-in yet: staff pages send it to the enrolment page first. */
  needsTwoFactorEnrollment: boolean;
}

/** The signed-in user and their memberships; null when signed out. */
export function useViewer(): ViewerState {
  const session = useSession();
  const signedIn = session.status === 'authenticated';
  const [result] = useQuery({ query: ViewerQuery, pause: !signedIn });
  const viewer = signedIn ? (result.data?.me ?? null) : null;
  return {
    signedIn,
    restoring: session.status === 'restoring',
    viewer,
    fetching: signedIn && result.fetching,
    error: signedIn ? result.error : undefined,
    isStaff: viewer?.user.platformRoles.some((role) => role === 'STAFF' || role === 'ADMIN') ?? false,
    needsTwoFactorEnrollment: Boolean(viewer?.twoFactor.required && !viewer.twoFactor.enrolled),
  };
}
