// A fake of Polar's API for tests (two dots in the name: not deployed), for the calls this app makes (polar.ts,
// model/syncPolarSubscriptions.ts). It answers in the shapes of Polar's OpenAPI spec (docs/openapi.json in
// polarsource/polar at d6498f1, the one webhooks/polar-samples come from), which @polar-sh/sdk validates.
import { vi } from "vitest";
import sample from "../../webhooks/polar-samples/subscription.created.json";
import type { polarSubscriptionEvent } from "./polarWebhook.testing";

/** The token tests set as POLAR_ORGANIZATION_TOKEN; the fake refuses any other. */
export const TEST_POLAR_TOKEN = "polar_oat_test_fake_api";

/** Polar's sandbox API, where the app goes without POLAR_SERVER (model/polar.ts). */
const SANDBOX_API = "https://sandbox-api.polar.sh";

/** A subscription as Polar's API and webhooks send it (snake_case JSON): a webhook event's `data`. */
type WireSubscription = ReturnType<typeof polarSubscriptionEvent>["data"];

export type PolarRequest = { method: string; path: string; query: URLSearchParams; body: unknown };

/**
 * Installs the fake as `fetch` and sets POLAR_ORGANIZATION_TOKEN (useWebhookTestEnv undoes both after each test);
 * other hosts go to the `fetch` installed before (fakeClerkApi's, in a test that uses both). It knows:
 * - POST /v1/checkouts/: a checkout for the request, at `checkoutUrl`;
 * - POST /v1/customer-sessions/: a portal session for a customer in `customers` (by id or external id), else
 *   Polar's 422 "Customer does not exist.";
 * - GET /v1/subscriptions/?external_customer_id=: the `subscriptions` of that customer;
 * - DELETE /v1/customers/external/{id}: 204 for an external id in `customers` (then forgotten), else 404.
 * `failWith(status)` answers the next request with that error. `requests` lists every request, body parsed.
 */
export function fakePolarApi() {
  const requests: PolarRequest[] = [];
  const customers = new Set<string>();
  const subscriptions: WireSubscription[] = [];
  let failure: number | undefined;
  const previousFetch = globalThis.fetch;

  const answer = (request: PolarRequest): Response => {
    const { method, path, query, body } = request;
    const fields = (body ?? {}) as Record<string, unknown>;
    if (method === "POST" && path === "/v1/checkouts/") return json(201, checkout(fields));
    if (method === "POST" && path === "/v1/customer-sessions/") {
      const [field, id] = fields.customer_id
        ? ["customer_id", String(fields.customer_id)]
        : ["external_customer_id", String(fields.external_customer_id)];
      if (!customers.has(id)) {
        return json(422, validationError(field, "Customer does not exist.", id));
      }
      return json(201, customerSession(id, fields.return_url));
    }
    if (method === "GET" && path === "/v1/subscriptions/") {
      const externalId = query.get("external_customer_id");
      const items = subscriptions.filter((s) => s.customer.external_id === externalId);
      return json(200, { items, pagination: { total_count: items.length, max_page: 1 } });
    }
    const external = /^\/v1\/customers\/external\/([^/]+)$/.exec(path);
    if (method === "DELETE" && external) {
      const externalId = decodeURIComponent(external[1]!);
      if (!customers.delete(externalId)) {
        return json(404, { error: "ResourceNotFound", detail: "Not found" });
      }
      return new Response(null, { status: 204 });
    }
    throw new Error(`The fake Polar API does not know ${method} ${path}`);
  };

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== SANDBOX_API) {
      if (url.hostname.endsWith("polar.sh"))
        throw new Error(`The fake Polar API was asked for ${url.href}`);
      return previousFetch(input, init);
    }
    if (request.headers.get("authorization") !== `Bearer ${TEST_POLAR_TOKEN}`) {
      return json(401, {
        error: "invalid_token",
        error_description: "The access token is invalid.",
      });
    }
    const text = await request.text();
    const polarRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(polarRequest);
    if (failure !== undefined) {
      const status = failure;
      failure = undefined;
      return json(status, { error: "InternalServerError", detail: "Polar is down" });
    }
    return answer(polarRequest);
  };

  vi.stubGlobal("fetch", fetch);
  vi.stubEnv("POLAR_ORGANIZATION_TOKEN", TEST_POLAR_TOKEN);
  return {
    requests,
    /** Polar customers, by id or external id (the owner's Clerk id). */
    customers,
    /** Polar's subscriptions, as GET /v1/subscriptions/ lists them. */
    subscriptions,
    failWith(status: number) {
      failure = status;
    },
  };
}

/** The url of every checkout the fake creates. */
export const checkoutUrl = "https://sandbox.polar.sh/checkout/polar_c_test";

/** A Checkout (Polar's spec) for the request's fields: its required fields, the spec's example values or empty. */
function checkout(fields: Record<string, unknown>) {
  const at = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    created_at: at,
    modified_at: null,
    payment_processor: "stripe",
    status: "open",
    client_secret: "polar_c_test",
    url: checkoutUrl,
    expires_at: at,
    success_url: fields.success_url,
    return_url: null,
    embed_origin: null,
    amount: 1000,
    discount_amount: 0,
    net_amount: 1000,
    tax_amount: null,
    tax_behavior: null,
    total_amount: 1000,
    currency: "usd",
    allow_trial: null,
    active_trial_interval: null,
    active_trial_interval_count: null,
    trial_end: null,
    organization_id: sample.data.customer.organization_id,
    product_id: null,
    product_price_id: null,
    discount_id: null,
    allow_discount_codes: true,
    require_billing_address: false,
    is_discount_applicable: false,
    is_free_product_price: false,
    is_payment_required: true,
    is_payment_setup_required: true,
    is_payment_form_required: true,
    customer_id: null,
    is_business_customer: false,
    customer_name: null,
    customer_email: fields.customer_email ?? null,
    customer_ip_address: null,
    customer_billing_name: null,
    customer_billing_address: null,
    customer_tax_id: null,
    payment_method_type: null,
    payment_processor_metadata: {},
    billing_address_fields: {
      country: "required",
      state: "disabled",
      city: "disabled",
      postal_code: "disabled",
      line1: "disabled",
      line2: "disabled",
    },
    trial_interval: null,
    trial_interval_count: null,
    metadata: fields.metadata ?? {},
    external_customer_id: fields.external_customer_id ?? null,
    products: [],
    product: null,
    product_price: null,
    prices: null,
    discount: null,
    subscription_id: null,
    attached_custom_fields: null,
    customer_metadata: {},
  };
}

/** The url of every customer portal session the fake opens. */
export const customerPortalUrl =
  "https://sandbox.polar.sh/acme/portal?customer_session_token=polar_cst_test";

/** A CustomerSession (Polar's spec) for this customer, with its portal url. */
function customerSession(customerId: string, returnUrl: unknown) {
  const at = new Date().toISOString();
  return {
    created_at: at,
    modified_at: null,
    id: crypto.randomUUID(),
    token: "polar_cst_test",
    expires_at: at,
    return_url: returnUrl ?? null,
    customer_portal_url: customerPortalUrl,
    customer_id: customerId,
    customer: sample.data.customer,
  };
}

/** Polar's 422 (HTTPValidationError) for a field of the request body. */
function validationError(field: string, msg: string, input: string) {
  return {
    error: "RequestValidationError",
    detail: [{ loc: ["body", field], msg, type: "value_error", input }],
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}
