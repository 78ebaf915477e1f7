import { verifyState } from "@pcx/sdk";
import type { ActivationRequest, RequestStatus } from "@pcx/sdk/contract";

/** What `pcx requests show` says about the request's `state` (the activation link's signed reference). */
export type StateView =
  | null
  | { verified: true; ref: string; keyId: string }
  | { verified: false; reason: string };

/** One request as `pcx requests list/show --json` prints it. */
export interface RequestView {
  id: number;
  integrationId: number;
  integrationVersion: number;
  kind: ActivationRequest["kind"];
  status: RequestStatus;
  requestedBy: { name: string; email: string };
  createdAt: string;
  expiresAt: string;
  /** Whole minutes until expiry (0 when past); null unless pending. */
  expiresInMinutes: number | null;
  environments: {
    companyId: number;
    name: string;
    businessId: string;
    status: ActivationRequest["environments"][number]["status"];
    reason: string | null;
  }[];
  /** Only in `show`: the state's ref when the profile's (or PCX_STATE_SECRET's) key verifies it. */
  state?: StateView;
}

export function requestView(request: ActivationRequest, now: Date): RequestView {
  const left = Date.parse(request.expiresAt) - now.getTime();
  return {
    id: request.id,
    integrationId: request.integrationId,
    integrationVersion: request.integrationVersion,
    kind: request.kind,
    status: request.status,
    requestedBy: { name: request.requestedBy.name, email: request.requestedBy.email },
    createdAt: request.createdAt,
    expiresAt: request.expiresAt,
    expiresInMinutes: request.status === "PENDING" ? Math.max(0, Math.ceil(left / 60_000)) : null,
    environments: request.environments.map((env) => ({
      companyId: env.companyId,
      name: env.name,
      businessId: env.businessId,
      status: env.status,
      reason: env.reason,
    })),
  };
}

/** "expires in 12 min", "expired", "completed". */
export function expiryText(view: RequestView): string {
  if (view.status === "EXPIRED") return "expired";
  if (view.status === "COMPLETED") return "completed";
  const minutes = view.expiresInMinutes ?? 0;
  if (minutes <= 0) return "expires now";
  if (minutes < 120) return `expires in ${minutes} min`;
  return `expires in ${Math.round(minutes / 60)} h`;
}

/**
 * The state's ref, verified with the state key (as at the request's
 * creation, when the link was used); null when the request carries none.
 */
export async function stateView(
  request: ActivationRequest,
  key: { keyId: string; secret: string } | undefined,
): Promise<StateView> {
  if (request.state === null) return null;
  if (!key) {
    return {
      verified: false,
      reason: "no state secret in this profile or PCX_STATE_SECRET to verify it with",
    };
  }
  try {
    const result = await verifyState(request.state, {
      secrets: { [key.keyId]: key.secret },
      integrationId: request.integrationId,
      now: () => new Date(request.createdAt),
    });
    return result.ok
      ? { verified: true, ref: result.payload.ref, keyId: result.keyId }
      : { verified: false, reason: result.message };
  } catch (error) {
    return { verified: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** A table of requests: id, status, environments, requester, expiry. */
export function requestsTable(views: readonly RequestView[]): string {
  if (views.length === 0) return "No activation requests.";
  const rows = views.map((v) => [
    String(v.id),
    v.status,
    v.environments.map((env) => `${env.name} (${env.companyId})`).join(", "),
    v.requestedBy.name,
    expiryText(v),
  ]);
  const head = ["id", "status", "environments", "requested by", "expiry"];
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

/** `pcx requests show`: the request, each environment with its status and reason, the state. */
export function requestDetails(v: RequestView): string {
  const lines = [
    `Activation request ${v.id} (${v.kind.toLowerCase()}, integration ${v.integrationId} version ${v.integrationVersion}): ${v.status === "PENDING" ? `pending, ${expiryText(v)}` : v.status.toLowerCase()}`,
    `  Requested by: ${v.requestedBy.name} <${v.requestedBy.email}> at ${v.createdAt}`,
  ];
  if (v.state !== undefined) {
    lines.push(
      `  State:        ${
        v.state === null
          ? "none"
          : v.state.verified
            ? `ref "${v.state.ref}" (verified, key ${v.state.keyId})`
            : `present, not verified: ${v.state.reason}`
      }`,
    );
  }
  lines.push("  Environments:");
  for (const env of v.environments) {
    const reason = env.reason ? `: ${env.reason}` : "";
    lines.push(
      `    ${String(env.companyId).padEnd(6)} ${env.name} (business id ${env.businessId})  ${env.status.toLowerCase()}${reason}`,
    );
  }
  return lines.join("\n");
}
