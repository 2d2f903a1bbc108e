// An independent SCIM 2.0 service provider for the LmsSync SCIM client's interop check.
// The protocol (filter parsing and matching, PatchOp, ListResponse paging, BulkRequest, errors,
// ServiceProviderConfig, Schemas) is SCIMMY's and scimmy-routers'; this file only supplies what
// those libraries leave to the host: an in-memory store, bearer-token auth and userName uniqueness.
//
//   SCIM_TOKEN=<secret> PORT=8880 [LOG_REQUESTS=1] node server.mjs   → serves http://127.0.0.1:8880/scim/v2
import crypto from "node:crypto";
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";

const port = Number(process.env.PORT ?? 8880);
const token = process.env.SCIM_TOKEN;
if (!token) {
    console.error("Set SCIM_TOKEN to the bearer token clients must send.");
    process.exit(2);
}

const users = new Map();
const groups = new Map();
const now = () => new Date().toISOString();

// Equal-length, constant-time comparison, so the token check leaks nothing through timing.
const tokenMatches = (presented) => {
    const a = Buffer.from(presented ?? "");
    const b = Buffer.from(token);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
};

const egressFrom = (store) => (resource) => {
    if (resource.id) {
        const found = store.get(resource.id);
        if (!found) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
        return found;
    }
    const all = [...store.values()];
    return resource.filter ? resource.filter.match(all) : all;
};

const ingressInto = (store, resourceType, unique) => (resource, instance) => {
    const clash = unique && [...store.values()].find(r =>
        r.id !== resource.id && String(r[unique]).toLowerCase() === String(instance[unique]).toLowerCase());
    if (clash) throw new SCIMMY.Types.Error(409, "uniqueness", `${unique} '${instance[unique]}' is already taken`);

    if (resource.id) {
        const existing = store.get(resource.id);
        if (!existing) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
        const updated = {...instance, id: resource.id, meta: {...existing.meta, lastModified: now()}};
        store.set(resource.id, updated);
        return updated;
    }
    const id = crypto.randomUUID();
    const created = {...instance, id, meta: {resourceType, created: now(), lastModified: now()}};
    store.set(id, created);
    return created;
};

const degressFrom = (store) => (resource) => {
    if (!store.delete(resource.id)) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
};

SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .ingress(ingressInto(users, "User", "userName"))
    .egress(egressFrom(users))
    .degress(degressFrom(users));
SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false);
SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .ingress(ingressInto(groups, "Group", "displayName"))
    .egress(egressFrom(groups))
    .degress(degressFrom(groups));

const app = express();
// LOG_REQUESTS=1: one line per request (method, path without query, status), to see what a client run did.
if (process.env.LOG_REQUESTS === "1") {
    app.use((req, res, next) => {
        res.on("finish", () => console.log(`${req.method} ${req.originalUrl.split("?")[0]} ${res.statusCode}`));
        next();
    });
}
const scim = new SCIMMYRouters({
    type: "bearer",
    docUri: "https://datatracker.ietf.org/doc/html/rfc6750",
    handler: (request) => {
        const header = request.header("Authorization") ?? "";
        if (!header.startsWith("Bearer ") || !tokenMatches(header.slice(7))) throw new Error("Bearer token missing or not accepted");
        return "interop-client";
    },
    baseUri: () => undefined,
});
// The routers advertise patch, filter, sort and bulk; cap them so the client's limits get exercised.
SCIMMY.Config.set({filter: {supported: true, maxResults: 50}, bulk: {supported: true, maxOperations: 10, maxPayloadSize: 1048576}});
app.use("/scim/v2", scim);

app.listen(port, "127.0.0.1", () => console.log(`SCIM interop server on http://127.0.0.1:${port}/scim/v2`));
