import { randomBusinessId } from "../fixtures/business-id.js";
import { mulberry32 } from "../random/mulberry32.js";
import { invalid } from "../sandbox-error.js";
import type { UserRow } from "../store/directory-repo.js";
import type { EngineContext } from "./engine-context.js";

/** Most environments one created customer gets. */
export const MAX_CUSTOMER_COMPANIES = 50;

export interface CreateCustomerInput {
  /** How many environments (companies) the customer gets, each with user-management rights. 1–50. */
  companies: number;
}

export interface CreatedCustomer {
  user: UserRow;
  companies: Array<{ id: number; name: string; businessId: string }>;
}

/**
 * A new customer user with fresh environments where they may activate
 * integrations: for load tests that need many requests pending at once (the
 * demo users have only 28 environments, and one environment holds one
 * pending request per integration). Names and business ids follow from the
 * new ids, so a run is reproducible.
 */
export function createCustomer(ctx: EngineContext, input: CreateCustomerInput): CreatedCustomer {
  const count = input.companies;
  if (!Number.isInteger(count) || count < 1 || count > MAX_CUSTOMER_COMPANIES) {
    throw invalid("companies", `must be a whole number from 1 to ${MAX_CUSTOMER_COMPANIES}`);
  }
  const { directory } = ctx.store;
  const { userId: nextUserId } = directory.nextIds();
  const userFields = {
    signInName: `customer-${nextUserId}`,
    name: `Customer ${nextUserId}`,
    email: `customer-${nextUserId}@example.fi`,
  };
  const userId = directory.insertNewUser(userFields);
  const companies: CreatedCustomer["companies"] = [];
  for (let n = 1; n <= count; n++) {
    const { companyId: nextCompanyId } = directory.nextIds();
    const company = {
      name: `Customer ${userId} Company ${n} Oy`,
      businessId: randomBusinessId(mulberry32(nextCompanyId)),
    };
    const id = directory.insertNewCompany(company);
    directory.insertMembership(userId, id, true);
    companies.push({ id, ...company });
  }
  return { user: { id: userId, ...userFields }, companies };
}
