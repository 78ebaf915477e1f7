// A tiny browser for the sandbox's customer pages, as the tests and the root
// demo drive them: keeps cookies, posts forms with the page's own Origin (as
// a browser does, so the pages' cross-origin guard lets them through), never
// follows redirects.

export interface PageAnswer {
  status: number;
  text: string;
  headers: Headers;
  location: string | null;
}

export interface CustomerAgent {
  get(path: string): Promise<PageAnswer>;
  post(path: string, form: Record<string, string | string[]>): Promise<PageAnswer>;
  /** Signs in as a demo user ("demo": Maija). */
  signIn(user?: string): Promise<void>;
  /**
   * Walks the activation link's steps (details and terms, environments,
   * technical user, confirm) and returns the new request's id.
   */
  activate(integrationId: number, companyIds: number[], state?: string): Promise<number>;
  /** The integrator's callback URL on the request's status page (the "Open …" hand-off link). */
  callbackHref(requestId: number): Promise<string>;
  /** The text of the request's status page, tags stripped. */
  statusText(requestId: number): Promise<string>;
  /** The message a page shows in its alert box (a refused step's reason), or null. */
  alertText(answer: PageAnswer): string | null;
}

const decodeEntities = (text: string) =>
  text
    .replaceAll("&amp;", "&")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">");

/** The demo customer in the sandbox at `baseUrl` (e.g. `sandbox.url`). */
export function customerAgent(baseUrl: string): CustomerAgent {
  const origin = new URL(baseUrl).origin;
  const jar = new Map<string, string>();
  async function request(
    method: string,
    path: string,
    form?: Record<string, string | string[]>,
  ): Promise<PageAnswer> {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form ?? {})) {
      for (const one of Array.isArray(value) ? value : [value]) body.append(key, one);
    }
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      redirect: "manual",
      headers: {
        accept: "text/html",
        ...(cookie ? { cookie } : {}),
        ...(form ? { "content-type": "application/x-www-form-urlencoded", origin } : {}),
      },
      ...(form ? { body: body.toString() } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      if (/max-age=0/i.test(line)) jar.delete(pair.slice(0, eq));
      else jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return {
      status: res.status,
      text: await res.text(),
      headers: res.headers,
      location: res.headers.get("location"),
    };
  }
  const expectStatus = (answer: PageAnswer, status: number, step: string) => {
    if (answer.status !== status) {
      throw new Error(`${step}: ${answer.status} ${answer.text.slice(0, 300)}`);
    }
    return answer;
  };
  const agent: CustomerAgent = {
    get: (path) => request("GET", path),
    post: (path, form) => request("POST", path, form),
    async signIn(user = "demo") {
      expectStatus(await request("POST", "/signin", { user }), 303, "sign-in");
    },
    async activate(integrationId, companyIds, state) {
      const query = state === undefined ? "" : `?state=${encodeURIComponent(state)}`;
      expectStatus(await agent.get(`/activate/${integrationId}${query}`), 200, "details");
      const form = {
        terms: "accepted",
        ...(state === undefined ? {} : { state }),
        env: companyIds.map(String),
      };
      expectStatus(
        await agent.post(`/activate/${integrationId}/environments`, form),
        200,
        "environments",
      );
      const confirmed = expectStatus(
        await agent.post(`/activate/${integrationId}/confirm`, form),
        303,
        "confirm",
      );
      const id = Number(/^\/requests\/(\d+)$/.exec(confirmed.location ?? "")?.[1]);
      if (!Number.isInteger(id)) throw new Error(`confirm went to ${confirmed.location}`);
      return id;
    },
    async callbackHref(requestId) {
      const page = expectStatus(await agent.get(`/requests/${requestId}`), 200, "status page");
      const href = /<a class="button" id="continue" href="([^"]+)"/.exec(page.text)?.[1];
      if (!href) throw new Error("the status page has no hand-off link");
      return decodeEntities(href);
    },
    async statusText(requestId) {
      const page = expectStatus(await agent.get(`/requests/${requestId}`), 200, "status page");
      return decodeEntities(page.text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " "));
    },
    alertText(answer) {
      const box = /<div class="alert" role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(answer.text)?.[1];
      return box === undefined
        ? null
        : decodeEntities(box.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).trim();
    },
  };
  return agent;
}
