import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TwoFactorStatus', { description: 'Two-factor sign-in of the signed-in user (required for STAFF and ADMIN).' })
export class TwoFactorStatusModel {
  @Field({ description: 'The account has a role that needs the second factor; staff roles count only once it is set up and used.' })
  required: boolean;
  @Field({ description: 'An authenticator app is set up and confirmed.' })
  enrolled: boolean;
  @Field(() => Int, { description: 'Unused recovery codes left.' })
  recoveryCodesLeft: number;
}

@ObjectType('TwoFactorEnrollment', { description: 'A new, not yet confirmed authenticator secret.' })
export class TwoFactorEnrollmentModel {
  @Field({ description: 'otpauth:// URI for authenticator apps.' })
  otpauthUri: string;
  @Field({ description: 'The same URI as a QR code (SVG markup).' })
  qrSvg: string;
  @Field({ description: 'The secret in base32, for typing into the app by hand.' })
  secret: string;
}
