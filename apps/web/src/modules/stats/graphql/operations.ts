import { graphql } from '@/generated';

export const MarketStatsQuery = graphql(`
  query MarketStats($from: String!, $to: String!, $groupBy: StatsGroupBy) {
    marketStats(from: $from, to: $to, groupBy: $groupBy) {
      from
      to
      groupBy
      listingsByStatus {
        key
        label
        listingKind
        count
      }
      listingsByIndustry {
        key
        label
        listingKind
        count
      }
      listingsByRegion {
        key
        label
        listingKind
        count
      }
      listingsByTask {
        key
        label
        listingKind
        count
      }
      newListings {
        period
        series
        count
      }
      newOrganizations {
        period
        series
        count
      }
      verification {
        backlog
        decided
        verified
        rejected
        needsInfo
        medianHoursToDecision
      }
      bids {
        bids
        demandsWithBids
        bidsPerDemand
        medianHoursToFirstBid
        shortlistRate
        awardRate
      }
      chat {
        conversations
        answered
        medianMinutesToFirstResponse
      }
      awardedMatchScores {
        lower
        upper
        count
      }
      programEligibility {
        programId
        name
        eligible
        possible
        organizations
      }
    }
  }
`);

export const ExportMarketStatsMutation = graphql(`
  mutation ExportMarketStats($from: String!, $to: String!, $groupBy: StatsGroupBy, $table: MarketStatsTable!) {
    exportMarketStats(from: $from, to: $to, groupBy: $groupBy, table: $table) {
      filename
      csv
    }
  }
`);
