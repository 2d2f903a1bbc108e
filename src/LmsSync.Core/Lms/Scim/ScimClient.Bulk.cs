using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    public sealed partial class ScimClient
    {
        /// <summary>Room for the BulkRequest envelope around the operations, in bytes.</summary>
        private const int BulkEnvelopeBytes = 256;

        /// <summary>
        /// Creates many users: through <c>/Bulk</c> when the service offers it (batches within <c>maxOperations</c>
        /// and <c>maxPayloadSize</c>), else one POST each with at most <see cref="ScimClientOptions.MaxConcurrency"/> at a time.
        /// One user's failure is that user's result.
        /// </summary>
        public async Task<IReadOnlyList<ScimWriteResult>> CreateUsersAsync(IReadOnlyList<ScimNewUser> users, bool sendWelcomeEmail = false, CancellationToken cancellationToken = default)
        {
            if (users == null) throw new ArgumentNullException(nameof(users));
            var welcome = WelcomeSwitch(sendWelcomeEmail);
            var items = users.Select((user, index) => new ScimBulkItem(index, "POST", "/Users", user.ToResource(welcome), null, null, safeToResend: true)).ToList();
            return await WriteManyAsync(items, async (item, token) =>
            {
                var created = await CreateUserAsync(users[item.Index], sendWelcomeEmail, token).ConfigureAwait(false);
                return (201, created.Id);
            }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Updates many users, like <see cref="CreateUsersAsync"/>; a user with nothing to change costs no request.</summary>
        public async Task<IReadOnlyList<ScimWriteResult>> UpdateUsersAsync(IReadOnlyList<ScimUserUpdate> updates, CancellationToken cancellationToken = default)
        {
            if (updates == null) throw new ArgumentNullException(nameof(updates));
            var config = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            var results = new ScimWriteResult?[updates.Count];
            var items = new List<ScimBulkItem>();
            for (var i = 0; i < updates.Count; i++)
            {
                var operations = updates[i].Changes.ToPatch(updates[i].Current.Resource);
                if (operations.Count == 0)
                {
                    results[i] = new ScimWriteResult(i, 204, updates[i].Current.Id, null, false);
                    continue;
                }
                var id = updates[i].Current.Id;
                var version = KnownVersion(config, "Users", id, updates[i].Current.Version);
                items.Add(new ScimBulkItem(i, "PATCH", "/Users/" + id, ScimPatchOperation.Message(operations), version, id, ScimPatchOperation.Idempotent(operations)));
            }
            var written = await WriteManyAsync(items, async (item, token) =>
            {
                var update = updates[item.Index];
                await UpdateUserAsync(update.Current, update.Changes, token).ConfigureAwait(false);
                return (200, update.Current.Id);
            }, cancellationToken).ConfigureAwait(false);
            foreach (var result in written) results[result.Index] = result;
            return results.Select(r => r!).ToList();
        }

        /// <summary>The version to send as a bulk operation's <c>version</c> (its If-Match): the one given, else the last seen; none when the service does not version.</summary>
        internal string? KnownVersion(ScimServiceProviderConfig config, string resource, string id, string? version) =>
            config.EtagSupported ? version ?? (_versions.TryGetValue(resource + "/" + id, out var known) ? known : null) : null;

        /// <summary>
        /// Sends the operations through <c>/Bulk</c> in batches within the service's limits, one batch after another (so
        /// their order holds); one that fits no batch, or that <see cref="ScimBulkItem.RetryAloneWhen"/> sends back, goes
        /// through <paramref name="single"/>. Without bulk (or for one operation) each goes through <paramref name="single"/>.
        /// </summary>
        internal async Task<IReadOnlyList<ScimWriteResult>> WriteManyAsync(IReadOnlyList<ScimBulkItem> items,
            Func<ScimBulkItem, CancellationToken, Task<(int Status, string Id)>> single, CancellationToken cancellationToken)
        {
            var config = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            var results = new List<ScimWriteResult>();
            var alone = new List<ScimBulkItem>();
            if (_options.UseBulk && config.BulkSupported && items.Count > 1)
            {
                foreach (var batch in Batches(items, config.BulkMaxOperations, config.BulkMaxPayloadSize, alone))
                {
                    results.AddRange(await SendBulkAsync(batch, single, cancellationToken).ConfigureAwait(false));
                }
            }
            else
            {
                alone.AddRange(items);
            }
            results.AddRange(await SendEachAsync(alone, single, cancellationToken).ConfigureAwait(false));
            return results.OrderBy(r => r.Index).ToList();
        }

        /// <summary>Batches within both limits; an operation too big for any batch goes into <paramref name="alone"/>.</summary>
        private static IEnumerable<List<ScimBulkItem>> Batches(IReadOnlyList<ScimBulkItem> items, int maxOperations, long maxPayloadSize, List<ScimBulkItem> alone)
        {
            var batch = new List<ScimBulkItem>();
            long size = BulkEnvelopeBytes;
            foreach (var item in items)
            {
                var bytes = item.Size + 1;
                if (maxPayloadSize > 0 && BulkEnvelopeBytes + bytes > maxPayloadSize)
                {
                    alone.Add(item);
                    continue;
                }
                if (batch.Count > 0 && (batch.Count >= maxOperations || (maxPayloadSize > 0 && size + bytes > maxPayloadSize)))
                {
                    yield return batch;
                    batch = new List<ScimBulkItem>();
                    size = BulkEnvelopeBytes;
                }
                batch.Add(item);
                size += bytes;
            }
            if (batch.Count > 0) yield return batch;
        }

        private async Task<IReadOnlyList<ScimWriteResult>> SendBulkAsync(List<ScimBulkItem> batch,
            Func<ScimBulkItem, CancellationToken, Task<(int Status, string Id)>> single, CancellationToken cancellationToken)
        {
            var body = new JObject
            {
                ["schemas"] = new JArray(ScimSchemaUris.BulkRequest),
                ["Operations"] = new JArray(batch.Select(i => (object)i.ToJson()).ToArray()),
            };
            ScimResponse response;
            try
            {
                // A batch of operations that are safe to resend is retried on 5xx like any idempotent call; 429 always is (ScimTransport).
                response = await _transport.SendAsync(HttpMethod.Post, "Bulk", body, null, batch.All(i => i.SafeToResend), cancellationToken).ConfigureAwait(false);
            }
            catch (ScimException e) when (e.StatusCode == 413 && batch.Count > 1)
            {
                // The service's own limit was lower than it advertised: halve and go on.
                var half = batch.Count / 2;
                var first = await SendBulkAsync(batch.Take(half).ToList(), single, cancellationToken).ConfigureAwait(false);
                var second = await SendBulkAsync(batch.Skip(half).ToList(), single, cancellationToken).ConfigureAwait(false);
                return first.Concat(second).ToList();
            }
            catch (ScimException e)
            {
                return batch.Select(i => new ScimWriteResult(i.Index, e.StatusCode, null, e, true)).ToList();
            }

            var answers = (ScimJson.Get(response.Body, "Operations") as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>();
            var results = new List<ScimWriteResult>();
            var retryAlone = new List<ScimBulkItem>();
            for (var position = 0; position < batch.Count; position++)
            {
                var item = batch[position];
                var answer = answers.FirstOrDefault(a => ScimJson.String(a, "bulkId") == item.BulkId)
                    ?? (position < answers.Count && ScimJson.String(answers[position], "bulkId") == null ? answers[position] : null);
                if (answer == null)
                {
                    results.Add(new ScimWriteResult(item.Index, 0, null, new ScimException("POST /Bulk", response.Status, null, null,
                        $"The SCIM service did not answer bulk operation {item.Method} {item.Path} (it stops after too many errors); nothing is known about it. Run again."), true));
                    continue;
                }
                var status = BulkStatus(answer);
                var operation = $"{item.Method} {item.Path} (in /Bulk)";
                if (status >= 200 && status < 300)
                {
                    var resultBody = ScimJson.Get(answer, "response") as JObject;
                    var id = IdFrom(resultBody, ScimJson.String(answer, "location")) ?? item.Id;
                    var version = ScimJson.String(answer, "version");
                    if (id != null && version != null && (await DiscoverAsync(cancellationToken).ConfigureAwait(false)).EtagSupported) _versions[item.Resource + "/" + id] = version;
                    results.Add(new ScimWriteResult(item.Index, status, id, id == null
                        ? new ScimException(operation, status, null, null, $"{operation} succeeded but the service named no location for it; find the user by userName.")
                        : null, true));
                }
                else
                {
                    var error = ScimException.FromResponse(operation, status, ScimJson.Get(answer, "response")?.ToString());
                    if (item.RetryAloneWhen(status, error)) retryAlone.Add(item);
                    else results.Add(new ScimWriteResult(item.Index, status, null, error, true));
                }
            }
            results.AddRange(await SendEachAsync(retryAlone, single, cancellationToken).ConfigureAwait(false));
            return results;
        }

        /// <summary>A BulkResponse status is a string in RFC 7644 ("201"); some services send a number or "201 Created".</summary>
        private static int BulkStatus(JObject answer)
        {
            var status = ScimJson.Get(answer, "status");
            if (status is JObject nested) status = ScimJson.Get(nested, "code"); // RFC 7644 draft form {"code":"201"}
            var text = ScimJson.Text(status) ?? "";
            var digits = new string(text.Trim().TakeWhile(char.IsDigit).ToArray());
            return int.TryParse(digits, out var code) ? code : 0;
        }

        private async Task<IReadOnlyList<ScimWriteResult>> SendEachAsync(IReadOnlyList<ScimBulkItem> items,
            Func<ScimBulkItem, CancellationToken, Task<(int Status, string Id)>> single, CancellationToken cancellationToken)
        {
            if (items.Count == 0) return new ScimWriteResult[0];
            using (var gate = new SemaphoreSlim(_options.MaxConcurrency))
            {
                var tasks = items.Select(async item =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        var (status, id) = await single(item, cancellationToken).ConfigureAwait(false);
                        return new ScimWriteResult(item.Index, status, id, null, false);
                    }
                    catch (ScimException e)
                    {
                        return new ScimWriteResult(item.Index, e.StatusCode, null, e, false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }).ToList();
                return await Task.WhenAll(tasks).ConfigureAwait(false);
            }
        }
    }
}
