# Varnish 7 in front of the portal's Zope processes (or HAProxy).
#
# - anonymous GET/HEAD requests are cached for what Plone allows
#   (plone.app.caching: s-maxage; rules in dakto.policy's
#   profiles/default/registry/caching.xml), their cookies dropped;
# - logged-in requests (the __ac or auth_token cookie, an Authorization
#   header) are passed to Zope, never answered from or stored in the cache;
# - PURGE (exact URL) and BAN (URL regular expression) are accepted from
#   loopback only: Plone sends PURGE on edit and publish (DAKTO_PURGE_URL);
# - grace: a stale page is served while it is fetched anew, and for 6 hours
#   if every backend is down.
#
# The backend is in backend.vcl, looked up next to this file: deploy/cluster.sh
# and the tests copy this file next to a backend.vcl of their own.
vcl 4.1;

import std;

include "backend.vcl";

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    unset req.http.X-Dakto-Pass;
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE not allowed"));
        }
        ban("obj.http.x-url == " + req.url);
        return (synth(200, "Purged"));
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "BAN not allowed"));
        }
        ban("obj.http.x-url ~ " + req.url);
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        set req.http.X-Dakto-Pass = "1";
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(__ac|auth_token)=") {
        set req.http.X-Dakto-Pass = "1";
        return (pass);
    }
    # Anonymous: no cookie can change the page (language is in the URL).
    unset req.http.Cookie;
    # The REST API answers JSON on the same URLs as the HTML pages.
    if (req.http.Accept ~ "application/json") {
        set req.http.X-Dakto-Accept = "json";
    } else {
        unset req.http.X-Dakto-Accept;
    }
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    if (req.http.X-Dakto-Accept) {
        hash_data(req.http.X-Dakto-Accept);
    }
    return (lookup);
}

sub vcl_backend_response {
    # Kept on the object so that bans by URL work with the ban lurker.
    set beresp.http.x-url = bereq.url;
    set beresp.grace = 6h;
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        # Keep serving the stale copy rather than an error.
        return (abandon);
    }
    if (beresp.status >= 500) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Varnish's built-in rules follow: no caching of a response with
    # Set-Cookie, or Cache-Control private/no-cache/no-store, or no lifetime.
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (req.http.X-Dakto-Pass) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
        set resp.http.X-Cache-Hits = obj.hits;
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
