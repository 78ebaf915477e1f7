import type Database from "better-sqlite3";

/** A customer user who signs in to the pages and picks environments. */
export interface UserRow {
  id: number;
  signInName: string;
  name: string;
  email: string;
}

/** A Procountor environment (company). */
export interface CompanyRow {
  id: number;
  name: string;
  businessId: string;
  /** Fixture behaviour, see docs/sandbox.md "Fixtures". */
  fixtureRole: "legacy-manual" | "flow-activated" | null;
}

/** A company as one user sees it. */
export interface MembershipRow extends CompanyRow {
  /** The user has all rights to user management in this environment. */
  userManagement: boolean;
}

const companyColumns = "c.id, c.name, c.business_id AS businessId, c.fixture_role AS fixtureRole";

/** Users, companies and who belongs where. */
export function createDirectoryRepo(db: Database.Database) {
  const insertUser = db.prepare(
    "INSERT INTO users (id, sign_in_name, name, email) VALUES (@id, @signInName, @name, @email)",
  );
  const insertCompany = db.prepare(
    "INSERT INTO companies (id, name, business_id, fixture_role) VALUES (@id, @name, @businessId, @fixtureRole)",
  );
  const insertNewUser = db.prepare(
    "INSERT INTO users (sign_in_name, name, email) VALUES (@signInName, @name, @email)",
  );
  const insertNewCompany = db.prepare(
    "INSERT INTO companies (name, business_id, fixture_role) VALUES (@name, @businessId, NULL)",
  );
  const nextIds = db.prepare(
    "SELECT (SELECT COALESCE(MAX(id), 0) + 1 FROM users) AS userId, (SELECT COALESCE(MAX(id), 0) + 1 FROM companies) AS companyId",
  );
  const insertMembership = db.prepare(
    "INSERT INTO memberships (user_id, company_id, user_management) VALUES (?, ?, ?)",
  );
  const userColumns = "id, sign_in_name AS signInName, name, email";
  const getUser = db.prepare(`SELECT ${userColumns} FROM users WHERE id = ?`);
  const findUser = db.prepare(`SELECT ${userColumns} FROM users WHERE sign_in_name = ?`);
  const listUsers = db.prepare(`SELECT ${userColumns} FROM users ORDER BY id`);
  const getCompany = db.prepare(`SELECT ${companyColumns} FROM companies c WHERE c.id = ?`);
  const companiesWithRole = db.prepare(
    `SELECT ${companyColumns} FROM companies c WHERE c.fixture_role = ? ORDER BY c.id`,
  );
  const listCompanies = db.prepare(`SELECT ${companyColumns} FROM companies c ORDER BY c.id`);
  const memberships = db.prepare(
    `SELECT ${companyColumns}, m.user_management AS userManagement
       FROM memberships m JOIN companies c ON c.id = m.company_id
      WHERE m.user_id = ? ORDER BY c.name, c.id`,
  );
  const toMembership = (row: MembershipRow) => ({
    ...row,
    userManagement: Boolean(row.userManagement),
  });

  return {
    insertUser: (user: UserRow) => void insertUser.run(user),
    insertCompany: (company: CompanyRow) => void insertCompany.run(company),
    /** The ids the next `insertNewUser` / `insertNewCompany` will get. */
    nextIds: () => nextIds.get() as { userId: number; companyId: number },
    /** Inserts a user under the next free id; returns it. */
    insertNewUser: (user: Omit<UserRow, "id">) => Number(insertNewUser.run(user).lastInsertRowid),
    /** Inserts a company (no fixture role) under the next free id; returns it. */
    insertNewCompany: (company: { name: string; businessId: string }) =>
      Number(insertNewCompany.run(company).lastInsertRowid),
    insertMembership: (userId: number, companyId: number, userManagement: boolean) =>
      void insertMembership.run(userId, companyId, userManagement ? 1 : 0),
    getUser: (id: number) => getUser.get(id) as UserRow | undefined,
    findUserBySignInName: (signInName: string) => findUser.get(signInName) as UserRow | undefined,
    listUsers: () => listUsers.all() as UserRow[],
    getCompany: (id: number) => getCompany.get(id) as CompanyRow | undefined,
    listCompanies: () => listCompanies.all() as CompanyRow[],
    companiesWithRole: (role: NonNullable<CompanyRow["fixtureRole"]>) =>
      companiesWithRole.all(role) as CompanyRow[],
    /** The user's environments, sorted by name. */
    membershipsOf: (userId: number) =>
      (memberships.all(userId) as MembershipRow[]).map(toMembership),
  };
}

export type DirectoryRepo = ReturnType<typeof createDirectoryRepo>;
