// Acme's customers, by Finnish business id (Y-tunnus), for the Express and
// Fastify examples. A real backend asks its own database; these are companies
// of the sandbox's demo user (with the sandbox's default seed): 1001 Kinnusen Metsäpalvelu Oy, 1002 Järvisen
// Ohjelmistotalo Oy, 1004 Salmisen Metsäpalvelu Ay. Her other companies are
// not Acme's customers.
const CUSTOMERS = new Map([
  ["1139638-9", { account: "acme-1001" }],
  ["1688576-3", { account: "acme-1002" }],
  ["1267444-0", { account: "acme-1004" }],
]);

/** Whether the company with this business id is an Acme customer. @param {string} businessId */
export const isCustomer = (businessId) => CUSTOMERS.has(businessId);

/** What the customer reads in Procountor for a company that is not an Acme customer. */
export const NOT_A_CUSTOMER =
  "This company has no Acme Shop account yet. Sign up at https://acme.example/signup with the same business id, then activate the integration again.";
