// The backend's own pages: the contract-number form the customer fills in
// after the hand-off from Procountor, and what they see afterwards. Hono's
// `html` escapes every interpolated value (company names come from elsewhere).
import { html } from "hono/html";

/** What the customer reads in Procountor when they have no Acme contract. */
export const NO_CONTRACT =
  "Acme needs a signed contract before it connects to your Procountor. Ask sales@acme.example for one, then activate the integration again.";

/** Acme's contract numbers look like AC-12345. @param {string} text */
export const isContractNumber = (text) => /^AC-\d{5}$/.test(text);

/** @param {string} title @param {unknown} body */
const page = (title, body) => html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Acme Invoice Sync</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; }
      .error { color: #a40000; }
      button { font: inherit; padding: 0.4rem 1rem; margin-right: 0.5rem; }
    </style>
  </head>
  <body>
    <h1>${title}</h1>
    ${body}
  </body>
</html>`;

/**
 * The form: the environments being activated and a contract number field.
 * @param {import("@pcx/sdk/contract").ActivationRequest} request
 * @param {string} [rejected] A value that was not a contract number, shown with an error.
 */
export const contractPage = (request, rejected) =>
  page(
    "Your Acme contract",
    html`<p>You are connecting Acme Invoice Sync to:</p>
      <ul>
        ${request.environments.map((env) => html`<li>${env.name} (${env.businessId})</li>`)}
      </ul>
      <form method="post">
        <label for="contract">Acme contract number</label><br />
        <input id="contract" name="contract" placeholder="AC-12345" value="${rejected ?? ""}" />
        ${rejected === undefined ? "" : html`<p class="error">A contract number looks like AC-12345.</p>`}
        <p>
          <button type="submit" name="answer" value="contract">Continue</button>
          <button type="submit" name="answer" value="none">I have no contract</button>
        </p>
      </form>`,
  );

/** @param {import("@pcx/sdk").DecisionResult} result */
export const donePage = (result) =>
  page(
    "Thank you",
    html`<ul>
        ${result.environments.map(
          (env) =>
            html`<li>${env.name}: ${env.status === "APPROVED" ? "connected" : "not connected"}</li>`,
        )}
      </ul>
      <p>Procountor shows the result on the request's page. You can close this tab.</p>`,
  );

/** @param {string} message */
export const failedPage = (message) => page("Something went wrong", html`<p>${message}</p>`);
