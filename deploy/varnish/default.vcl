# Varnish 7 in front of the portal's Zope processes (or HAProxy).
#
# - anonymous GET/HEAD requests are cached for what Plone allows
#   (plone.app.caching: s-maxage; rules in dakto.policy's
#   profiles/default/registry/caching.xml), their cookies dropped;
# - logged-in requests (the __ac or auth_token cookie, an Authorization
#   header) are passed to Zope, never answered from or stored in the cache;
# - PURGE (exact URL) and BAN (URL regular expression) are accepted from
#   loopback only: Plone sends PURGE on edit and publish (DAKTO_PURGE_URL);
# - every commune site on its own host name (dakto.policy.platform.hosts:
#   the Zope root's host map): the cache is keyed by host and URL, and a
#   site's purge names its host (/VirtualHostBase/<scheme>/<host>:<port>/
#   <site>/VirtualHostRoot/<path>, plone.cachepurging's virtual hosting), so
#   it bans that host's pages only, never another site's; a BAN in the same
#   form drops every page of that host (a site-wide change: the urgent notice);
# - grace: a stale page is served while it is fetched anew, and for 6 hours
#   if every backend is down;
# - the ZMI (Zope's management screens: /manage*, manage_* at any depth,
#   acl_users, Control_Panel, the :method/:action form markers, XML-RPC)
#   answers 403 to every client outside the acl zmi_allow (zmi_allow.vcl;
#   default: this machine only). An administrator reaches the ZMI from an
#   allowed address or through an SSH tunnel to the Zope port (README,
#   "Security").
#
# The backend is in backend.vcl, the ZMI's allowed addresses in
# zmi_allow.vcl, both looked up next to this file: deploy/cluster.sh and the
# tests copy this file next to files of their own (deploy/render.py).
vcl 4.1;

import std;

include "backend.vcl";
include "zmi_allow.vcl";

acl purgers {
    "127.0.0.1";
    "::1";
}

sub dakto_refuse_zmi {
    # A client outside zmi_allow: its requests are marked public (Zope refuses
    # them the ZMI too, after decoding what Varnish cannot: form bodies), and
    # what the URL shows of the ZMI is refused here: a path segment manage or
    # manage_* at any depth; the root's acl_users or Control_Panel (also
    # behind a VirtualHostBase prefix); a path with percent-encoded letters,
    # digits, "_", "/" or "\" (Zope decodes them: /%6Danage_main); the form
    # markers that make Zope call another method (?x:method=manage_main);
    # XML-RPC, which calls any method by its name.
    if (client.ip ~ zmi_allow) {
        unset req.http.X-Dakto-Front;
        return;
    }
    set req.http.X-Dakto-Front = "public";
    if (req.url ~ "(?i)^[^?]*/manage(_[^/?]*)?([/?]|$)" ||
        req.url ~ "(?i)^(/virtualhostbase/[^/?]+/[^/?]+)?(/virtualhostroot)?(/_vh_[^/?]*)*/(acl_users|control_panel)([/?]|$)" ||
        req.url ~ "(?i)^[^?]*%(2f|5c|3[0-9]|4[1-9a-f]|5[0-9acf]|6[1-9a-f]|7[0-9a])" ||
        req.url ~ "(?i)[?&][^=&]*(:|%3a)(default_)?(method|action)(=|&|$)" ||
        req.http.Content-Type ~ "(?i)^\s*text/xml") {
        return (synth(403, "The management interface is not reachable from this address"));
    }
}

sub vcl_recv {
    unset req.http.X-Dakto-Pass;
    call dakto_refuse_zmi;
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE not allowed"));
        }
        if (req.url ~ "^/VirtualHostBase/[^/]+/[^/]+/.*/VirtualHostRoot(/|$)") {
            # One site's page on its own host: that host's copy only.
            ban("obj.http.x-host == " +
                std.tolower(regsub(req.url, "^/VirtualHostBase/[^/]+/([^/:]+)(:[0-9]+)?/.*$", "\1")) +
                " && obj.http.x-url == " +
                regsub(regsub(req.url, "^/VirtualHostBase/[^/]+/[^/]+/.*?/VirtualHostRoot", ""), "^$", "/"));
        } else {
            ban("obj.http.x-url == " + req.url);
        }
        return (synth(200, "Purged"));
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "BAN not allowed"));
        }
        if (req.url ~ "^/VirtualHostBase/[^/]+/[^/]+/.*/VirtualHostRoot(/|$)") {
            # One site's pages on its own host (the urgent notice changed):
            # the pages of that host under the path, no other site's.
            ban("obj.http.x-host == " +
                std.tolower(regsub(req.url, "^/VirtualHostBase/[^/]+/([^/:]+)(:[0-9]+)?/.*$", "\1")) +
                " && obj.http.x-url ~ ^" +
                regsub(regsub(req.url, "^/VirtualHostBase/[^/]+/[^/]+/.*?/VirtualHostRoot", ""), "^$", "/"));
        } else {
            ban("obj.http.x-url ~ " + req.url);
        }
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
    set beresp.http.x-host = std.tolower(regsub(bereq.http.host, ":[0-9]+$", ""));
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
    unset resp.http.x-host;
    if (req.http.X-Dakto-Pass) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
        set resp.http.X-Cache-Hits = obj.hits;
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
