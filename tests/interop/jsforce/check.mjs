// Interop check: jsforce, unchanged, against the LmsSync Sandbox's Salesforce emulator.
// Usage: node check.mjs path/to/sandbox.json   (see README.md)
import { execFileSync } from 'node:child_process';
import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import jsforce from 'jsforce';

const info = JSON.parse(readFileSync(process.argv[2] ?? 'sandbox.json', 'utf8'));
const sf = info.salesforce;
const version = sf.apiVersion;
const b64url = (data) => Buffer.from(data).toString('base64url');

// The assertion is signed with the private key from the PFX the Sandbox generated (converted with
// openssl, since node's crypto cannot read PKCS#12); without openssl, the PEM copy next to it.
function privateKey() {
  try {
    const pem = execFileSync('openssl', ['pkcs12', '-in', sf.certificatePath, '-nocerts', '-nodes', '-passin', `pass:${sf.certificatePassword}`],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { pem, source: 'PFX via openssl' };
  } catch {
    return { pem: readFileSync(sf.privateKeyPath, 'utf8'), source: 'PEM (openssl unavailable)' };
  }
}

function jwtAssertion(key) {
  const header = b64url(JSON.stringify({ alg: 'RS256' }));
  const claims = b64url(JSON.stringify({
    iss: sf.clientId,
    sub: sf.username,
    aud: sf.audience ?? 'https://login.salesforce.com',
    exp: Math.floor(Date.now() / 1000) + 120, // seconds, within Salesforce's 3 minutes
  }));
  const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(key, 'base64url');
  return `${header}.${claims}.${signature}`;
}

async function admin(path, body) {
  const response = await fetch(`${sf.adminUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`admin ${path}: ${response.status} ${await response.text()}`);
}

// 1. JWT bearer flow, the documented jsforce way: authorize() with the jwt-bearer grant.
const key = privateKey();
const jwtConn = new jsforce.Connection({ oauth2: { clientId: sf.clientId, loginUrl: sf.loginUrl }, version });
const jwtUser = await jwtConn.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwtAssertion(key.pem) });
console.log(`JWT bearer: signed with ${key.source}; user ${jwtUser.id}, org ${jwtUser.organizationId}, instance ${jwtConn.instanceUrl}`);

// 2. Username-password flow (password + security token), jsforce's login() with a client secret.
const pwConn = new jsforce.Connection({ oauth2: { clientId: sf.clientId, clientSecret: sf.clientSecret, loginUrl: sf.loginUrl }, version });
const pwUser = await pwConn.login(sf.username, sf.password + sf.securityToken);
console.log(`Username-password: user ${pwUser.id}, org ${pwUser.organizationId}`);

// 3. A query over several pages with jsforce's own automatic paging; short pages switched on so
//    page sizes vary as on a real org, and a small batch size so there are many pages.
await admin('/settings', { shortPages: true });
try {
  const count = await jwtConn.query('SELECT COUNT() FROM User');
  let pages = 0;
  const records = [];
  await new Promise((resolve, reject) => {
    jwtConn.query('SELECT Id, Username, Email, IsActive, Manager.Email, Profile.Name, SystemModstamp FROM User ORDER BY Id')
      .on('fetch', () => { pages += 1; })
      .on('record', (record) => records.push(record))
      .on('end', resolve)
      .on('error', reject)
      .run({ autoFetch: true, maxFetch: 1_000_000, headers: { 'Sforce-Query-Options': 'batchSize=500' } });
  });
  const distinct = new Set(records.map((r) => r.Id)).size;
  console.log(`Query: COUNT() = ${count.totalSize}; autoFetch read ${records.length} records (${distinct} distinct) in ${pages} pages`);
  if (records.length !== count.totalSize || distinct !== records.length || pages < 2) throw new Error('paging did not add up');
  const sample = records.find((r) => r.Manager) ?? records[0];
  console.log(`  sample: ${sample.Username}, Manager.Email=${sample.Manager?.Email ?? null}, SystemModstamp=${sample.SystemModstamp}`);
} finally {
  await admin('/settings', { shortPages: false });
}

// 4. Describe User.
const describe = await jwtConn.sobject('User').describe();
const manager = describe.fields.find((f) => f.name === 'ManagerId');
console.log(`Describe User: name ${describe.name}, keyPrefix ${describe.keyPrefix}, ${describe.fields.length} fields; ManagerId → ${manager?.referenceTo} via ${manager?.relationshipName}`);

console.log(`API usage seen by jsforce (Sforce-Limit-Info): ${JSON.stringify(jwtConn.limitInfo)}`);
console.log('jsforce interop: OK');
