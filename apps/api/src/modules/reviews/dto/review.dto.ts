import { ReputationTrend, ReviewCriterion, ReviewSide } from '@aimatch/contracts';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';

registerEnumType(ReviewSide, {
  name: 'ReviewSide',
  description: "CLIENT: by the demand's organization; SUPPLIER: by the accepted bid's side.",
});
registerEnumType(ReviewCriterion, { name: 'ReviewCriterion' });
registerEnumType(ReputationTrend, { name: 'ReputationTrend' });

@ObjectType('ReviewRating')
export class ReviewRatingModel {
  @Field(() => ReviewCriterion) criterion: ReviewCriterion;
  @Field(() => Int, { description: '1–5' }) score: number;
}

@ObjectType('Review', {
  description: 'A review after a completed project; public once both sides reviewed or 14 days after it was submitted.',
})
export class ReviewModel {
  @Field(() => ID) id: string;
  @Field(() => ID) demandId: string;
  @Field(() => ReviewSide) side: ReviewSide;
  @Field(() => ID) authorOrganizationId: string;
  @Field(() => ID) subjectOrganizationId: string;
  @Field(() => [ReviewRatingModel]) ratings: ReviewRatingModel[];
  @Field(() => Float, { description: 'Mean of the criteria.' }) rating: number;
  @Field() body: string;
  @Field() submittedAt: Date;
  @Field({ description: 'Public now (false: still blind, seen only by its author, or hidden).' }) visible: boolean;
  @Field(() => Date, { nullable: true, description: 'When a blind review becomes public at the latest.' }) revealsAt: Date | null;
  @Field() hidden: boolean;
  @Field(() => String, { nullable: true, description: 'Why staff hid it (its author and staff only).' }) hiddenReason: string | null;
}

@ObjectType('ReviewConnection')
export class ReviewConnectionModel extends ConnectionType(ReviewModel, 'ReviewPage') {}

@InputType()
export class ReviewRatingInput {
  @Field(() => String, { description: "One of the side's criteria (ReviewCriterion)." }) criterion: string;
  @Field(() => Int) score: number;
}

@InputType()
export class SubmitReviewInput {
  @Field(() => ID, { description: 'The completed demand.' }) demandId: string;
  @Field(() => [ReviewRatingInput], {
    description:
      'CLIENT rates QUALITY, COMMUNICATION, SCHEDULE, EXPERTISE; SUPPLIER rates REQUIREMENTS_CLARITY, COMMUNICATION, COOPERATION, PAYMENT; 1–5 each.',
  })
  ratings: ReviewRatingInput[];
  @Field(() => String, { nullable: true, description: 'At most 2,000 characters.' }) body?: string | null;
}

@ObjectType('ReputationCriterion')
export class ReputationCriterionModel {
  @Field(() => ReviewCriterion) criterion: ReviewCriterion;
  @Field(() => Float) mean: number;
  @Field(() => Int) count: number;
}

@ObjectType('Reputation', { description: "An organization's public reputation from its public reviews." })
export class ReputationModel {
  @Field(() => Int) count: number;
  @Field(() => Float, { nullable: true }) mean: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean of the last 6 months.' }) recentMean: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean before the last 6 months.' }) previousMean: number | null;
  @Field(() => ReputationTrend, { nullable: true, description: 'Recent against earlier mean (null without both).' })
  trend: ReputationTrend | null;
  @Field(() => [ReputationCriterionModel]) criteria: ReputationCriterionModel[];
}

@ObjectType('ModeratedReview', {
  description:
    'A review as staff see it when moderating. Staff never read a review during its blind period: until it is revealed `withheld` is true, `body`, `ratings` and `rating` are null and `blindUntil` says when it becomes readable at the latest.',
})
export class ModeratedReviewModel {
  @Field(() => ID) id: string;
  @Field(() => ID) demandId: string;
  @Field(() => ReviewSide) side: ReviewSide;
  @Field(() => ID) authorOrganizationId: string;
  @Field(() => ID) subjectOrganizationId: string;
  @Field() submittedAt: Date;
  @Field({ description: 'Still in its blind period: the content is withheld from staff.' }) withheld: boolean;
  @Field(() => Date, { nullable: true, description: 'While withheld: when it is revealed at the latest.' }) blindUntil: Date | null;
  @Field(() => String, { nullable: true, description: 'Null while withheld.' }) body: string | null;
  @Field(() => [ReviewRatingModel], { nullable: true, description: 'Null while withheld.' }) ratings: ReviewRatingModel[] | null;
  @Field(() => Float, { nullable: true, description: 'Mean of the criteria; null while withheld.' }) rating: number | null;
  @Field({ description: 'Public now.' }) visible: boolean;
  @Field() hidden: boolean;
  @Field(() => String, { nullable: true }) hiddenReason: string | null;
}

@ObjectType('ReviewReport', { description: "A reported review's open reports, grouped (staff)." })
export class ReviewReportModel {
  @Field(() => ID) reviewId: string;
  @Field(() => ModeratedReviewModel) review: ModeratedReviewModel;
  @Field(() => Int) reportCount: number;
  @Field(() => [String], { description: 'The reporters’ reasons, oldest first.' }) reasons: string[];
  @Field() firstReportedAt: Date;
  @Field() lastReportedAt: Date;
}

@ObjectType('ReviewReportConnection')
export class ReviewReportConnectionModel extends ConnectionType(ReviewReportModel, 'ReviewReportPage') {}
