import { ArgsType, Field, Int, Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/auth/decorators';
import type { Connection } from '../../graphql/pagination';
import type { RequestContext } from '../../graphql/request-context';
import { OrganizationModel } from '../identity/dto/identity.models';
import type { Organization } from '../identity/dto/identity.records';
import { ListingConnection, ListingKindEnum } from './dto/listing.models';
import { type ListingView, toListingView } from './dto/listing-view';
import { ListingsService } from './listings.service';

@ArgsType()
export class PublishedListingsArgs {
  @Field(() => ListingKindEnum, { nullable: true, description: 'Both kinds when omitted.' }) kind?: ListingKindEnum;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number;
  @Field(() => String, { nullable: true }) after?: string | null;
}

/** `Organization.publishedListings`: the listings on an organization's profile (listings owns them). */
@Resolver(() => OrganizationModel)
export class OrganizationListingsResolver {
  constructor(private readonly listings: ListingsService) {}

  @ResolveField(() => ListingConnection, {
    description: "The organization's published listings, newest first (demands only where the viewer may see them).",
  })
  async publishedListings(
    @Parent() org: Organization,
    @Args() args: PublishedListingsArgs,
    @Ctx() rc: RequestContext,
  ): Promise<Connection<ListingView>> {
    const c = await this.listings.publishedOf(rc, org.id, args.kind, args.first, args.after);
    return { ...c, edges: c.edges.map((e) => ({ cursor: e.cursor, node: toListingView(e.node) })) };
  }
}
