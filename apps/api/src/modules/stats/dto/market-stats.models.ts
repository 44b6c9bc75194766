import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum StatsGroupBy {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(StatsGroupBy, {
  name: 'StatsGroupBy',
  description: 'The period of a time series (Korean calendar; weeks start on Monday).',
});

@ObjectType('StatsCount', {
  description: 'One count of a breakdown: a key (status, concept id, kind) with its label in the viewer’s locale.',
})
export class StatsCountModel {
  @Field(() => String, { nullable: true, description: 'The status, concept id or kind; null = not stated.' }) key!: string | null;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true, description: 'DEMAND or SUPPLY for listing breakdowns, else null.' }) listingKind!: string | null;
  @Field(() => Int) count!: number;
}

@ObjectType('StatsSeriesPoint', { description: 'A count in one period (its first day, YYYY-MM-DD) for one series (a kind).' })
export class StatsSeriesPointModel {
  @Field(() => String) period!: string;
  @Field(() => String) series!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('VerificationStats')
export class VerificationStatsModel {
  @Field(() => Int, { description: 'Open verification requests now.' }) backlog!: number;
  @Field(() => Int, { description: 'Requests decided in the range.' }) decided!: number;
  @Field(() => Int) verified!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Int) needsInfo!: number;
  @Field(() => Float, { nullable: true, description: 'Median hours from request to decision (decisions in the range).' })
  medianHoursToDecision!: number | null;
}

@ObjectType('BidStats', { description: 'Bids submitted in the range.' })
export class BidStatsModel {
  @Field(() => Int) bids!: number;
  @Field(() => Int, { description: 'Demands that received these bids.' }) demandsWithBids!: number;
  @Field(() => Float, { nullable: true }) bidsPerDemand!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Median hours from a demand’s first publication to its first bid (first bids in the range).',
  })
  medianHoursToFirstBid!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of the bids ever shortlisted (or accepted), 0..1.' }) shortlistRate!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Share of the demands with bids that awarded one, 0..1.' }) awardRate!: number | null;
}

@ObjectType('ChatStats', { description: 'Conversations whose first message was sent in the range.' })
export class ChatStatsModel {
  @Field(() => Int) conversations!: number;
  @Field(() => Int, { description: 'Answered by the other side.' }) answered!: number;
  @Field(() => Float, { nullable: true, description: 'Median minutes from the first message to the other side’s first message.' })
  medianMinutesToFirstResponse!: number | null;
}

@ObjectType('StatsBucket', { description: 'A histogram bucket [lower, upper) of match scores (the last one includes 100).' })
export class StatsBucketModel {
  @Field(() => Int) lower!: number;
  @Field(() => Int) upper!: number;
  @Field(() => Int) count!: number;
}

@ObjectType('ProgramEligibilityCount')
export class ProgramEligibilityCountModel {
  @Field(() => ID) programId!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) eligible!: number;
  @Field(() => Int, { description: 'A fact its rules test is unknown for them.' }) possible!: number;
  @Field(() => Int, { description: 'Member organizations checked.' }) organizations!: number;
}

@ObjectType('MarketStats', { description: 'Staff: the market in numbers for a date range (Korean calendar days, both inclusive).' })
export class MarketStatsModel {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => StatsGroupBy) groupBy!: StatsGroupBy;
  @Field(() => [StatsCountModel], { description: 'Listings created in the range by kind and current status.' })
  listingsByStatus!: StatsCountModel[];
  @Field(() => [StatsCountModel]) listingsByIndustry!: StatsCountModel[];
  @Field(() => [StatsCountModel]) listingsByRegion!: StatsCountModel[];
  @Field(() => [StatsCountModel], { description: 'A listing with several tasks counts once for each.' }) listingsByTask!: StatsCountModel[];
  @Field(() => [StatsSeriesPointModel], { description: 'New listings per period, series = DEMAND / SUPPLY.' })
  newListings!: StatsSeriesPointModel[];
  @Field(() => [StatsSeriesPointModel], { description: 'New organizations per period, series = organization kind.' })
  newOrganizations!: StatsSeriesPointModel[];
  @Field(() => VerificationStatsModel) verification!: VerificationStatsModel;
  @Field(() => BidStatsModel) bids!: BidStatsModel;
  @Field(() => ChatStatsModel) chat!: ChatStatsModel;
  @Field(() => [StatsBucketModel], {
    description: 'Match scores (0..100, kept at award) of the bids accepted among those submitted in the range, in 10-point buckets.',
  })
  awardedMatchScores!: StatsBucketModel[];
  @Field(() => [ProgramEligibilityCountModel], {
    description: 'Published, open programs: member organizations eligible now (not range-bound).',
  })
  programEligibility!: ProgramEligibilityCountModel[];
}

export enum MarketStatsTable {
  LISTINGS_BY_STATUS = 'LISTINGS_BY_STATUS',
  LISTINGS_BY_INDUSTRY = 'LISTINGS_BY_INDUSTRY',
  LISTINGS_BY_REGION = 'LISTINGS_BY_REGION',
  LISTINGS_BY_TASK = 'LISTINGS_BY_TASK',
  NEW_LISTINGS = 'NEW_LISTINGS',
  NEW_ORGANIZATIONS = 'NEW_ORGANIZATIONS',
  VERIFICATION = 'VERIFICATION',
  BIDS = 'BIDS',
  CHAT = 'CHAT',
  AWARDED_MATCH_SCORES = 'AWARDED_MATCH_SCORES',
  PROGRAM_ELIGIBILITY = 'PROGRAM_ELIGIBILITY',
}
registerEnumType(MarketStatsTable, { name: 'MarketStatsTable', description: 'One table of the market-numbers dashboard.' });

@ObjectType('CsvExport', { description: 'A CSV file (UTF-8 with BOM, CRLF, formula cells neutralised) and its suggested name.' })
export class CsvExportModel {
  @Field(() => String) filename!: string;
  @Field(() => String) csv!: string;
}
