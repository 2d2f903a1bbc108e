using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Sandbox.Salesforce.Auth;

/// <summary>An access token the emulator issued: whose session it is and when it began.</summary>
public sealed record IssuedToken(string AccessToken, string UserId, string Username, DateTimeOffset IssuedAt);

/// <summary>
/// Live access tokens and refresh tokens. Access tokens look like Salesforce's opaque ones
/// (<c>00D…!AQ…</c>) and die at issue time + the configured lifetime, on revocation, or when
/// their user is deactivated.
/// </summary>
public sealed class TokenStore
{
    private readonly string _orgId15;
    private readonly ConcurrentDictionary<string, IssuedToken> _access = new(StringComparer.Ordinal);
    private readonly object _refreshGate = new();
    private readonly Dictionary<string, RefreshGrant> _refresh = new(StringComparer.Ordinal);
    private long _nextChain;

    public TokenStore(string orgId)
    {
        _orgId15 = orgId.Substring(0, 15);
    }

    public IssuedToken Issue(string userId, string username, DateTimeOffset now)
    {
        var token = new IssuedToken(_orgId15 + "!AQ" + RandomText.Alphanumeric(94), userId, username, now);
        _access[token.AccessToken] = token;
        return token;
    }

    /// <summary>The live token, or null when it is unknown, revoked or past its lifetime (then it is forgotten).</summary>
    public IssuedToken? Find(string accessToken, DateTimeOffset now, TimeSpan lifetime)
    {
        if (!_access.TryGetValue(accessToken, out var token)) return null;
        if (now < token.IssuedAt + lifetime) return token;
        _access.TryRemove(accessToken, out _);
        return null;
    }

    public int RevokeAllAccessTokens()
    {
        var count = _access.Count;
        _access.Clear();
        return count;
    }

    /// <summary>Salesforce ends a user's sessions when the user is deactivated.</summary>
    public void RevokeUser(string userId)
    {
        foreach (var token in _access.Values.Where(t => t.UserId == userId).ToList()) _access.TryRemove(token.AccessToken, out _);
    }

    /// <summary>The <c>/services/oauth2/revoke</c> call: an access token, or a refresh token with its whole chain.</summary>
    public bool Revoke(string token)
    {
        if (_access.TryRemove(token, out _)) return true;
        lock (_refreshGate)
        {
            if (!_refresh.TryGetValue(token, out var grant) || !grant.Active) return false;
            RevokeChain(grant.Chain);
            return true;
        }
    }

    public void AddRefreshToken(string refreshToken, string username)
    {
        lock (_refreshGate) _refresh[refreshToken] = new RefreshGrant(username, ++_nextChain) { Active = true };
    }

    /// <summary>
    /// Redeems a refresh token. With rotation the token is spent and a successor returned; presenting a
    /// spent token again revokes the whole chain (Salesforce's replay protection).
    /// </summary>
    public RefreshRedemption? Redeem(string refreshToken, bool rotate)
    {
        lock (_refreshGate)
        {
            if (!_refresh.TryGetValue(refreshToken, out var grant)) return null;
            if (!grant.Active)
            {
                RevokeChain(grant.Chain);
                return null;
            }
            if (!rotate) return new RefreshRedemption(grant.Username, null);
            grant.Active = false;
            var successor = "5Aep861" + RandomText.Alphanumeric(80) + "==";
            _refresh[successor] = new RefreshGrant(grant.Username, grant.Chain) { Active = true };
            return new RefreshRedemption(grant.Username, successor);
        }
    }

    public void RevokeAllRefreshTokens()
    {
        lock (_refreshGate)
        {
            foreach (var grant in _refresh.Values) grant.Active = false;
        }
    }

    private void RevokeChain(long chain)
    {
        foreach (var grant in _refresh.Values.Where(g => g.Chain == chain)) grant.Active = false;
    }

    private sealed class RefreshGrant(string username, long chain)
    {
        public string Username { get; } = username;
        public long Chain { get; } = chain;
        public bool Active { get; set; }
    }
}

/// <summary>A redeemed refresh token: for whom, and the new refresh token when rotation is on.</summary>
public sealed record RefreshRedemption(string Username, string? NewRefreshToken);
